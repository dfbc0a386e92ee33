import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A plain `<link rel="stylesheet" href="…">` (no media, no other attributes: those are left alone). */
const STYLESHEET_LINK = /<link rel="?stylesheet"? href="?([^"\s>]+)"?\s*\/?>/g;

/** The stylesheets a page links, as paths under the site root, in order; '' for one outside `base`. */
export function linkedStylesheets(html: string, base: string): string[] {
  return [...html.matchAll(STYLESHEET_LINK)].map(([, href = '']) => (href.startsWith(base) ? href.slice(base.length) : ''));
}

/** The stylesheets every page links first, in the same order: the part of each page's styles they share. */
export function sharedPrefix(pages: string[][]): string[] {
  const linking = pages.filter((links) => links.length > 0);
  const first = linking[0] ?? [];
  let length = 0;
  while (length < first.length && linking.every((links) => links[length] === first[length])) length += 1;
  return first.slice(0, length);
}

/** What `mergeStylesheets` did to one page. */
export interface MergedPage {
  /** The page with its stylesheet links replaced (unchanged when nothing could be merged). */
  html: string;
  /** The files it now links that were written for it, by path under the site root. */
  files: Map<string, string>;
}

/**
 * Gives a page at most two stylesheets: one file for the stylesheets every page links first (the
 * accent and the site's styles: `shared`), the same on every page so that it is fetched once, and one
 * for the rest (the styles of components only some pages use), both where the first one was. Each
 * file keeps the order the page linked them in, so the cascade is the same. On a phone each stylesheet in the head held back the
 * first paint by a request of its own, and a page linked up to six.
 * Pure: `read` gives a stylesheet's text by its path under the site root; `named` keeps the files
 * already made, by the stylesheets they hold, for the next page. A page is left as it is when
 * a stylesheet cannot be read, is outside `base`, or has a `url(` outside `_astro/` (moving it would
 * change what a relative address points at).
 */
export function mergeStylesheets(
  html: string,
  base: string,
  read: (path: string) => string | undefined,
  shared: string[],
  named: Map<string, { path: string; css: string }> = new Map(),
): MergedPage {
  const linked = linkedStylesheets(html, base);
  const unchanged = { html, files: new Map<string, string>() };
  if (linked.length < 2 || linked.some((path) => path === '')) return unchanged;
  const texts = linked.map(read);
  if (texts.some((text, i) => text === undefined || (!linked[i]!.startsWith('_astro/') && text.includes('url(')))) return unchanged;
  const startsShared = shared.length > 1 && shared.every((path, i) => linked[i] === path);
  const groups = startsShared ? [linked.slice(0, shared.length), linked.slice(shared.length)] : [linked];
  const files = new Map<string, string>();
  const hrefs = groups
    .filter((group) => group.length > 0)
    .map((group) => {
      if (group.length === 1) return group[0]!;
      // Pages that link the same stylesheets share one file, named by its contents once.
      const key = group.join('\n');
      let file = named.get(key);
      if (!file) {
        const css = group.map((path) => texts[linked.indexOf(path)]!.replace(/\n?$/, '\n')).join('');
        file = { path: `_astro/styles.${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`, css };
        named.set(key, file);
      }
      files.set(file.path, file.css);
      return file.path;
    });
  // All of them where the first was: ahead of the theme script, which blocks the parser, so that
  // both requests start at once (a stylesheet after it waited a round trip longer on a slow phone).
  let first = true;
  const merged = html.replace(STYLESHEET_LINK, () => {
    if (!first) return '';
    first = false;
    return hrefs.map((href) => `<link rel="stylesheet" href="${base}${href}">`).join('');
  });
  return { html: merged, files };
}

/** Every `.html` file under `dir`. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * After the build, gives each page at most two stylesheets (see `mergeStylesheets`). The stylesheets
 * no page links any more are removed, so that the offline copy does not store them twice.
 * `build.inlineStylesheets` stays 'never': the security policy allows no `<style>` in a page.
 */
export function pageStylesheets(): AstroIntegration {
  let base = '/';
  return {
    name: 'playbook-page-stylesheets',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        // Each stylesheet is read once, and each merged file made and written once, however many pages link it.
        const texts = new Map<string, string | undefined>();
        const read = (path: string) => {
          if (!texts.has(path)) {
            const file = join(root, path);
            texts.set(path, existsSync(file) ? readFileSync(file, 'utf8') : undefined);
          }
          return texts.get(path);
        };
        const named = new Map<string, { path: string; css: string }>();
        const written = new Set<string>();
        const pages = htmlFiles(root).map((file) => ({ file, html: readFileSync(file, 'utf8') }));
        const before = new Set(pages.flatMap(({ html }) => linkedStylesheets(html, base)));
        const shared = sharedPrefix(pages.map(({ html }) => linkedStylesheets(html, base)));
        const after = new Set<string>();
        for (const { file, html } of pages) {
          const page = mergeStylesheets(html, base, read, shared, named);
          for (const [path, css] of page.files) {
            if (!written.has(path)) writeFileSync(join(root, path), css);
            written.add(path);
          }
          if (page.html !== html) writeFileSync(file, page.html);
          for (const path of linkedStylesheets(page.html, base)) after.add(path);
        }
        for (const path of before) if (path !== '' && !after.has(path)) rmSync(join(root, path), { force: true });
        logger.info(`pages link ${after.size} stylesheets in place of ${before.size}`);
      },
    },
  };
}
