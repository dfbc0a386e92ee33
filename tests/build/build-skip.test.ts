// npm run build keeps the built folder when nothing it is built from has changed (scripts/build.ts);
// after an edit to a chapter's text alone it writes that chapter's pages without Astro
// (scripts/lib/quick-rebuild.ts), and after any other edit it builds every page. These builds run the
// whole script: Astro, Pagefind, the offline worker.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'pb-build-skip-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const content = join(work, 'content');
cpSync(resolve('tests/fixtures/content'), content, { recursive: true });
const out = join(work, 'dist');

function build(target = out, cache = join(work, 'cache'), status = 0): string {
  const result = spawnSync(process.execPath, [resolve('scripts/build.ts')], {
    env: { ...process.env, CONTENT_DIR: content, OUT_DIR: target, ASTRO_CACHE_DIR: cache, BASE_PATH: '/', BUILD_FORCE: '' },
    encoding: 'utf8',
    timeout: 300_000,
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(status);
  return `${result.stdout}\n${result.stderr}`;
}

/** Every file of a built folder with its bytes, and with its modification time when asked. */
function snapshot(folder = out, times = true): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    files.set(relative(folder, file), `${times ? statSync(file).mtimeMs : ''} ${readFileSync(file, 'base64')}`);
  }
  return files;
}

/** The files whose bytes differ between the folder and a cold build of the same content (a fresh cache, another folder). */
function differencesFromCold(name: string): string[] {
  const cold = join(work, name);
  build(cold, join(work, `cache-${name}`));
  const a = snapshot(out, false);
  const b = snapshot(cold, false);
  return [...new Set([...a.keys(), ...b.keys()])].filter((path) => a.get(path) !== b.get(path)).sort();
}

const page = (path: string): string => readFileSync(join(out, path), 'utf8');
const chapterFile = join(content, 'playbook/first-steps.mdx');
// Each test builds the fixture two or three times; a busy machine needs more than the default time.
const BUILDS = { timeout: 900_000 };

test('a build with nothing changed keeps the folder as it was', BUILDS, () => {
  expect(build()).toMatch(/build: done in [\d.]+ s \(astro [\d.]+ s, pagefind [\d.]+ s, offline [\d.]+ s\)/);
  const first = snapshot();
  expect(first.has('pagefind/pagefind.js')).toBe(true);
  expect(first.has('sw.js')).toBe(true);

  expect(build()).toContain('build: nothing the site is built from has changed since the last build');
  expect(snapshot()).toEqual(first);
});

test('after a sentence is added to a chapter, its pages are written without Astro, byte for byte as a cold build writes the site', BUILDS, () => {
  appendFileSync(chapterFile, '\nA sentence about the quokkaesque follow-up, added after the first build.\n');
  const log = build();
  expect(log).toContain('build: only the body of 1 chapter changed: rendered it and wrote the 2 pages showing it');
  expect(log).toMatch(/build: done in [\d.]+ s \(quick [\d.]+ s, pagefind [\d.]+ s, offline [\d.]+ s\)/);
  // The chapter's page and the booklet of the path that includes it.
  expect(page('chapters/first-steps/index.html')).toContain('quokkaesque');
  expect(page('paths/starter/print/index.html')).toContain('quokkaesque');
  // The search index and the offline worker's list and version too: every file is the cold build's.
  expect(differencesFromCold('cold-sentence')).toEqual([]);
  expect(build()).toContain('build: nothing the site is built from has changed since the last build');
});

test('an edit that changes what other parts of a page show (a heading) builds every page, byte for byte as a cold build writes the site', BUILDS, () => {
  writeFileSync(chapterFile, readFileSync(chapterFile, 'utf8').replace('## What to do', '## What to do first'));
  expect(build()).toContain('build: building every page into');
  // "On this page" lists the new heading: it is not part of the chapter's body.
  expect(page('chapters/first-steps/index.html')).toMatch(/<a href="#what-to-do-first"[^>]*>What to do first<\/a>/);
  // Pagefind wrote the new index over the last one (kept aside while Astro emptied the folder).
  expect(differencesFromCold('cold-heading')).toEqual([]);
});

test('a body edit that breaks the content policy fails the build with the file and line, as a full build does', BUILDS, () => {
  const before = readFileSync(chapterFile, 'utf8');
  writeFileSync(chapterFile, `${before}\n<p style="color: red">Red.</p>\n`);
  try {
    const log = build(out, join(work, 'cache'), 1);
    expect(log).toContain('first-steps.mdx');
    expect(log).toContain('an inline style on <p>');
  } finally {
    writeFileSync(chapterFile, before);
  }
});
