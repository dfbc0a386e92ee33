// Renders MDX chapters once, in the content layer, instead of compiling a bundler module per chapter.
// Wraps a glob loader: each .mdx entry it stores is compiled with Sätteri (the MDX compiler
// @astrojs/mdx uses) and evaluated with a JSX runtime that writes HTML strings, the authors'
// components being plain functions (src/playbook/render/components.ts). The headings, reading time and
// glossary terms go into the entry's `rendered` metadata, so Astro keeps the chapter in its data store
// and an unchanged chapter is not compiled again on the next build. The HTML itself and the MDX body
// stay out of the data store: Astro inlines the whole store into its server bundle as one string,
// which at 5,000 chapters was 60 MB for the bundler to carry. The HTML goes into a file of its own in
// the build cache (`chapterHtml` reads it back when the page is written).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { evaluate } from 'satteri';
import { parse as parseYaml } from 'yaml';
import { htmlComponents, type RenderContext } from '../playbook/render/components.ts';
import { parseCalculatorDefaults } from '../features/calculator/defaults.ts';
import { funnelDefaults } from '../features/funnel/model.ts';
import { contentPolicyPlugin, outboundLinksSetting } from '../integrations/content-policy.ts';
import { displayPath } from '../common/content-dir.ts';
import { Fragment, jsx } from '../playbook/render/html-runtime.ts';
import { readingMinutes } from '../playbook/navigation.ts';
import { termReferences } from '../playbook/references.ts';
import { renderPool } from './render-pool.ts';
import { PRERENDERED_ENV, prerenderKey, readPrerendered, STOP_FILE } from './prerendered.ts';
import { chapterMetadata, RENDERED_INDEX, type ChapterMetadata, type RenderedIndexEntry } from '../playbook/rendered-chapter.ts';

/** Bump when the rendering changes in a way the inputs do not show, so cached chapters are rendered again. */
const RENDERER_VERSION = '3';

/** Glossary definitions by id, read from the same files as the glossary collection. */
export function readGlossary(dir: string): Map<string, string> {
  const definitions = new Map<string, string>();
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort();
  } catch {
    return definitions;
  }
  for (const file of files) {
    try {
      const data = parseYaml(readFileSync(join(dir, file), 'utf8')) as { definition?: unknown } | null;
      if (typeof data?.definition === 'string') definitions.set(file.replace(/\.ya?ml$/, ''), data.definition);
    } catch {
      /* the glossary collection reports invalid files */
    }
  }
  return definitions;
}

/**
 * The funnel worksheet's defaults, from the calculator defaults file (so a chapter's worked example
 * agrees with the calculator), or undefined when the file cannot be read: the calculator collection
 * then fails the build on it with the file and field.
 */
export function readFunnelContext(file: string): RenderContext['funnel'] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = parseCalculatorDefaults(text, file);
  if (!parsed.ok) return undefined;
  const { scenario } = parsed.value;
  return { defaults: funnelDefaults(scenario), currency: scenario.currency };
}

/**
 * The chapter's body with as many blank lines before it as its frontmatter takes, so that line numbers
 * in build errors are the lines of the file the author opens (blank lines change nothing in the HTML).
 * `known` is the file's text when the caller has read it already.
 */
export function bodyWithFileLines(file: string, body: string, known?: string): string {
  let text: string;
  try {
    text = known ?? readFileSync(file, 'utf8');
  } catch {
    return body;
  }
  const at = body === '' ? -1 : text.indexOf(body);
  return at <= 0 ? body : '\n'.repeat(text.slice(0, at).split('\n').length - 1) + body;
}

/** Renders one chapter body to HTML and its headings. */
export async function renderChapter(
  body: string,
  context: RenderContext,
  file?: { path: string; outboundLinks: 'allow' | 'forbid' },
): Promise<{ html: string; headings: { depth: number; slug: string; text: string }[] }> {
  const data = { astro: { frontmatter: {}, headings: [] as { depth: number; slug: string; text: string }[] } };
  const module = (await evaluate(body, {
    jsx,
    jsxs: jsx,
    Fragment,
    features: { gfm: true, smartPunctuation: true },
    // The same policy check Astro's MDX integration runs (astro.config.mjs): a chapter that would break
    // the Content-Security-Policy fails the build with its file, line and a fix.
    mdastPlugins: [contentPolicyPlugin({ outboundLinks: file?.outboundLinks ?? 'allow', displayPath })],
    hastPlugins: [satteriHeadingIdsPlugin()],
    ...(file ? { fileURL: pathToFileURL(file.path) } : {}),
    data,
  } as unknown as Parameters<typeof evaluate>[1])) as { default: (props: { components: unknown }) => unknown };
  const html = String(module.default({ components: htmlComponents(context) }));
  return { html, headings: data.astro.headings };
}

/** Where the chapters' HTML comes from besides each chapter's own file. */
export interface ChapterSources {
  glossaryDir: string;
  calculatorDefaults: string;
  siteSettings: string;
}

/**
 * What every chapter is rendered with: the context its components read, the content policy's setting
 * for outbound links, and a digest of both, which a chapter's cached HTML depends on besides its file.
 * The loader below and the build's quick path for body edits (scripts/lib/quick-rebuild.ts) both use it,
 * so the two render a chapter alike.
 */
export function chapterRenderSetup(options: ChapterSources, base: string): { context: RenderContext; outboundLinks: 'allow' | 'forbid'; inputs: string } {
  const glossary = readGlossary(options.glossaryDir);
  const funnel = readFunnelContext(options.calculatorDefaults);
  const outboundLinks = outboundLinksSetting(options.siteSettings);
  const context: RenderContext = { base, glossary, ...(funnel ? { funnel } : {}) };
  return { context, outboundLinks, inputs: JSON.stringify([RENDERER_VERSION, base, [...glossary], funnel ?? null, outboundLinks]) };
}

/**
 * Wraps `inner` (a glob loader of .mdx files) so its entries are stored rendered. The digest of each
 * entry covers what its HTML depends on besides the file (the glossary, the calculator defaults the
 * funnel worksheet shows, the base path, this renderer),
 * so Astro's cache keeps an entry exactly as long as its HTML would come out the same.
 */
export function renderedMdx(inner: Loader, options: ChapterSources): Loader {
  return {
    name: 'rendered-mdx',
    load: async (context: LoaderContext) => {
      const setup = chapterRenderSetup(options, import.meta.env.BASE_URL);
      const { context: renderContext, outboundLinks } = setup;
      const inputs = context.generateDigest(setup.inputs);
      const htmlDir = join(fileURLToPath(context.config.cacheDir), 'rendered-chapters');
      mkdirSync(htmlDir, { recursive: true });
      const pending: Promise<void>[] = [];
      const failures: string[] = [];
      // Chapters the build script rendered while Astro started (prerendered.ts): it stops now.
      const ahead = process.env[PRERENDERED_ENV];
      if (ahead) {
        try {
          writeFileSync(join(ahead, STOP_FILE), '');
        } catch {
          /* its folder is gone: nothing was rendered ahead */
        }
      }
      let renderedAhead = 0;
      // Many chapters to render (a cold build) are rendered on every core (render-pool.ts).
      const pool = renderPool({ context: renderContext, outboundLinks }, (task) => renderChapter(task.body, renderContext, { path: task.path, outboundLinks }));
      const store: LoaderContext['store'] = { ...context.store };
      store.set = (entry: Parameters<LoaderContext['store']['set']>[0]) => {
        if (!entry.deferredRender || !entry.filePath?.endsWith('.mdx')) return context.store.set(entry);
        const { deferredRender: _deferred, body: _body, ...rest } = entry;
        // The entry's path is relative to the project's root, which need not be the working folder.
        const path = fileURLToPath(new URL(entry.filePath, context.config.root));
        const body = entry.body ?? '';
        const fileBody = bodyWithFileLines(path, body);
        const keep = (html: string, metadata: Omit<ChapterMetadata, 'htmlFile'>) => {
          const htmlFile = join(htmlDir, `${entry.id.replaceAll('/', '__')}-${entry.digest ?? context.generateDigest(html)}.html`);
          writeFileSync(htmlFile, html);
          context.store.set({ ...rest, rendered: { html: '', metadata: { ...metadata, htmlFile } } });
        };
        const ready = ahead ? readPrerendered(ahead, prerenderKey(setup.inputs, path, body, fileBody)) : undefined;
        if (ready?.ok) {
          keep(ready.html, { headings: ready.headings, readingMinutes: ready.readingMinutes, terms: ready.terms });
          renderedAhead += 1;
          pending.push(Promise.resolve());
          return true;
        }
        pending.push(
          pool.render({ body: fileBody, path }).then(
            ({ html, headings }) => keep(html, { headings, readingMinutes: readingMinutes(body), terms: termReferences(fileBody) }),
            (error: unknown) => {
              const message = error instanceof Error ? error.message : String(error);
              // The policy check's message already names the file and line of every problem.
              failures.push(
                message.includes(path) || message.includes(displayPath(path)) || message.includes(entry.filePath ?? '\0')
                  ? message
                  : `${entry.filePath}: the chapter could not be rendered: ${message}`,
              );
            },
          ),
        );
        return true;
      };
      const load = () =>
        inner.load({
          ...context,
          store,
          generateDigest: (data) => context.generateDigest(`${typeof data === 'string' ? data : JSON.stringify(data)}\n${inputs}`),
        });
      try {
        await load();
        await Promise.all(pending);
      } finally {
        await pool.close();
      }
      // A chapter kept from the data store whose HTML file has gone (a cache folder cleaned by hand) is
      // rendered again.
      const lost = context.store.entries().filter(([, entry]) => {
        const metadata = chapterMetadata(entry.rendered);
        return metadata !== undefined && !existsSync(metadata.htmlFile);
      });
      if (lost.length > 0) {
        for (const [id] of lost) context.store.delete(id);
        await load();
        await Promise.all(pending);
      }
      // Every chapter that could not be rendered, in one error, rather than the first one alone.
      if (failures.length > 0) throw new Error(failures.join('\n\n'));
      // Read by npm run bench to check that a rebuild renders only what changed.
      const kept = context.store.keys().length - pending.length;
      const where = [
        ...(renderedAhead > 0 ? [`${renderedAhead} of them while Astro started`] : []),
        ...(pool.onWorkers() > 0 ? [`${pool.onWorkers()} on worker threads`] : []),
      ];
      const threads = where.length > 0 ? ` (${where.join(', ')})` : '';
      context.logger.info(`${pending.length} ${pending.length === 1 ? 'chapter' : 'chapters'} rendered, ${kept} kept from the cache${threads}`);
      // HTML files no chapter refers to any more (edited or removed chapters) are deleted.
      const current = new Set(context.store.values().map((entry) => chapterMetadata(entry.rendered)?.htmlFile));
      for (const file of readdirSync(htmlDir)) {
        if (!current.has(join(htmlDir, file))) rmSync(join(htmlDir, file), { force: true });
      }
      // What each chapter file came out as, for the build's quick path when only chapters' bodies change.
      const index: RenderedIndexEntry[] = context.store.values().flatMap((entry) => {
        const metadata = chapterMetadata(entry.rendered);
        return metadata && entry.filePath ? [{ id: entry.id, file: fileURLToPath(new URL(entry.filePath, context.config.root)), metadata }] : [];
      });
      writeFileSync(join(htmlDir, '..', RENDERED_INDEX), JSON.stringify(index));
    },
  };
}
