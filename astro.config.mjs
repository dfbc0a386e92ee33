// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { drafts } from './src/integrations/drafts.ts';
import { incrementalPages, usesPageCache } from './src/integrations/incremental-pages.ts';
import { pageStylesheets } from './src/integrations/page-stylesheets.ts';
import { normaliseBase } from './src/common/urls.ts';
import { cacheDirFor, chapterFiles } from './scripts/lib/build-fingerprint.ts';
import { join } from 'node:path';
import { satteri } from '@astrojs/markdown-satteri';
import { contentDir, displayPath } from './src/common/content-dir.ts';
import { contentPolicyPlugin, outboundLinksSetting } from './src/integrations/content-policy.ts';

// BASE_PATH: the sub-path the site is hosted under (e.g. /sales/playbook/). OUT_DIR: where it is built.
const base = normaliseBase(process.env.BASE_PATH);

/**
 * Drops one known, harmless bundler warning and passes every other log on. Astro wraps each MDX
 * chapter in a module (`<file>.mdx?astroPropagatedAssets`) that starts with the marker
 * "use astro:head-inject"; the bundler warns that it may drop that module-level directive. Nothing reads
 * the marker any more (Astro now finds these modules by the `?astroPropagatedAssets` in their id), so
 * dropping it changes nothing, yet it printed one warning box per chapter.
 * Reported upstream as withastro/astro#18087; remove this filter when Astro stops emitting the marker.
 * @type {NonNullable<import('vite').BuildEnvironmentOptions['rolldownOptions']>['onLog']}
 */
const quietKnownLogs = (level, log, handler) => {
  const headInjectMarker =
    log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"') && String(log.id ?? '').includes('?astroPropagatedAssets');
  if (!headInjectMarker) handler(level, log);
};

/**
 * Nothing is preloaded (below), so Vite's preload helper would only wrap each dynamic `import()`,
 * yet it weighs 0.9 KB gzipped on every page that loads code on first use. This stand-in does what the
 * helper does without preloading: run the import. (No client module imports CSS, so no stylesheet
 * needs loading alongside.)
 * @type {import('vite').Plugin}
 */
const plainDynamicImports = {
  name: 'plain-dynamic-imports',
  enforce: 'pre',
  apply: 'build',
  load(id) {
    return id === '\0vite/preload-helper.js' ? 'export const __vitePreload = (load) => load();' : undefined;
  },
};

/**
 * The other half of the stand-in above: with nothing to preload, the lists of each dynamic import's
 * dependencies that Vite writes into the importing script are never read, so they are left out.
 * @type {import('vite').Plugin}
 */
const noPreloadLists = {
  name: 'no-preload-lists',
  enforce: 'post',
  apply: 'build',
  generateBundle: {
    order: 'post',
    handler(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.code.startsWith('const __vite__mapDeps=')) continue;
        chunk.code = chunk.code.replace(/^const __vite__mapDeps=.*\n/, '').replace(/__vite__mapDeps\(\[[\d,]*\]\)/g, 'void 0');
      }
    },
  },
};

export default defineConfig({
  base,
  outDir: process.env.OUT_DIR || './dist',
  // ASTRO_CACHE_DIR lets several builds of different content run side by side. Each base path keeps its
  // own cache by default: chapters are rendered for one base path, so the root and sub-path builds
  // (built side by side by npm test) would otherwise throw each other's rendered chapters away. So does
  // each content folder (CONTENT_DIR): entries cached from another folder would be reported as
  // duplicates of this folder's entries with the same ids.
  cacheDir: cacheDirFor(base, contentDir(), process.env),
  trailingSlash: 'always',
  // Eight pages are rendered at a time: while one page waits for its folder and file to be written,
  // the next ones render. At 5,000 chapters, page generation went from 11.0-11.6 s to 7.6-8.0 s on
  // this project's 2-core machine; the pages come out the same.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  vite: {
    plugins: [plainDynamicImports, noPreloadLists],
    build: {
      // Every script and style lives in its own file so the strict Content-Security-Policy holds.
      assetsInlineLimit: 0,
      // Code loaded on first use fetches its own imports: no preload lists in every page's scripts.
      modulePreload: false,
      rolldownOptions: { onLog: quietKnownLogs },
    },
  },
  devToolbar: { enabled: false },
  // A rebuild copies each page whose template code and cache key (src/playbook/page-keys.ts: a digest of
  // all the content the page can show) are unchanged from Astro's cache folder instead of rendering it,
  // up to the size of playbook where that pays (src/integrations/incremental-pages.ts).
  experimental: { incrementalBuild: usesPageCache(chapterFiles(contentDir()).length) },
  // Chapters are held to the Content-Security-Policy when they are built, not when a reader's browser blocks them.
  integrations: [
    mdx({ processor: satteri({ mdastPlugins: [contentPolicyPlugin({ outboundLinks: outboundLinksSetting(join(contentDir(), 'site.yaml')), displayPath })] }) }),
    drafts(),
    incrementalPages(),
    pageStylesheets(),
  ],
});
