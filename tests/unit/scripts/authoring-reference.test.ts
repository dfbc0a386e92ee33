import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { authoringReference, spliceReference } from '../../../scripts/lib/authoring-reference.ts';

test('the frontmatter reference in docs/authoring.md matches the schemas (run `npm run docs:reference` to update)', () => {
  const doc = readFileSync('docs/authoring.md', 'utf8');
  expect(spliceReference(doc, authoringReference())).toBe(doc);
});

test('the reference lists every chapter field with its allowed values and default', () => {
  const reference = authoringReference();
  expect(reference).toContain('| `audience` | `rep` \\| `leader` \\| `both` | no | `"both"` |');
  expect(reference).toContain('| `section` | text | yes |');
  expect(reference).toContain('| `currency` |');
});
