// Renders chapter files outside Astro exactly as the chapter loader (src/loaders/mdx-loader.ts) renders
// them: the same setup, the same body with the file's line numbers, the same reading time and glossary
// terms. The build's quick path (quick-rebuild.ts) and its rendering ahead of Astro (prerender.ts) use it.
import { join } from 'node:path';
import { splitChapter } from './build-fingerprint.ts';
import type { TermReference } from '../../src/playbook/references.ts';

/** Where a playbook's chapters are rendered from. */
export interface ChapterFolder {
  contentFolder: string;
  base: string;
  /** The calculator defaults file the chapters' worksheets read (`contentFile`). */
  calculatorDefaults: string;
}

/** A chapter file read: its path, its body, and that body with the file's line numbers (as the loader renders it). */
export interface ChapterFile {
  path: string;
  body: string;
  fileBody: string;
}

/** What the chapter loader makes of a chapter file. */
export interface RenderedChapterFile {
  html: string;
  headings: { depth: number; slug: string; text: string }[];
  readingMinutes: number;
  terms: TermReference[];
}

/** The chapter loader's setup for `folder`, and its rendering of one file at a time (which throws where the loader's would). */
export async function chapterRenderer(folder: ChapterFolder) {
  const { chapterRenderSetup, renderChapter, bodyWithFileLines } = await import('../../src/loaders/mdx-loader.ts');
  const { readingMinutes } = await import('../../src/playbook/navigation.ts');
  const { termReferences } = await import('../../src/playbook/references.ts');
  const setup = chapterRenderSetup(
    {
      glossaryDir: join(folder.contentFolder, 'glossary'),
      calculatorDefaults: folder.calculatorDefaults,
      siteSettings: join(folder.contentFolder, 'site.yaml'),
    },
    folder.base,
  );
  return {
    setup,
    /** The chapter in a file's text. */
    read: (path: string, text: string): ChapterFile => {
      const { body } = splitChapter(text);
      return { path, body, fileBody: bodyWithFileLines(path, body, text) };
    },
    render: async ({ path, body, fileBody }: ChapterFile): Promise<RenderedChapterFile> => {
      const { html, headings } = await renderChapter(fileBody, setup.context, { path, outboundLinks: setup.outboundLinks });
      return { html, headings, readingMinutes: readingMinutes(body), terms: termReferences(fileBody) };
    },
  };
}
