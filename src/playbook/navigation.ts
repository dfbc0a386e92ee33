import type { Audience } from '../common/schemas.ts';

/** The fields of a section that navigation needs. */
export interface SectionInfo {
  id: string;
  title: string;
  order: number;
  summary: string;
}

/** The fields of a chapter that navigation needs. */
export interface ChapterInfo {
  id: string;
  title: string;
  description: string;
  section: string;
  order: number;
  audience: Audience;
  related: readonly string[];
  readingMinutes: number;
}

/** A section with its chapters in reading order. */
export interface SectionWithChapters extends SectionInfo {
  chapters: ChapterInfo[];
}

/** Everything pages need to place a chapter: sections in order, the reading order, lookups. */
export interface PlaybookIndex {
  sections: SectionWithChapters[];
  readingOrder: ChapterInfo[];
  chapterById: ReadonlyMap<string, ChapterInfo>;
  sectionById: ReadonlyMap<string, SectionWithChapters>;
  /** Where each chapter sits: its place in the reading order and in its section's chapter list. */
  positionById: ReadonlyMap<string, { reading: number; inSection: number }>;
  /** Each section's place in `sections`. */
  sectionPositionById: ReadonlyMap<string, number>;
}

const byOrderThenTitle = (a: { order: number; title: string }, b: { order: number; title: string }): number =>
  a.order - b.order || a.title.localeCompare(b.title, 'en');

/**
 * Puts sections and chapters in reading order: sections by `order`, chapters by `order` inside their
 * section; ties are broken by title so the order never depends on file-system order.
 */
export function buildPlaybookIndex(sections: readonly SectionInfo[], chapters: readonly ChapterInfo[]): PlaybookIndex {
  const ordered: SectionWithChapters[] = [...sections]
    .sort(byOrderThenTitle)
    .map((section) => ({ ...section, chapters: chapters.filter((c) => c.section === section.id).sort(byOrderThenTitle) }));
  const readingOrder = ordered.flatMap((section) => section.chapters);
  const positionById = new Map<string, { reading: number; inSection: number }>();
  let reading = 0;
  for (const section of ordered) section.chapters.forEach((c, inSection) => positionById.set(c.id, { reading: reading++, inSection }));
  return {
    sections: ordered,
    readingOrder,
    chapterById: new Map(readingOrder.map((c) => [c.id, c])),
    sectionById: new Map(ordered.map((s) => [s.id, s])),
    positionById,
    sectionPositionById: new Map(ordered.map((s, i) => [s.id, i])),
  };
}

/** The chapters before and after `id` in reading order (across section boundaries). */
export function neighbours(index: PlaybookIndex, id: string): { previous?: ChapterInfo; next?: ChapterInfo } {
  // A map lookup, not a search: this runs once per page, so a search would make the build O(N²).
  const at = index.positionById.get(id)?.reading;
  if (at === undefined) return {};
  const previous = index.readingOrder[at - 1];
  const next = index.readingOrder[at + 1];
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}

/** The related chapters of `id` that exist, in the order the author listed them. */
export function relatedChapters(index: PlaybookIndex, id: string): ChapterInfo[] {
  const chapter = index.chapterById.get(id);
  if (!chapter) return [];
  return chapter.related.flatMap((rid) => {
    const found = index.chapterById.get(rid);
    return found && found.id !== id ? [found] : [];
  });
}

const WORDS_PER_MINUTE = 220;

/** Minutes to read an MDX body at 220 words a minute, ignoring frontmatter, tags and code fences' markup. */
export function readingMinutes(body: string): number {
  const text = body
    .replace(/^---[\s\S]*?---/, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[#*_`>|\-[\]()]/g, ' ');
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
