import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildLog, formatBytes, interactivePages, median, pageAssets, pageWeight, staticImports, type PageWeight } from '../../../scripts/bench-tools.ts';
import { BUDGETS, checkBudgets } from '../../../scripts/budgets.ts';
import { writeSyntheticPlaybook } from '../../../scripts/synthetic-playbook.ts';

const scratch = mkdtempSync(join(tmpdir(), 'bench-tools-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('pageAssets', () => {
  test.each([
    ['<script type="module" src="/_astro/a.js"></script>', ['/_astro/a.js'], []],
    ['<script src=/theme-init.js></script>', ['/theme-init.js'], []],
    ['<link rel="modulepreload" href="/_astro/b.js">', ['/_astro/b.js'], []],
    ['<link rel="stylesheet" href="/_astro/c.css"><link rel="icon" href="/favicon.svg">', [], ['/_astro/c.css']],
    ["<link href='/t.css' rel='preload stylesheet'>", [], ['/t.css']],
    ['<script>inline()</script><p>no assets</p>', [], []],
  ])('%s', (html, scripts, styles) => {
    expect(pageAssets(html)).toEqual({ scripts, styles });
  });
});

describe('staticImports', () => {
  test.each([
    ['import{t as e}from"./progress.js";var a=1', ['./progress.js']],
    ['import"./side.js";import "./b.js"', ['./side.js', './b.js']],
    ['export{a as b}from"./re.js"', ['./re.js']],
    ['import * as x from "../x.js"', ['../x.js']],
    ['let p=import(`${base}pagefind/pagefind.js`);import("./lazy.js")', []],
    ['const s="an important message"', []],
  ])('%s', (code, expected) => {
    expect(staticImports(code)).toEqual(expected);
  });
});

test.each([
  [[], 0],
  [[3], 3],
  [[5, 1, 3], 3],
  [[4, 1, 3, 2], 2.5],
])('median of %j is %d', (values, expected) => {
  expect(median(values)).toBe(expected);
});

test.each([
  [512, '512 B'],
  [10 * 1024, '10.0 KB'],
  [1536, '1.5 KB'],
  [3 * 1024 * 1024, '3.0 MB'],
])('formatBytes(%d) is %s', (bytes, expected) => {
  expect(formatBytes(bytes)).toBe(expected);
});

test('pageWeight follows static imports once, leaves dynamic ones, and gzips each file', () => {
  const site = join(scratch, 'site');
  mkdirSync(join(site, 'kb', '_astro'), { recursive: true });
  mkdirSync(join(site, 'kb', 'calculator'), { recursive: true });
  const files: Record<string, string> = {
    'kb/_astro/page.js': 'import{a}from"./shared.js";import"./shared.js";const later=()=>import("./lazy.js");a(later);',
    'kb/_astro/shared.js': 'export function a(f){return f}'.repeat(20),
    'kb/_astro/lazy.js': 'import{a}from"./shared.js";import"./more.js";export default a',
    'kb/_astro/more.js': 'export const more = 2',
    'kb/_astro/page.css': 'body{color:red}'.repeat(10),
    'kb/theme-init.js': 'document.documentElement.dataset.x="1"',
  };
  for (const [path, text] of Object.entries(files)) writeFileSync(join(site, path), text);
  writeFileSync(
    join(site, 'kb', 'calculator', 'index.html'),
    '<link rel="stylesheet" href="/kb/_astro/page.css"><script src="/kb/theme-init.js"></script><script type="module" src="/kb/_astro/page.js"></script>',
  );
  const gz = (path: string) => gzipSync(readFileSync(join(site, path))).length;
  const weight = pageWeight(join(site, 'kb'), 'calculator/', '/kb/');
  expect(weight.js.map((f) => f.path)).toEqual(['/kb/theme-init.js', '/kb/_astro/page.js', '/kb/_astro/shared.js']);
  expect(weight.jsGzip).toBe(gz('kb/theme-init.js') + gz('kb/_astro/page.js') + gz('kb/_astro/shared.js'));
  expect(weight.cssGzip).toBe(gz('kb/_astro/page.css'));
  expect(interactivePages(join(site, 'kb'))).toEqual({ calculator: 'calculator/' });
  expect(weight.firstUse).toEqual([]);
  // Asked for, the first use counts what the named script imports dynamically, and what that imports that was not loaded yet.
  const acted = pageWeight(join(site, 'kb'), 'calculator/', '/kb/', /\/page\.js$/);
  expect(acted.firstUse.map((f) => f.path)).toEqual(['/kb/_astro/lazy.js', '/kb/_astro/more.js']);
  expect(acted.firstUseGzip).toBe(weight.jsGzip + gz('kb/_astro/lazy.js') + gz('kb/_astro/more.js'));
});

const page = (name: string, jsGzip: number, firstUseGzip = jsGzip): PageWeight => ({
  page: name,
  js: [],
  css: [],
  jsGzip,
  cssGzip: 0,
  firstUse: [],
  firstUseGzip,
});

describe('checkBudgets', () => {
  test('passes at the limits and names every number', () => {
    const lines = checkBudgets({
      chapterSmall: 10_000,
      chapterLarge: 11_000,
      reading: [page('chapters/a/', BUDGETS.readingJs)],
      home: [page('', BUDGETS.homeJs)],
      calculator: [page('calculator/', BUDGETS.calculatorJs, BUDGETS.calculatorFirstUseJs)],
      assessment: [undefined, page('assessments/x/', 2048, 20 * 1024)],
    });
    expect(lines.map((l) => l.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    expect(lines[0]!.text).toBe('chapter page at 1,000 chapters: 10.7 KB vs 9.8 KB at 10 (+10.0 %; limit +10 %)');
    expect(lines[1]!.text).toContain('reading page (chapters/a/) JavaScript before interaction: 3.0 KB gzipped (limit 3.0 KB)');
    expect(lines[2]!.text).toContain('home page JavaScript before interaction: 4.0 KB gzipped (limit 4.0 KB)');
    expect(lines[3]!.text).toContain('calculator (calculator/) JavaScript before interaction: 4.0 KB gzipped (limit 4.0 KB)');
    expect(lines[4]!.text).toContain('calculator (calculator/) JavaScript once the reader has acted: 38.0 KB gzipped (limit 38.0 KB)');
    expect(lines[5]!.text).toContain('assessment page (assessments/x/) JavaScript before interaction: 2.0 KB gzipped (limit 12.0 KB)');
    expect(lines[6]!.text).toContain('assessment page (assessments/x/) JavaScript once the reader has acted: 20.0 KB gzipped (limit 35.0 KB)');
  });

  test('an interactive page fails before interaction or once the reader has acted, each on its own', () => {
    const statuses = (jsGzip: number, firstUseGzip: number) =>
      checkBudgets({ chapterSmall: 1, chapterLarge: 1, reading: [], home: [], calculator: [page('calculator/', jsGzip, firstUseGzip)], assessment: [] }).map(
        (l) => l.status,
      );
    expect(statuses(BUDGETS.calculatorJs + 1, BUDGETS.calculatorFirstUseJs)).toEqual(['pass', 'FAIL', 'pass', 'skip']);
    expect(statuses(BUDGETS.calculatorJs, BUDGETS.calculatorFirstUseJs + 1)).toEqual(['pass', 'pass', 'FAIL', 'skip']);
  });

  test('fails over a limit, checks the heavier build, and skips pages not built yet', () => {
    const lines = checkBudgets({
      chapterSmall: 10_000,
      chapterLarge: 11_001,
      reading: [page('chapters/a/', 1024), page('chapters/a/', BUDGETS.readingJs + 1)],
      home: [page('', 1024), page('', BUDGETS.homeJs + 1)],
      calculator: [undefined, undefined],
      assessment: [page('assessments/x/', 1024, 2048), page('assessments/x/', BUDGETS.assessmentJs + 1, BUDGETS.assessmentFirstUseJs + 1)],
    });
    expect(lines.map((l) => l.status)).toEqual(['FAIL', 'FAIL', 'FAIL', 'skip', 'FAIL', 'FAIL']);
    expect(lines[3]!.text).toBe('calculator: calculator/index.html is not built yet (no calculator page in src/pages)');
  });
});

describe('writeSyntheticPlaybook', () => {
  const small = writeSyntheticPlaybook({ chapters: 12, outDir: join(scratch, 'small'), sectionSize: 5 });
  const large = writeSyntheticPlaybook({ chapters: 30, outDir: join(scratch, 'large'), sectionSize: 5 });

  test('writes the chapters in sections of the given size, with the content the site needs', () => {
    expect(small.chapters).toHaveLength(12);
    expect(small.sections).toHaveLength(3);
    expect(readdirSync(join(small.dir, 'playbook'))).toHaveLength(12);
    for (const file of ['site.yaml', 'paths/synthetic-first-weeks.yaml']) expect(readdirSync(join(small.dir, file, '..'))).toContain(file.split('/').pop());
  });

  test('chapter k is the same text whatever the size, so page sizes compare', () => {
    const id = small.chapters[2]!;
    expect(large.chapters[2]).toBe(id);
    const body = (dir: string) => readFileSync(join(dir, 'playbook', `${id}.mdx`), 'utf8');
    expect(body(large.dir)).toBe(body(small.dir));
  });

  test('a chapter has about 800 words of prose and uses the MDX components', () => {
    const text = readFileSync(join(small.dir, 'playbook', `${small.chapters[0]}.mdx`), 'utf8');
    const prose = text.replace(/^---[\s\S]*?---/, '').replace(/<[^>]+>/g, ' ');
    const words = prose.split(/\s+/).filter((w) => /\w/.test(w)).length;
    expect(words).toBeGreaterThan(700);
    expect(words).toBeLessThan(950);
    for (const part of ['<Callout', '<Checklist', '<KeyTakeaways>', '<Term id=', '## ', '](/chapters/']) expect(text).toContain(part);
  });

  test('references in copied assessments and glossary point at synthetic chapters', () => {
    const refs: string[] = [];
    const collect = (value: unknown, key = ''): void => {
      if (Array.isArray(value)) {
        if (key === 'chapters' || key === 'related') refs.push(...value.map(String));
        else value.forEach((v) => collect(v));
      } else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) collect(v, k);
      }
    };
    for (const folder of ['assessments', 'glossary']) {
      for (const file of readdirSync(join(small.dir, folder))) collect(parseYaml(readFileSync(join(small.dir, folder, file), 'utf8')));
    }
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((id) => !small.chapters.includes(id))).toEqual([]);
  });

  test('refuses a size that is not a whole number of at least 2', () => {
    expect(() => writeSyntheticPlaybook({ chapters: 1, outDir: join(scratch, 'bad') })).toThrowErrorMatchingInlineSnapshot(
      `[Error: synthetic playbook: --chapters must be a whole number of at least 2, got 1]`,
    );
  });
});

describe('what a build logged, as npm run bench reads it', () => {
  test('a full build: Astro’s phase and the chapter loader’s counts', () => {
    const log = '12:00:01 [rendered-mdx] 1 chapter rendered, 999 kept from the cache\nbuild: done in 11.4 s (astro 8.9 s, pagefind 1.9 s, offline 0.6 s).';
    expect(buildLog(log)).toEqual({ phases: { astro: 8.9, pagefind: 1.9, offline: 0.6 }, chapters: { rendered: 1, kept: 999, quick: false } });
  });

  test('the quick path: its phase and the chapters it rendered and left', () => {
    const log =
      'build: only the bodies of 2 chapters changed: rendered them and wrote the 3 pages showing them into dist/ (0.4 s); the other 998 chapters and every other page are as the last build wrote them.\n' +
      'build: done in 3.0 s (quick 0.4 s, pagefind 1.9 s, offline 0.6 s).';
    expect(buildLog(log)).toEqual({ phases: { quick: 0.4, pagefind: 1.9, offline: 0.6 }, chapters: { rendered: 2, kept: 998, quick: true } });
  });

  test('a build that was skipped logs neither', () => {
    expect(buildLog('build: nothing the site is built from has changed since the last build')).toEqual({ phases: undefined, chapters: undefined });
  });
});
