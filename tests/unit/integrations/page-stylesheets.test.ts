import { describe, expect, test } from 'vitest';
import { linkedStylesheets, mergeStylesheets, sharedPrefix } from '../../../src/integrations/page-stylesheets.ts';

const FILES: Record<string, string> = {
  'theme.css': ':root{--accent-light:#1d4ed8}\n',
  '_astro/Base.a.css': 'body{margin:0}',
  '_astro/Notice.b.css': '.notice{color:red}\n',
  '_astro/index.c.css': '.home{display:grid}\n',
  'odd.css': '.logo{background:url(logo.svg)}\n',
};
const read = (path: string) => FILES[path];
const page = (base: string, ...paths: string[]) =>
  `<html><head><link rel="icon" href="${base}favicon.svg">${paths.map((p) => `<link rel="stylesheet" href="${base}${p}">`).join('<script src="x.js"></script>')}</head><body><p>Text</p></body></html>`;
const SHARED = ['theme.css', '_astro/Base.a.css'];

describe('mergeStylesheets', () => {
  test('a page gets one shared file for the stylesheets every page starts with and one for the rest, in the order it linked them', () => {
    const { html, files } = mergeStylesheets(page('/', ...SHARED, '_astro/Notice.b.css', '_astro/index.c.css'), '/', read, SHARED);
    const links = linkedStylesheets(html, '/');
    expect(links).toHaveLength(2);
    expect(files.get(links[0]!)).toBe(':root{--accent-light:#1d4ed8}\nbody{margin:0}\n');
    expect(files.get(links[1]!)).toBe('.notice{color:red}\n.home{display:grid}\n');
    // The rest of the page is as it was.
    // Both where the first one was, ahead of the script that blocks the parser.
    expect(html).toMatch(
      /<link rel="icon" href="\/favicon.svg"><link rel="stylesheet" href="[^"]+"><link rel="stylesheet" href="[^"]+"><script src="x.js"><\/script>/,
    );
    expect(html).toContain('<body><p>Text</p></body>');
  });

  test('the shared file is the same on every page, and a page with one stylesheet of its own links it as it was', () => {
    const chapter = mergeStylesheets(page('/', ...SHARED, '_astro/Notice.b.css'), '/', read, SHARED);
    const home = mergeStylesheets(page('/', ...SHARED, '_astro/Notice.b.css', '_astro/index.c.css'), '/', read, SHARED);
    expect(linkedStylesheets(chapter.html, '/')[0]).toBe(linkedStylesheets(home.html, '/')[0]);
    expect(linkedStylesheets(chapter.html, '/')[1]).toBe('_astro/Notice.b.css');
  });

  test('under a base path the links keep it', () => {
    const { html } = mergeStylesheets(page('/sales/playbook/', ...SHARED, '_astro/index.c.css'), '/sales/playbook/', read, SHARED);
    expect(html).toMatch(
      /<link rel="stylesheet" href="\/sales\/playbook\/_astro\/styles\.[0-9a-f]{10}\.css"><link rel="stylesheet" href="\/sales\/playbook\/_astro\/index.c.css"><script/,
    );
  });

  test.each([
    ['one stylesheet', ['_astro/Base.a.css']],
    ['a stylesheet that is missing', [...SHARED, '_astro/gone.css']],
    ['a stylesheet outside _astro/ with a relative url()', [...SHARED, 'odd.css']],
  ])('a page with %s is left as it is', (_, paths) => {
    const html = page('/', ...paths);
    expect(mergeStylesheets(html, '/', read, SHARED)).toEqual({ html, files: new Map() });
  });

  test('a stylesheet from outside the base path leaves the page as it is', () => {
    const html = `${page('/kb/', ...SHARED)}<link rel="stylesheet" href="/elsewhere.css">`;
    expect(mergeStylesheets(html, '/kb/', read, SHARED).html).toBe(html);
  });
});

describe('sharedPrefix', () => {
  test.each([
    [
      [['a', 'b', 'c'], ['a', 'b'], [], ['a', 'b', 'd']],
      ['a', 'b'],
    ],
    [
      [
        ['a', 'b'],
        ['b', 'a'],
      ],
      [],
    ],
    [[[], []], []],
  ])('%j share %j', (pages, expected) => {
    expect(sharedPrefix(pages)).toEqual(expected);
  });
});
