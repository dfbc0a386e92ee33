// Regenerates the frontmatter reference in docs/authoring.md from the content schemas.
import { readFileSync, writeFileSync } from 'node:fs';
import { authoringReference, spliceReference } from './lib/authoring-reference.ts';

const file = 'docs/authoring.md';
const before = readFileSync(file, 'utf8');
const after = spliceReference(before, authoringReference());
if (after === before) console.log(`${file}: reference already up to date`);
else {
  writeFileSync(file, after);
  console.log(`${file}: reference updated`);
}
