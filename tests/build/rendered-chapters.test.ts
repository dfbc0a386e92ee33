// Chapters are rendered once in the content layer (src/loaders/mdx-loader.ts) and kept in Astro's
// cache. These builds check that the pages are exactly those Astro's own MDX rendering writes, and
// that a rebuild from the cache writes exactly what a cold build writes.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildContent, differences } from './fixture-build.ts';
import { prerenderChapters } from '../../scripts/lib/prerender.ts';
import { PRERENDERED_ENV } from '../../src/loaders/prerendered.ts';
import { contentFile } from '../../src/common/content-dir.ts';

const work = mkdtempSync(join(tmpdir(), 'pb-rendered-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const content = join(work, 'content');
cpSync(resolve('tests/fixtures/content'), content, { recursive: true });

/** Builds the fixture playbook into `out` with the given cache; returns every file's text by path. */
const build = (out: string, cache: string, env: Record<string, string> = {}): Map<string, string> =>
  buildContent(content, join(work, out), join(work, cache), env).files;

/** Renders the fixture's chapters as the build script does while Astro starts (scripts/lib/prerender.ts), into a new folder. */
async function renderAhead(name: string): Promise<{ dir: string; count: number }> {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const count = await prerenderChapters({
    contentFolder: content,
    base: '/',
    calculatorDefaults: contentFile('calculator/defaults.yaml', content),
    dir,
    stopped: () => false,
  });
  return { dir, count };
}

/** How many chapters the chapter loader took from those rendered ahead, as its log line says. */
const takenAhead = (stdout: string): number => Number(/\((\d+) of them while Astro started/.exec(stdout.replace(/\x1b\[[\d;]*m/g, ''))?.[1] ?? 0);

// Each test builds the playbook once or twice; a busy machine needs more than the default two minutes.
const BUILDS = { timeout: 600_000 };

describe('chapters rendered in the content layer', () => {
  const cold = build('cold', 'cache');

  test('pages are byte for byte those of Astro’s MDX modules, with every author component', BUILDS, () => {
    const modules = build('modules', 'cache-modules', { CHAPTER_RENDERING: 'modules' });
    expect(differences(cold, modules)).toEqual([]);
    // The fixture uses every component, so a twin drifting from its .astro component shows up here.
    const chapter = cold.get('chapters/first-steps/index.html') ?? '';
    for (const marker of [
      'class="callout',
      '<pb-checklist>',
      'class="exercise"',
      'class="takeaways"',
      'class="line line--',
      'class="note"',
      'class="talk-track"',
      'class="term"',
      '<pb-funnel-worksheet',
    ]) {
      expect(
        [...cold.entries()].some(([path, html]) => path.startsWith('chapters/') && html.includes(marker)),
        marker,
      ).toBe(true);
    }
    expect(chapter).toContain('<h1');
  });

  test('a rebuild from the cache is byte for byte the cold build', BUILDS, () => {
    expect(differences(build('warm', 'cache'), cold)).toEqual([]);
  });

  test('a chapter whose HTML is gone from the cache folder is rendered again, the same', BUILDS, () => {
    rmSync(join(work, 'cache', 'rendered-chapters'), { recursive: true, force: true });
    expect(differences(build('after-cleaning', 'cache'), cold)).toEqual([]);
  });

  test('chapters rendered while Astro starts are taken by the loader and come out byte for byte the same', BUILDS, async () => {
    const { dir, count } = await renderAhead('ahead');
    expect(count).toBe(4);
    const ahead = buildContent(content, join(work, 'from-ahead'), join(work, 'cache-ahead'), { [PRERENDERED_ENV]: dir });
    expect(takenAhead(ahead.stdout)).toBe(count);
    expect(differences(ahead.files, cold)).toEqual([]);
  });

  test('a chapter edited after it was rendered ahead is rendered again, not taken', BUILDS, async () => {
    const { dir, count } = await renderAhead('ahead-then-edit');
    const chapter = join(content, 'playbook/first-steps.mdx');
    const original = readFileSync(chapter, 'utf8');
    writeFileSync(chapter, `${original.trimEnd()}\n\nA sentence added after the chapter was rendered ahead.\n`);
    try {
      const ahead = buildContent(content, join(work, 'edited-ahead'), join(work, 'cache-edited-ahead'), { [PRERENDERED_ENV]: dir });
      expect(takenAhead(ahead.stdout)).toBe(count - 1);
      expect(ahead.files.get('chapters/first-steps/index.html')).toContain('A sentence added after the chapter was rendered ahead.');
      expect(differences(ahead.files, build('edited-cold', 'cache-edited-cold'))).toEqual([]);
    } finally {
      writeFileSync(chapter, original);
    }
  });

  test('a changed glossary definition reaches chapters kept in the cache', BUILDS, () => {
    const term = join(content, 'glossary/target.yaml');
    const original = readFileSync(term, 'utf8');
    writeFileSync(term, original.replace(/definition: .*/, 'definition: A changed definition of target.'));
    try {
      const rebuilt = build('after-edit', 'cache');
      const fresh = build('after-edit-cold', 'cache-after-edit');
      expect(differences(rebuilt, fresh)).toEqual([]);
      expect([...rebuilt.values()].some((html) => html.includes('title="A changed definition of target."'))).toBe(true);
    } finally {
      writeFileSync(term, original);
    }
  });
});
