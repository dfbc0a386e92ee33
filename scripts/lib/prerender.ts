// Renders chapters while Astro starts (src/loaders/prerendered.ts says why and how the chapter loader
// takes them). A cold build calls it next to Astro's process: chapter by chapter, with the chapter
// loader's own functions, until the loader leaves its stop file, Astro stops, or every chapter is done.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chapterFiles } from './build-fingerprint.ts';
import { chapterRenderer, type ChapterFolder } from './chapter-renderer.ts';
import { prerenderKey, STOP_FILE, writePrerendered } from '../../src/loaders/prerendered.ts';

export interface PrerenderOptions extends ChapterFolder {
  /** The folder the results go into (named to Astro's process in PRERENDERED_ENV). */
  dir: string;
  /** Whether to stop before the next chapter besides the stop file (Astro has exited). */
  stopped: () => boolean;
}

/** Renders chapters into `options.dir` until told to stop; returns how many it rendered. */
export async function prerenderChapters(options: PrerenderOptions): Promise<number> {
  const files = chapterFiles(options.contentFolder);
  const renderer = await chapterRenderer(options);
  const stop = join(options.dir, STOP_FILE);
  let count = 0;
  for (const path of files) {
    // Astro's process runs meanwhile: its exit is noticed between chapters.
    await new Promise<void>((next) => setImmediate(next));
    if (options.stopped() || existsSync(stop)) break;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    const chapter = renderer.read(path, text);
    const key = prerenderKey(renderer.setup.inputs, path, chapter.body, chapter.fileBody);
    try {
      writePrerendered(options.dir, key, { ok: true, ...(await renderer.render(chapter)) });
      count += 1;
    } catch {
      // The chapter loader renders it again and reports the error with the others.
      try {
        writePrerendered(options.dir, key, { ok: false });
      } catch {
        break;
      }
    }
  }
  return count;
}
