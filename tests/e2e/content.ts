import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { parseCalculatorDefaults } from '../../src/features/calculator/defaults.ts';
import type { Scenario } from '../../src/features/calculator/fields.ts';
import type { CalculatorDefaults } from '../../src/features/calculator/schema.ts';

/** The content folder the site under test was built from. */
export const contentRoot = resolve(process.env['CONTENT_DIR'] || 'src/content');

/** A chapter as the tests need it: id, frontmatter and body. */
export interface ChapterFile {
  id: string;
  title: string;
  section: string;
  order: number;
  draft: boolean;
  body: string;
}

/** Reads every published chapter from the content folder. */
export function readChapters(): ChapterFile[] {
  const dir = join(contentRoot, 'playbook');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx') && !f.startsWith('_'))
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      const data = parse(match?.[1] ?? '') as Record<string, unknown>;
      return {
        id: f.replace(/\.mdx$/, ''),
        title: String(data['title']),
        section: String(data['section']),
        order: Number(data['order']),
        draft: data['draft'] === true,
        body: match?.[2] ?? '',
      };
    })
    .filter((c) => !c.draft);
}

/** Reads the sections, in reading order. */
export function readSections(): { id: string; title: string; order: number }[] {
  const dir = join(contentRoot, 'sections');
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => {
      const data = parse(readFileSync(join(dir, f), 'utf8')) as { title: string; order: number };
      return { id: f.replace(/\.ya?ml$/, ''), title: data.title, order: data.order };
    })
    .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
}

/** The ids of the glossary terms (their file names), sorted. */
export function readGlossaryIds(): string[] {
  return readdirSync(join(contentRoot, 'glossary'))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => f.replace(/\.ya?ml$/, ''))
    .sort();
}

const words = (text: string): string[] => text.toLowerCase().match(/[a-z]{9,}/g) ?? [];

/**
 * Finds a word that appears in exactly one chapter's body and nowhere else in the content (no other
 * chapter, title, glossary term), so a search for it can only be answered by that chapter's text.
 */
export function wordOnlyInOneBody(): { word: string; chapter: ChapterFile } {
  const chapters = readChapters();
  const elsewhere = new Map<string, number>();
  for (const c of chapters) for (const w of new Set(words(`${c.title} ${c.body}`))) elsewhere.set(w, (elsewhere.get(w) ?? 0) + 1);
  const glossaryDir = join(contentRoot, 'glossary');
  const glossaryText = readdirSync(glossaryDir)
    .map((f) => readFileSync(join(glossaryDir, f), 'utf8'))
    .join(' ');
  const glossaryWords = new Set(words(glossaryText));
  for (const chapter of [...chapters].sort((a, b) => a.id.localeCompare(b.id))) {
    const bodyText = chapter.body.replace(/<[^>]+>/g, ' ');
    const titleWords = new Set(words(chapter.title));
    const candidate = words(bodyText).find((w) => elsewhere.get(w) === 1 && !glossaryWords.has(w) && !titleWords.has(w));
    if (candidate) return { word: candidate, chapter };
  }
  throw new Error('no word appears in exactly one chapter body');
}

/**
 * The calculator defaults the site was built with: the content folder's, or the generator's own (as
 * src/content.config.ts picks), in the site's currency, with the site's locale, each default's source
 * and the content folder they come from (for `npm run calc`).
 */
export function builtCalculatorDefaults(): {
  defaults: Scenario;
  locale: string;
  currency: string;
  sources: CalculatorDefaults['sources'];
  contentDir: string;
} {
  const contentDir = existsSync(join(contentRoot, 'calculator', 'defaults.yaml')) ? contentRoot : resolve('src/content');
  const loaded = parseCalculatorDefaults(readFileSync(join(contentDir, 'calculator', 'defaults.yaml'), 'utf8'), 'defaults.yaml');
  if (!loaded.ok) throw new Error(loaded.message);
  const site = parse(readFileSync(join(contentRoot, 'site.yaml'), 'utf8')) as { locale?: string; currency?: string };
  const currency = site.currency ?? 'USD';
  return { defaults: { ...loaded.value.scenario, currency }, locale: site.locale ?? 'en-US', currency, sources: loaded.value.sources, contentDir };
}
