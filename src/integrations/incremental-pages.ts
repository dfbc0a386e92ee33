import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Where the integration below notes the folder of the client build's files (scripts, styles), named by their hashes. */
export const CLIENT_ASSETS_ENV = 'PB_CLIENT_ASSETS_DIR';

/**
 * Tells the pages' cache keys (src/playbook/page-keys.ts) where the client build writes its scripts and
 * styles, so that a page kept from the incremental build's cache never links to a file that is gone.
 * The pages are rendered in this process, after the client build.
 */
export function incrementalPages(): AstroIntegration {
  return {
    name: 'playbook-incremental-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        process.env[CLIENT_ASSETS_ENV] = fileURLToPath(new URL(`${config.build.assets}/`, config.outDir));
      },
    },
  };
}
