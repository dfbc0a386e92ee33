// Whether a build uses Astro's page cache (src/integrations/incremental-pages.ts): up to a size of
// playbook, as it costs a large playbook's cold build more than it saves its rebuilds. The chapters
// are counted as the build record lists them (scripts/lib/build-fingerprint.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { usesPageCache } from '../../../src/integrations/incremental-pages.ts';
import { chapterFiles } from '../../../scripts/lib/build-fingerprint.ts';

let folder = '';
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const playbook = (files: string[]): string => {
  folder = mkdtempSync(join(tmpdir(), 'pb-page-cache-'));
  for (const file of files) {
    mkdirSync(join(folder, file, '..'), { recursive: true });
    writeFileSync(join(folder, file), '---\ntitle: A\n---\nText.\n');
  }
  return folder;
};

test('counts the chapters in the playbook folder and its sub-folders, and nothing else', () => {
  const content = playbook([
    'playbook/a.mdx',
    'playbook/b.mdx',
    'playbook/deeper/c.mdx',
    'playbook/_partial.mdx',
    'playbook/notes.md',
    'playbook/image.png',
    'glossary/d.mdx',
  ]);
  expect(chapterFiles(content).map((file) => file.slice(content.length + 1))).toEqual(['playbook/a.mdx', 'playbook/b.mdx', 'playbook/deeper/c.mdx']);
  expect(usesPageCache(chapterFiles(content).length, 3)).toBe(true);
  expect(usesPageCache(chapterFiles(content).length, 2)).toBe(false);
});

test('by default the limit is PAGE_CACHE_MAX_CHAPTERS', () => {
  const chapters = chapterFiles(playbook(['playbook/a.mdx'])).length;
  expect(usesPageCache(chapters)).toBe(true);
  expect(usesPageCache(chapters, 0)).toBe(false);
});

test('content without a playbook folder builds as a small one', () => {
  folder = mkdtempSync(join(tmpdir(), 'pb-page-cache-'));
  expect(chapterFiles(folder)).toEqual([]);
  expect(usesPageCache(chapterFiles(folder).length)).toBe(true);
});
