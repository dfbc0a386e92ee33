import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Where the integration below notes the folder of the client build's files (scripts, styles), named by their hashes. */
export const CLIENT_ASSETS_ENV = 'PB_CLIENT_ASSETS_DIR';
/** Set to '1' by the integration below when Astro keeps pages in its cache (then the pages' cache keys are worked out). */
export const PAGE_CACHE_ENV = 'PB_PAGE_CACHE';

/**
 * Up to how many chapters Astro's page cache is used. It writes a second copy of every page into the
 * cache, which every cold build pays for (and teams' hosting and CI builds are cold), while a rebuild
 * gains from it only after an edit that is not to a chapter's text alone: text edits take the quick
 * path (scripts/lib/quick-rebuild.ts) without Astro. Measured with the synthetic playbooks: at 1,000
 * chapters the cache cost a cold build's Astro step 0.3–0.5 s (5 %) and saved a heading edit 1–2 s;
 * at 5,000 chapters it cost 4–8 s (27–32 s against 23–24 s) and saved a heading edit 3.4 s.
 */
export const PAGE_CACHE_MAX_CHAPTERS = 500;

/** Whether Astro's page cache pays for itself for a playbook of `chapters` chapters. */
export const usesPageCache = (chapters: number, most = PAGE_CACHE_MAX_CHAPTERS): boolean => chapters <= most;

/**
 * Tells the pages' cache keys (src/playbook/page-keys.ts) where the client build writes its scripts and
 * styles, so that a page kept from the incremental build's cache never links to a file that is gone,
 * and whether Astro keeps pages at all. The pages are rendered in this process, after the client build.
 */
export function incrementalPages(): AstroIntegration {
  return {
    name: 'playbook-incremental-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        process.env[CLIENT_ASSETS_ENV] = fileURLToPath(new URL(`${config.build.assets}/`, config.outDir));
        process.env[PAGE_CACHE_ENV] = config.experimental.incrementalBuild ? '1' : '';
      },
    },
  };
}
