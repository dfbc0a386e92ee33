// What `npm run build` (scripts/build.ts) compares to tell whether a build would write what the last
// one wrote: a digest of everything the site is built from (the generator's code and assets, the content
// folder, the installed packages, the settings read from the environment), and a record of the built
// folder as that build left it (each file's path, size and modification time).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { BUILT_IN_CONTENT_DIR } from '../../src/common/content-dir.ts';
import type { RecordedChapter } from './quick-rebuild.ts';
import type { RecordedFile } from './offline-worker.ts';

/** The environment variables the build reads; a change to any of them builds again. */
export const BUILD_ENV = ['BASE_PATH', 'OUT_DIR', 'CONTENT_DIR', 'CHAPTER_RENDERING', 'ASTRO_CACHE_DIR', 'NODE_ENV'] as const;

/** What the site is built from, below the repository: folders read whole and single files. */
export const BUILD_INPUTS = {
  folders: ['src', 'public'],
  files: [
    'astro.config.mjs',
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'scripts/build.ts',
    'scripts/lib/build-fingerprint.ts',
    'scripts/lib/offline-worker.ts',
    'scripts/lib/quick-rebuild.ts',
    'node_modules/.package-lock.json',
  ],
} as const;

/** Every file below `dir` (none when it does not exist), as absolute paths in a stable order. */
function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** A chapter file as the build read it: digests of the whole file and of its frontmatter (everything before the body). */
export interface ChapterFileState {
  file: string;
  head: string;
}

/** What a build reads, split so that a change to chapters' bodies alone can be told apart from any other. */
export interface InputState {
  /** A digest of everything. */
  inputs: string;
  /** A digest of everything but the chapter files (scripts/lib/quick-rebuild.ts). */
  code: string;
  /** Each chapter file (absolute path) of the content folder. */
  chapters: Record<string, ChapterFileState>;
}

// The frontmatter block as Astro's MDX integration finds it (@astrojs/internal-helpers/frontmatter).
const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

/** A chapter file's frontmatter (with its fences) and its body as Astro's content layer stores it (trimmed). */
export function splitChapter(text: string): { head: string; body: string } {
  const match = FRONTMATTER.exec(text);
  const head = match ? text.slice(0, match.index + match[0].length) : '';
  return { head, body: text.slice(head.length).trim() };
}

/** The SHA-256 of some text or bytes, in hex: the digests the build record keeps. */
export const sha = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Whether a file of the content folder is a chapter: an `.mdx` file below `playbook/` whose name does not start with `_`, as the chapters' collection reads them. */
function isChapterFile(contentFolder: string, file: string): boolean {
  const inside = relative(join(contentFolder, 'playbook'), file);
  return !inside.startsWith('..') && inside.endsWith('.mdx') && !basename(file).startsWith('_');
}

/** The chapter files of the content folder (absolute paths), as the chapters' collection reads them. */
export function chapterFiles(contentFolder: string): string[] {
  const content = resolve(contentFolder);
  return filesBelow(join(content, 'playbook')).filter((file) => isChapterFile(content, file));
}

/**
 * What a build of `repo` reads: the input folders and files, the content folder (which may lie outside
 * the repository), the environment variables in BUILD_ENV and Node's version. Files are read whole: a
 * checkout that keeps sizes and times but changes a byte still counts.
 */
export function inputState(repo: string, contentFolder: string, env: Record<string, string | undefined>, nodeVersion = process.version): InputState {
  const code = createHash('sha256');
  code.update(`node ${nodeVersion}\n`);
  for (const name of BUILD_ENV) code.update(`env ${name}=${env[name] ?? ''}\n`);
  const files = new Set<string>();
  for (const folder of BUILD_INPUTS.folders) filesBelow(join(repo, folder)).forEach((f) => files.add(f));
  for (const file of BUILD_INPUTS.files) files.add(join(repo, file));
  const content = resolve(contentFolder);
  filesBelow(content).forEach((f) => files.add(f));
  const chapters: Record<string, ChapterFileState> = {};
  for (const file of [...files].sort()) {
    const bytes = existsSync(file) ? readFileSync(file) : undefined;
    if (bytes && isChapterFile(content, file)) {
      chapters[file] = { file: sha(bytes), head: sha(splitChapter(bytes.toString('utf8')).head) };
      continue;
    }
    code.update(`file ${file}\0`);
    code.update(bytes ?? '(missing)');
    code.update('\0');
  }
  const codeDigest = code.digest('hex');
  const all = createHash('sha256').update(codeDigest);
  for (const [file, state] of Object.entries(chapters)) all.update(`\0${file}\0${state.file}`);
  return { inputs: all.digest('hex'), code: codeDigest, chapters };
}

/** The built folder as it stands: each file's path, size and modification time, in one digest. */
export function outputDigest(outDir: string): string {
  const hash = createHash('sha256');
  for (const file of filesBelow(outDir)) {
    const stat = statSync(file);
    hash.update(`${relative(outDir, file).split(sep).join('/')}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** What the last successful build into a folder recorded. */
export interface BuildRecord {
  inputs: string;
  output: string;
  /** `InputState.code`, and each chapter as it was built, for the quick path (scripts/lib/quick-rebuild.ts). */
  code?: string;
  chapters?: Record<string, RecordedChapter>;
  /** Every built file but the offline worker, as its list digested them: a quick rebuild reads only the pages it writes, and any rebuild only the search index's new files. */
  files?: RecordedFile[];
}

/** Why a build must run, or undefined when the folder already holds what it would write. */
export function reasonToBuild(last: BuildRecord | undefined, now: { inputs: string; output: string | undefined }): string | undefined {
  if (!last) return 'no earlier build into this folder is recorded';
  if (now.output === undefined) return 'the folder is missing';
  if (last.inputs !== now.inputs) return 'what the site is built from has changed';
  if (last.output !== now.output) return 'the folder was changed after the last build';
  return undefined;
}

function isRecordedFile(value: unknown): value is RecordedFile {
  const f = value as Partial<RecordedFile> | null;
  return (
    typeof f === 'object' &&
    f !== null &&
    typeof f.path === 'string' &&
    typeof f.digest === 'string' &&
    /^[0-9a-f]{64}$/.test(f.digest) &&
    Number.isSafeInteger(f.bytes)
  );
}

function isRecordedChapter(value: unknown): value is RecordedChapter {
  const c = value as Partial<RecordedChapter> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    [c.id, c.file, c.head, c.html, c.headings].every((v) => typeof v === 'string') &&
    typeof c.readingMinutes === 'number'
  );
}

/** Reads a build record, or undefined when there is none or it cannot be read (then the site is built). */
export function readBuildRecord(file: string): BuildRecord | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<BuildRecord>;
    if (typeof parsed.inputs !== 'string' || typeof parsed.output !== 'string') return undefined;
    const record: BuildRecord = { inputs: parsed.inputs, output: parsed.output };
    if (typeof parsed.code === 'string' && parsed.chapters && typeof parsed.chapters === 'object' && Object.values(parsed.chapters).every(isRecordedChapter)) {
      record.code = parsed.code;
      record.chapters = parsed.chapters;
    }
    if (Array.isArray(parsed.files) && parsed.files.every(isRecordedFile)) record.files = parsed.files;
    return record;
  } catch {
    return undefined;
  }
}

/**
 * Astro's cache folder (astro.config.mjs sets `cacheDir` with it): ASTRO_CACHE_DIR when set, else one
 * under node_modules for each base path and content folder. Chapters are rendered for one base path,
 * and entries cached from another content folder would clash with this one's by id.
 */
export function cacheDirFor(base: string, contentFolder: string, env: Record<string, string | undefined>): string {
  if (env['ASTRO_CACHE_DIR']) return env['ASTRO_CACHE_DIR'];
  const ownContent =
    resolve(contentFolder) === BUILT_IN_CONTENT_DIR ? '' : `content-${createHash('sha256').update(resolve(contentFolder)).digest('hex').slice(0, 10)}`;
  const suffix = [base === '/' ? '' : base, ownContent]
    .map((part) => part.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, ''))
    .filter(Boolean)
    .map((part) => `-${part}`)
    .join('');
  return `./node_modules/.astro${suffix}`;
}
