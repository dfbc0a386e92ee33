// The cache keys of the pages built from the playbook's content (Astro's incremental build,
// astro.config.mjs). Astro copies a page from its cache instead of rendering it when the page's
// template code and its key are unchanged, so a key must change whenever anything the page shows
// could change: it is a digest of all the data the page can read, never of a guess at what it reads.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import type { CollectionEntry } from 'astro:content';
import { getPlaybook, type Playbook } from './load.ts';
import { chapterMetadata } from './rendered-chapter.ts';
import { CLIENT_ASSETS_ENV, PAGE_CACHE_ENV } from '../integrations/incremental-pages.ts';

/** The keys of one build's pages. */
export interface PageKeys {
  /** A chapter page: the shared data (every chapter's title, section, reading time…) and that chapter's own body. */
  chapter: (id: string) => string;
  /** Any other page built from the content (sections, paths and their booklets, assessments): everything, every chapter's body included. */
  everything: string;
}

/** JSON with object keys sorted and Maps, Sets and Dates spelled out, so equal data gives equal text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return { '<map>': [...v.entries()] };
    if (v instanceof Set) return { '<set>': [...v] };
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

const digest = (...parts: string[]): string => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

/**
 * The names of the client build's files. They carry a hash of their contents, and pages link to them,
 * so a page is rendered again whenever any script or stylesheet comes out different, even one Astro's
 * own dependency hash does not see (a bundler plugin, a change of how shared code is split).
 */
function clientAssets(dir: string | undefined): string {
  if (!dir) return 'no client folder';
  try {
    return readdirSync(dir, { recursive: true }).map(String).sort().join('\n');
  } catch {
    return `no ${dir}`;
  }
}

/**
 * A chapter's own body as its page shows it. The rendered HTML's file is named by the entry's digest,
 * which covers everything the HTML is made from (src/loaders/mdx-loader.ts), so its name stands for
 * its contents without reading it; a chapter not rendered in the content layer has Astro's digest of its file.
 */
function bodyDigest(chapter: CollectionEntry<'playbook'>): string {
  const metadata = chapterMetadata(chapter.rendered);
  if (!metadata) return digest('module', String(chapter.digest ?? chapter.body ?? ''));
  return digest('rendered', basename(metadata.htmlFile), stableJson(metadata.headings));
}

/** Computes the keys from the loaded playbook and the client build's file names. */
export function pageKeysOf(playbook: Playbook, assets: string): PageKeys {
  const entries = (list: readonly { id: string; data: unknown }[]) =>
    [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((e) => [e.id, e.data] as const);
  const chapters = [...playbook.chapters.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Everything but the chapters' bodies: what a chapter page shows of the rest of the site.
  const shared = digest(
    assets,
    stableJson({
      site: playbook.site,
      calculator: playbook.calculator,
      // The order pages list things in, and everything derived from the chapters (reading times).
      readingOrder: playbook.index.readingOrder,
      sections: playbook.index.sections,
      chapters: chapters.map((c) => [c.id, c.data]),
      glossary: entries(playbook.glossary),
      paths: entries(playbook.paths),
      checks: entries([...playbook.checks.values()]),
      assessments: entries(playbook.assessments),
      objections: entries(playbook.objections),
    }),
  );
  const bodies = new Map(chapters.map((c) => [c.id, bodyDigest(c)]));
  return {
    chapter: (id) => digest(shared, id, bodies.get(id) ?? 'no such chapter'),
    everything: digest(shared, ...chapters.map((c) => `${c.id} ${bodies.get(c.id)}`)),
  };
}

let keys: Promise<PageKeys> | undefined;

/** Keys for a build that keeps no pages (Astro reads none of them). */
const UNUSED: PageKeys = { chapter: () => 'no page cache', everything: 'no page cache' };

/** The keys of this build's pages, computed once per build, when Astro keeps pages in its cache. */
export function getPageKeys(): Promise<PageKeys> {
  keys ??=
    process.env[PAGE_CACHE_ENV] === ''
      ? Promise.resolve(UNUSED)
      : getPlaybook().then((playbook) => pageKeysOf(playbook, clientAssets(process.env[CLIENT_ASSETS_ENV])));
  return keys;
}
