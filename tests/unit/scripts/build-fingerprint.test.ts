import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cacheDirFor, inputState, outputDigest, readBuildRecord, reasonToBuild } from '../../../scripts/lib/build-fingerprint.ts';
import { BUILT_IN_CONTENT_DIR } from '../../../src/common/content-dir.ts';

/** The digest of everything a build reads. */
const inputDigest = (...args: Parameters<typeof inputState>): string => inputState(...args).inputs;

let work: string;
let repo: string;
let content: string;
let out: string;
const write = (file: string, text: string): void => {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
};

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'pb-fingerprint-'));
  repo = join(work, 'repo');
  content = join(work, 'team-content');
  out = join(work, 'dist');
  write(join(repo, 'src/pages/index.astro'), '<h1>Home</h1>');
  write(join(repo, 'astro.config.mjs'), 'export default {}');
  write(join(content, 'playbook/first.mdx'), '# First');
  write(join(out, 'index.html'), '<h1>Home</h1>');
  write(join(out, 'chapters/first/index.html'), '<h1>First</h1>');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('what the site is built from', () => {
  const env = { BASE_PATH: '/', OUT_DIR: 'dist' };

  test('is the same when nothing changed', () => {
    expect(inputDigest(repo, content, env)).toBe(inputDigest(repo, content, { ...env }));
  });

  test.each([
    ['a chapter in a content folder outside the repository', () => write(join(content, 'playbook/first.mdx'), '# First, edited')],
    ['a chapter added', () => write(join(content, 'playbook/second.mdx'), '# Second')],
    ['the generator’s code', () => write(join(repo, 'src/pages/index.astro'), '<h1>Home!</h1>')],
    ['the Astro settings', () => write(join(repo, 'astro.config.mjs'), 'export default { base: "/x/" }')],
    ['the installed packages', () => write(join(repo, 'node_modules/.package-lock.json'), '{"lockfileVersion":3}')],
  ])('changes with %s', (_what, change) => {
    const before = inputDigest(repo, content, env);
    change();
    expect(inputDigest(repo, content, env)).not.toBe(before);
  });

  test('changes with the base path, the content folder, the rendering and Node’s version', () => {
    const before = inputDigest(repo, content, env, 'v24.0.0');
    expect(inputDigest(repo, content, { ...env, BASE_PATH: '/sales/' }, 'v24.0.0')).not.toBe(before);
    expect(inputDigest(repo, content, { ...env, CONTENT_DIR: content }, 'v24.0.0')).not.toBe(before);
    expect(inputDigest(repo, content, { ...env, CHAPTER_RENDERING: 'modules' }, 'v24.0.0')).not.toBe(before);
    expect(inputDigest(repo, content, env, 'v24.1.0')).not.toBe(before);
  });

  test('reads bytes, not times: a file rewritten with other bytes of the same size and time counts', () => {
    const file = join(content, 'playbook/first.mdx');
    const before = inputDigest(repo, content, env);
    const when = new Date('2026-01-01T00:00:00Z');
    utimesSync(file, when, when);
    const sameTime = inputDigest(repo, content, env);
    expect(sameTime).toBe(before);
    writeFileSync(file, '# Frist');
    utimesSync(file, when, when);
    expect(inputDigest(repo, content, env)).not.toBe(before);
  });
});

describe('chapters apart from everything else (for the quick path)', () => {
  const env = { BASE_PATH: '/', OUT_DIR: 'dist' };
  const chapter = () => join(content, 'playbook/first.mdx');

  test('a chapter body edit changes that chapter’s digest and nothing else', () => {
    write(chapter(), '---\ntitle: First\n---\n# First');
    const before = inputState(repo, content, env);
    write(chapter(), '---\ntitle: First\n---\n# First, edited');
    const after = inputState(repo, content, env);
    expect(after.code).toBe(before.code);
    expect(after.inputs).not.toBe(before.inputs);
    expect(after.chapters[chapter()]!.head).toBe(before.chapters[chapter()]!.head);
    expect(after.chapters[chapter()]!.file).not.toBe(before.chapters[chapter()]!.file);
  });

  test('a frontmatter edit changes the chapter’s frontmatter digest', () => {
    write(chapter(), '---\ntitle: First\n---\n# First');
    const before = inputState(repo, content, env);
    write(chapter(), '---\ntitle: The first\n---\n# First');
    expect(inputState(repo, content, env).chapters[chapter()]!.head).not.toBe(before.chapters[chapter()]!.head);
  });

  test.each([
    ['a partial (a file starting with _)', 'playbook/_shared.mdx'],
    ['the glossary', 'glossary/term.yaml'],
    ['the site settings', 'site.yaml'],
  ])('%s counts with the code, not as a chapter', (_what, file) => {
    write(join(content, file), 'a: 1');
    const before = inputState(repo, content, env);
    expect(Object.keys(before.chapters)).toEqual([chapter()]);
    write(join(content, file), 'a: 2');
    expect(inputState(repo, content, env).code).not.toBe(before.code);
  });
});

describe('the built folder as the last build left it', () => {
  test.each([
    ['a page edited by hand', () => write(join(out, 'index.html'), '<h1>Changed</h1>')],
    ['a page deleted', () => rmSync(join(out, 'chapters/first/index.html'))],
    ['a file added', () => write(join(out, 'stray.txt'), 'x')],
  ])('changes with %s', (_what, change) => {
    const before = outputDigest(out);
    change();
    expect(outputDigest(out)).not.toBe(before);
  });
});

describe('whether to build', () => {
  const last = { inputs: 'in-1', output: 'out-1' };
  test.each([
    [undefined, { inputs: 'in-1', output: 'out-1' }, 'no earlier build into this folder is recorded'],
    [last, { inputs: 'in-1', output: undefined }, 'the folder is missing'],
    [last, { inputs: 'in-2', output: 'out-1' }, 'what the site is built from has changed'],
    [last, { inputs: 'in-1', output: 'out-2' }, 'the folder was changed after the last build'],
    [last, { inputs: 'in-1', output: 'out-1' }, undefined],
  ])('last %o, now %o: %s', (before, now, reason) => {
    expect(reasonToBuild(before, now)).toBe(reason);
  });

  test('an unreadable or damaged record builds again', () => {
    const file = join(work, 'last-build.json');
    expect(readBuildRecord(file)).toBeUndefined();
    writeFileSync(file, '{"inputs":');
    expect(readBuildRecord(file)).toBeUndefined();
    writeFileSync(file, '{"inputs":"a","output":7}');
    expect(readBuildRecord(file)).toBeUndefined();
    writeFileSync(file, '{"inputs":"a","output":"b"}');
    expect(readBuildRecord(file)).toEqual({ inputs: 'a', output: 'b' });
    // A damaged list of chapters only turns the quick path off.
    writeFileSync(file, '{"inputs":"a","output":"b","code":"c","chapters":{"/x.mdx":{"id":"x"}}}');
    expect(readBuildRecord(file)).toEqual({ inputs: 'a', output: 'b' });
    const chapters = { '/x.mdx': { id: 'x', file: 'f', head: 'h', html: '/cache/x.html', headings: 'd', readingMinutes: 2 } };
    writeFileSync(file, JSON.stringify({ inputs: 'a', output: 'b', code: 'c', chapters }));
    expect(readBuildRecord(file)).toEqual({ inputs: 'a', output: 'b', code: 'c', chapters });
    // The built files' digests, which spare a quick rebuild reading every page: kept when whole, else left out.
    const files = [{ path: 'index.html', digest: 'ab'.repeat(32), bytes: 120 }];
    writeFileSync(file, JSON.stringify({ inputs: 'a', output: 'b', code: 'c', chapters, files }));
    expect(readBuildRecord(file)).toEqual({ inputs: 'a', output: 'b', code: 'c', chapters, files });
    writeFileSync(file, JSON.stringify({ inputs: 'a', output: 'b', code: 'c', chapters, files: [{ ...files[0], digest: 'not hex' }] }));
    expect(readBuildRecord(file)).toEqual({ inputs: 'a', output: 'b', code: 'c', chapters });
  });
});

describe('the build cache folder', () => {
  test('is kept per base path and per content folder, so builds of either do not clash', () => {
    expect(cacheDirFor('/', BUILT_IN_CONTENT_DIR, {})).toBe('./node_modules/.astro');
    expect(cacheDirFor('/sales/playbook/', BUILT_IN_CONTENT_DIR, {})).toBe('./node_modules/.astro-sales-playbook');
    const team = cacheDirFor('/', '/srv/team-content', {});
    expect(team).toMatch(/^\.\/node_modules\/\.astro-content-[0-9a-f]{10}$/);
    expect(cacheDirFor('/', '/srv/other-content', {})).not.toBe(team);
    expect(cacheDirFor('/kb/', '/srv/team-content', {})).toBe(team.replace('.astro-', '.astro-kb-'));
  });

  test('is ASTRO_CACHE_DIR when set', () => {
    expect(cacheDirFor('/kb/', '/srv/team-content', { ASTRO_CACHE_DIR: '/tmp/cache' })).toBe('/tmp/cache');
  });
});
