// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { drafts } from './src/integrations/drafts.ts';
import { normaliseBase } from './src/common/urls.ts';
import { join } from 'node:path';
import { satteri } from '@astrojs/markdown-satteri';
import { contentDir, displayPath } from './src/common/content-dir.ts';
import { contentPolicyPlugin, outboundLinksSetting } from './src/integrations/content-policy.ts';

// BASE_PATH: the sub-path the site is hosted under (e.g. /sales/playbook/). OUT_DIR: where it is built.
const base = normaliseBase(process.env.BASE_PATH);

export default defineConfig({
  base,
  outDir: process.env.OUT_DIR || './dist',
  // ASTRO_CACHE_DIR lets several builds of different content run side by side.
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Every script and style lives in its own file so the strict Content-Security-Policy holds.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  // Chapters are held to the Content-Security-Policy when they are built, not when a reader's browser blocks them.
  integrations: [
    mdx({ processor: satteri({ mdastPlugins: [contentPolicyPlugin({ outboundLinks: outboundLinksSetting(join(contentDir(), 'site.yaml')), displayPath })] }) }),
    drafts(),
  ],
});
