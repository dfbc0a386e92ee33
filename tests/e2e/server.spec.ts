import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY, IMMUTABLE_CACHE } from '../../scripts/hosting-config.ts';
import { expect, test } from './fixtures.ts';
import { wordOnlyInOneBody } from './content.ts';

// What the hosting server sends, checked on the sub-path build the `subpath` project serves with nginx
// (scripts/nginx.ts). These describe the server, not the pages, so they run there only.
const subDir = resolve(process.env['SUB_OUT_DIR'] || 'dist-sub');

/** The first file in the sub-path build's folder (relative to it) whose name ends with `ending`. */
function builtFile(folder: string, ending: string): string {
  const name = readdirSync(join(subDir, folder)).find((f) => f.endsWith(ending));
  if (!name) throw new Error(`no *${ending} file in ${join(subDir, folder)}; build it with npm run build:subpath`);
  return `${folder}/${name}`;
}

test('pages, assets and the 404 page carry the security policy @subpath-only', async ({ request }) => {
  for (const [path, status] of [
    ['', 200],
    ['glossary/', 200],
    [builtFile('_astro', '.css'), 200],
    ['no-such-page/', 404],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(status);
    expect(response.headers()['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
  }
  const missing = await request.get('no-such-page/');
  expect(await missing.text()).toContain('Page not found');
});

test('Pagefind files are served with the types the browser needs @subpath-only', async ({ request }) => {
  const cases: [string, RegExp][] = [
    ['pagefind/pagefind.js', /^text\/javascript|^application\/javascript/],
    ['pagefind/pagefind-entry.json', /^application\/json/],
    [builtFile('pagefind', '.pf_meta'), /^application\/octet-stream$/],
    [builtFile('pagefind', '.pagefind'), /^application\/octet-stream$/],
    [builtFile('pagefind/fragment', '.pf_fragment'), /^application\/octet-stream$/],
    [builtFile('pagefind/index', '.pf_index'), /^application\/octet-stream$/],
  ];
  for (const [path, type] of cases) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toMatch(type);
  }
});

test('fingerprinted assets are cached for a year, pages are revalidated @subpath-only', async ({ request }) => {
  const asset = await request.get(builtFile('_astro', '.css'));
  expect(asset.headers()['cache-control']).toBe(IMMUTABLE_CACHE);
  const page = await request.get('');
  expect(page.headers()['cache-control']).toBe('no-cache');
});

test('the bare base path and the server root lead to the site @subpath-only', async ({ page, siteHeader, baseURL }) => {
  const site = new URL(baseURL ?? '');
  await page.goto(`${site.origin}${site.pathname.replace(/\/$/, '')}`);
  expect(new URL(page.url()).pathname).toBe(site.pathname);
  await page.goto(`${site.origin}/`);
  expect(new URL(page.url()).pathname).toBe(site.pathname);
  await expect(siteHeader.mainNav).toBeVisible();
});

test('reading and searching request nothing outside the site @subpath-only', async ({ page, chapterPage, headerSearch, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const elsewhere: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== origin && !r.url().startsWith('data:')) elsewhere.push(r.url());
  });
  const { word, chapter } = wordOnlyInOneBody();
  await chapterPage.goto(chapter.id);
  await headerSearch.search(word);
  await expect(headerSearch.results.first()).toBeVisible();
  expect(elsewhere).toEqual([]);
});
