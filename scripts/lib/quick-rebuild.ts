// The quick path of `npm run build` for the edit authors make most: the text of a chapter or a few,
// and nothing else. Astro would start, sync the content, bundle the scripts and write every page again,
// seconds even when its caches keep nearly everything. Here each edited chapter is rendered by the
// chapter loader's own function (src/loaders/mdx-loader.ts), its new HTML takes the old one's place in
// the pages that show it (its page and the printable booklets of the paths that include it), and
// Pagefind and the offline worker run as after a full build.
//
// It applies only when the pages are certain to come out as a full build writes them, which
// tests/build/quick-rebuild.test.ts checks file by file: the code, settings and every other content
// file are as the last build read them; no chapter was added or removed; each edited chapter keeps its
// frontmatter, headings and reading time (which other pages show) and names only glossary terms that
// exist; and its old HTML stands exactly once in its page. Anything else is a full build, which also
// reports any error the edit brings.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha, type BuildRecord, type InputState } from './build-fingerprint.ts';
import { chapterRenderer, type ChapterFolder, type RenderedChapterFile } from './chapter-renderer.ts';

/** A chapter as the last build wrote it: its file's digests, its id and how its body came out. */
export interface RecordedChapter {
  id: string;
  /** Digests of the whole file and of its frontmatter (`ChapterFileState`). */
  file: string;
  head: string;
  /** The file holding its rendered HTML (in the build cache). */
  html: string;
  /** A digest of its headings, which its page lists under "On this page". */
  headings: string;
  readingMinutes: number;
}

/** A chapter whose body alone changed since the last build. */
export interface ChapterEdit {
  path: string;
  last: RecordedChapter;
  /** The digest of its file now. */
  file: string;
}

/** The headings' digest kept in the record. */
export const headingsDigest = (headings: readonly { depth: number; slug: string; text: string }[]): string =>
  sha(JSON.stringify(headings.map((h) => [h.depth, h.slug, h.text])));

/** Why there is no quick path when the last build (an older version's, or one rendering Astro's way) kept no list of chapters: not worth a word in the log. */
export const NOT_RECORDED = 'the last build did not record its chapters';

/**
 * The chapters edited since the last build, when nothing but their bodies changed; otherwise why a
 * full build is needed. `output` is the built folder's digest now (undefined when it is missing).
 */
export function planQuickRebuild(last: BuildRecord | undefined, now: InputState, output: string | undefined): { edits: ChapterEdit[] } | { reason: string } {
  if (!last?.code || !last.chapters) return { reason: NOT_RECORDED };
  if (output === undefined || output !== last.output) return { reason: 'the built folder is not as the last build left it' };
  if (last.code !== now.code) return { reason: 'something besides chapters changed' };
  const before = Object.keys(last.chapters);
  const after = Object.keys(now.chapters);
  if (before.length !== after.length || after.some((path) => !last.chapters?.[path])) return { reason: 'a chapter was added or removed' };
  const edits: ChapterEdit[] = [];
  for (const path of after) {
    const was = last.chapters[path]!;
    const is = now.chapters[path]!;
    if (was.file === is.file) continue;
    if (was.head !== is.head) return { reason: `the frontmatter of ${path} changed` };
    edits.push({ path, last: was, file: is.file });
  }
  if (edits.length === 0) return { reason: 'no chapter changed' };
  return { edits };
}

/** How often `part` occurs in `text`. */
export function occurrences(text: string, part: string): number {
  if (part === '') return Infinity;
  let count = 0;
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + part.length)) count++;
  return count;
}

/** What the quick path needs to know about the build. */
export interface QuickBuild extends ChapterFolder {
  outDir: string;
  /** Astro's cache folder, where new HTML is kept for the next quick rebuild. */
  cacheDir: string;
}

/** The booklet pages (one per path) that may show a chapter's whole body. */
function bookletPages(outDir: string): string[] {
  const paths = join(outDir, 'paths');
  if (!existsSync(paths)) return [];
  return readdirSync(paths, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(paths, entry.name, 'print', 'index.html'))
    .filter((file) => existsSync(file));
}

/**
 * Renders the edited chapters and writes the pages that show them, or says why it cannot (then
 * nothing is written). Returns the pages it wrote and the chapters' new records.
 */
export async function quickRebuild(
  edits: readonly ChapterEdit[],
  all: Readonly<Record<string, RecordedChapter>>,
  build: QuickBuild,
): Promise<{ pages: string[]; chapters: Record<string, RecordedChapter> } | { reason: string }> {
  const renderer = await chapterRenderer(build);
  const pages = new Map<string, string>();
  const read = (file: string): string => pages.get(file) ?? readFileSync(file, 'utf8');
  const booklets = bookletPages(build.outDir);
  let otherBodies: Map<string, string> | undefined;
  const chapters: Record<string, RecordedChapter> = {};
  const newHtml: [string, string][] = [];
  for (const { path, last, file } of edits) {
    let rendered: RenderedChapterFile;
    try {
      rendered = await renderer.render(renderer.read(path, readFileSync(path, 'utf8')));
    } catch {
      return { reason: `${path} could not be rendered on its own` };
    }
    if (headingsDigest(rendered.headings) !== last.headings) return { reason: `the headings of ${path} changed` };
    if (rendered.readingMinutes !== last.readingMinutes) return { reason: `the reading time of ${path} changed` };
    if (rendered.terms.some((term) => !renderer.setup.context.glossary.has(term.id))) return { reason: `${path} names a glossary term that does not exist` };
    if (!existsSync(last.html)) return { reason: `the last HTML of ${path} is no longer in the build cache` };
    const old = readFileSync(last.html, 'utf8');
    if (old === '') return { reason: `${path} had an empty body` };
    const page = join(build.outDir, 'chapters', last.id, 'index.html');
    const pageText = existsSync(page) ? read(page) : '';
    if (occurrences(pageText, old) !== 1) return { reason: `the page of ${path} does not show its last HTML once` };
    pages.set(
      page,
      pageText.replace(old, () => rendered.html),
    );
    for (const booklet of booklets) {
      const bookletText = read(booklet);
      const count = occurrences(bookletText, old);
      if (count === 0) continue;
      // The old HTML in a booklet is this chapter's only if no other chapter's body contains it.
      otherBodies ??= new Map(Object.values(all).map((c) => [c.id, existsSync(c.html) ? readFileSync(c.html, 'utf8') : '']));
      const inOther = [...otherBodies].some(([id, html]) => id !== last.id && html.includes(old));
      if (count !== 1 || inOther) return { reason: `a booklet shows text of ${path} more than once` };
      pages.set(
        booklet,
        bookletText.replace(old, () => rendered.html),
      );
    }
    const htmlFile = join(build.cacheDir, 'quick-edits', `${sha(rendered.html).slice(0, 32)}.html`);
    newHtml.push([htmlFile, rendered.html]);
    chapters[path] = { ...last, file, html: htmlFile };
  }
  mkdirSync(join(build.cacheDir, 'quick-edits'), { recursive: true });
  for (const [file, html] of newHtml) writeFileSync(file, html);
  for (const [file, html] of pages) writeFileSync(file, html);
  return { pages: [...pages.keys()], chapters };
}
