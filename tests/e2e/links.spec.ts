import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const dist = resolve(process.env['OUT_DIR'] || 'dist');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

const idsCache = new Map<string, Set<string>>();
function idsIn(file: string): Set<string> {
  let ids = idsCache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
    idsCache.set(file, ids);
  }
  return ids;
}

/** The built file a site path points at (`/x/` → `x/index.html`), or undefined when there is none. */
function fileFor(sitePath: string): string | undefined {
  const clean = decodeURIComponent(sitePath).replace(/^\//, '');
  const candidates = clean === '' || clean.endsWith('/') ? [join(dist, clean, 'index.html')] : [join(dist, clean), join(dist, clean, 'index.html')];
  return candidates.find((f) => existsSync(f) && statSync(f).isFile());
}

test('every internal link, asset and anchor in the built site resolves', () => {
  const broken: string[] = [];
  const files = htmlFiles(dist);
  expect(files.length).toBeGreaterThan(5);
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const pagePath = `/${relative(dist, file).split('\\').join('/')}`;
    for (const m of html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)) {
      const raw = m[1]!.replace(/&amp;/g, '&');
      if (/^(https?:|mailto:|tel:|data:|javascript:)/i.test(raw)) {
        if (/^https?:/i.test(raw)) broken.push(`${pagePath}: links outside the site: ${raw}`);
        continue;
      }
      const url = new URL(raw, `http://site${pagePath}`);
      const target = url.pathname === pagePath || (raw.startsWith('#') && true) ? file : fileFor(url.pathname);
      if (!target) {
        broken.push(`${pagePath}: ${raw} → no such file`);
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && target.endsWith('.html') && !idsIn(target).has(anchor)) broken.push(`${pagePath}: ${raw} → no id "${anchor}" on ${posix.basename(target)}`);
    }
  }
  expect(broken).toEqual([]);
});
