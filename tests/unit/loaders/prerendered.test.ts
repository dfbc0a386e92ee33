// Chapters rendered while Astro starts are found by a digest of what their HTML depends on; a result
// that is missing, half-written or unreadable is never taken, so the loader renders the chapter itself.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { prerenderKey, readPrerendered, writePrerendered, type PrerenderedChapter } from '../../../src/loaders/prerendered.ts';

const dir = mkdtempSync(join(tmpdir(), 'pb-prerendered-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const chapter: PrerenderedChapter = {
  ok: true,
  html: '<p>Call ten accounts.</p>',
  headings: [{ depth: 2, slug: 'step', text: 'Step' }],
  readingMinutes: 1,
  terms: [{ id: 'icp', line: 7 }],
};

describe('chapters rendered ahead', () => {
  test('the key changes with the rendering inputs, the file, the body and its line numbers', () => {
    const key = prerenderKey('inputs', '/c/a.mdx', 'Body', '\n\nBody');
    expect(prerenderKey('inputs', '/c/a.mdx', 'Body', '\n\nBody')).toBe(key);
    for (const other of [
      prerenderKey('other inputs', '/c/a.mdx', 'Body', '\n\nBody'),
      prerenderKey('inputs', '/c/b.mdx', 'Body', '\n\nBody'),
      prerenderKey('inputs', '/c/a.mdx', 'Body!', '\n\nBody!'),
      prerenderKey('inputs', '/c/a.mdx', 'Body', '\n\n\nBody'),
    ]) {
      expect(other).not.toBe(key);
    }
  });

  test('a written result reads back whole, and leaves no temporary file', () => {
    const key = prerenderKey('inputs', '/c/a.mdx', 'Body', 'Body');
    writePrerendered(dir, key, chapter);
    expect(readPrerendered(dir, key)).toEqual(chapter);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('a chapter that failed to render ahead reads as failed, so the loader renders it and reports the error', () => {
    const key = prerenderKey('inputs', '/c/broken.mdx', '<Broken', '<Broken');
    writePrerendered(dir, key, { ok: false });
    expect(readPrerendered(dir, key)).toEqual({ ok: false });
  });

  test('a missing, cut-short or malformed result is not taken', () => {
    expect(readPrerendered(dir, 'no-such-key')).toBeUndefined();
    writeFileSync(join(dir, 'cut.json'), JSON.stringify(chapter).slice(0, 20));
    expect(readPrerendered(dir, 'cut')).toBeUndefined();
    writeFileSync(join(dir, 'odd.json'), JSON.stringify({ ok: true, html: 42 }));
    expect(readPrerendered(dir, 'odd')).toEqual({ ok: false });
    expect(readPrerendered(join(dir, 'gone'), 'cut')).toBeUndefined();
  });
});
