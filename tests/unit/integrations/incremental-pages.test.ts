// Whether a build uses Astro's page cache (src/integrations/incremental-pages.ts): up to a size of
// playbook, as it costs a large playbook's cold build more than it saves its rebuilds.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { usesPageCache } from '../../../src/integrations/incremental-pages.ts';

let folder = '';
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const playbook = (files: string[]): string => {
  folder = mkdtempSync(join(tmpdir(), 'pb-page-cache-'));
  for (const file of files) {
    mkdirSync(join(folder, 'playbook', file, '..'), { recursive: true });
    writeFileSync(join(folder, 'playbook', file), '---\ntitle: A\n---\nText.\n');
  }
  return folder;
};

test('counts the chapters in the playbook folder and its sub-folders, and nothing else', () => {
  const content = playbook(['a.mdx', 'b.mdx', 'deeper/c.mdx', 'notes.md', 'image.png']);
  expect(usesPageCache(content, 3)).toBe(true);
  expect(usesPageCache(content, 2)).toBe(false);
});

test('by default the limit is PAGE_CACHE_MAX_CHAPTERS', () => {
  const content = playbook(['a.mdx']);
  expect(usesPageCache(content)).toBe(true);
  expect(usesPageCache(content, 0)).toBe(false);
});

test('content without a playbook folder builds as a small one', () => {
  folder = mkdtempSync(join(tmpdir(), 'pb-page-cache-'));
  expect(usesPageCache(folder)).toBe(true);
});
