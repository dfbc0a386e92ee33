// A rebuild copies from Astro's cache every page whose cache key (src/playbook/page-keys.ts) and template
// code are unchanged. These builds check that a rebuild after an edit writes byte for byte what a cold
// build of the edited content writes, and that it did keep pages rather than render everything again.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildContent, differences } from './fixture-build.ts';

const work = mkdtempSync(join(tmpdir(), 'pb-incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const content = join(work, 'content');
cpSync(resolve('tests/fixtures/content'), content, { recursive: true });

interface Built {
  files: Map<string, string>;
  /** The pages Astro copied from its cache rather than rendered, e.g. `chapters/first-steps/index.html`. */
  kept: string[];
}

/** Builds the fixture playbook into `out` with the given cache. */
function build(out: string, cache: string): Built {
  const { files, stdout } = buildContent(content, join(work, out), join(work, cache));
  // Astro logs each page as it writes it: "├─ /chapters/first-steps/index.html (restored)" for a kept one.
  const log = stdout.replace(/\x1b\[[\d;]*m/g, '');
  return { files, kept: [...log.matchAll(/ \/(\S+) \((?:restored|cached)\)/g)].map((m) => m[1]!).sort() };
}

/** The pages whose contents differ between two builds. */
const changedPages = (before: Map<string, string>, after: Map<string, string>): string[] => differences(before, after).filter((p) => p.endsWith('.html'));

// Each test builds the playbook twice; a busy machine needs more than the default two minutes.
const BUILDS = { timeout: 600_000 };

/** Edits a file for the length of one test. */
function editing(file: string, change: (text: string) => string, run: () => void): void {
  const original = readFileSync(file, 'utf8');
  const changed = change(original);
  expect(changed).not.toBe(original);
  writeFileSync(file, changed);
  try {
    run();
  } finally {
    writeFileSync(file, original);
  }
}

describe('incremental rebuilds', () => {
  const first = build('first', 'cache');

  test('a rebuild with nothing changed keeps every page built from the content and writes the same files', BUILDS, () => {
    const again = build('again', 'cache');
    expect(differences(again.files, first.files)).toEqual([]);
    // Every chapter, section and path page of the fixture.
    expect(again.kept).toEqual(
      [
        'chapters/daily-habits/index.html',
        'chapters/first-steps/index.html',
        'chapters/second-steps/index.html',
        'paths/starter/index.html',
        'paths/starter/print/index.html',
        'sections/basics/index.html',
        'sections/practice/index.html',
      ].sort(),
    );
  });

  test('after a chapter’s body is edited, the rebuild is byte for byte a cold build of the edited content', BUILDS, () => {
    editing(
      join(content, 'playbook/second-steps.mdx'),
      (text) => `${text}\n\nAn added paragraph about the quokkaesque follow-up call.\n`,
      () => {
        const rebuilt = build('body-edited', 'cache');
        const cold = build('body-edited-cold', 'cache-body-edited');
        expect(differences(rebuilt.files, cold.files)).toEqual([]);
        expect(rebuilt.files.get('chapters/second-steps/index.html')).toContain('quokkaesque');
        // The other chapters were kept, not rendered again; the pages that show every chapter's text were not.
        expect(rebuilt.kept).toEqual(['chapters/daily-habits/index.html', 'chapters/first-steps/index.html']);
        expect(changedPages(first.files, rebuilt.files)).toContain('chapters/second-steps/index.html');
      },
    );
  });

  test('after a chapter’s title is edited, every page that shows it has the new title, as a cold build writes them', BUILDS, () => {
    editing(
      join(content, 'playbook/first-steps.mdx'),
      (text) => text.replace(/^title: First steps$/m, 'title: Very first steps'),
      () => {
        const rebuilt = build('title-edited', 'cache');
        const cold = build('title-edited-cold', 'cache-title-edited');
        expect(differences(rebuilt.files, cold.files)).toEqual([]);
        const showing = [...rebuilt.files].filter(([path, html]) => path.endsWith('.html') && html.includes('Very first steps')).map(([path]) => path);
        // The chapter itself, its neighbour's "next" link and its section's list at least.
        expect(showing).toEqual(expect.arrayContaining(['chapters/first-steps/index.html', 'chapters/second-steps/index.html', 'sections/basics/index.html']));
      },
    );
  });
});
