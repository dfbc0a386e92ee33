// A chapter rendered in the content layer (src/loaders/mdx-loader.ts): what its data-store entry keeps
// and how its page reads the HTML back from the build cache.
import { readFileSync } from 'node:fs';
import type { TermReference } from './references.ts';

/** What a chapter rendered in the content layer keeps in its entry's `rendered.metadata`. */
export interface ChapterMetadata {
  headings: { depth: number; slug: string; text: string }[];
  /** The file in the build cache holding the chapter's HTML. */
  htmlFile: string;
  readingMinutes: number;
  /** The glossary terms the body names, with their lines in the chapter file. */
  terms: TermReference[];
}

/**
 * The file in the build cache listing each chapter file's entry as the last build's loader left them
 * (`RenderedIndexEntry`), for the build's quick path when only chapters' bodies change.
 */
export const RENDERED_INDEX = 'rendered-chapters.json';

/** One chapter in that list. */
export interface RenderedIndexEntry {
  id: string;
  /** The chapter's file, absolute. */
  file: string;
  metadata: ChapterMetadata;
}

/** The metadata of a chapter rendered by this loader, or undefined for one rendered otherwise. */
export function chapterMetadata(rendered: { metadata?: Record<string, unknown> } | undefined): ChapterMetadata | undefined {
  const metadata = rendered?.metadata as Partial<ChapterMetadata> | undefined;
  return typeof metadata?.htmlFile === 'string' ? (metadata as ChapterMetadata) : undefined;
}

/** A chapter's HTML, as this loader rendered it. */
export function chapterHtml(metadata: ChapterMetadata): string {
  try {
    return readFileSync(metadata.htmlFile, 'utf8');
  } catch {
    throw new Error(
      `The rendered chapter ${metadata.htmlFile} is missing from the build cache; build again (the chapter loader renders what is missing) or delete the cache folder.`,
    );
  }
}
