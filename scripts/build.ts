// npm run build [-- --force]: builds the site (astro build, then the Pagefind index, then the offline
// worker) into OUT_DIR (default dist/), with BASE_PATH and CONTENT_DIR as documented in the README.
// When nothing the site is built from has changed since the last build into the same folder, and the
// folder is as that build left it, the build is skipped and says so: the files would come out the same
// (scripts/lib/build-fingerprint.ts lists what counts). When only the bodies of chapters changed, their
// pages are written without running Astro, then indexed as usual (scripts/lib/quick-rebuild.ts).
// --force, or BUILD_FORCE=1, builds everything anyway.
import { spawn } from 'node:child_process';
import module from 'node:module';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { normaliseBase } from '../src/common/urls.ts';
import { contentDir, contentFile } from '../src/common/content-dir.ts';
import { RENDERED_INDEX, type RenderedIndexEntry } from '../src/playbook/rendered-chapter.ts';
import { cacheDirFor, inputState, outputDigest, readBuildRecord, reasonToBuild, type BuildRecord } from './lib/build-fingerprint.ts';
import { headingsDigest, NOT_RECORDED, planQuickRebuild, quickRebuild, type RecordedChapter } from './lib/quick-rebuild.ts';
import { readBuiltFile, readBuiltFiles, recordedFiles, recordFiles, writeOfflineWorker, type ReadFile } from './lib/offline-worker.ts';
import { lastIndex, removeStale, type LastIndex } from './lib/reindex.ts';
import { WORKER_FILE } from '../src/features/offline/manifest.ts';
import { PRERENDERED_ENV } from '../src/loaders/prerendered.ts';
import { prerenderChapters } from './lib/prerender.ts';

// As Astro's own command does: modules are compiled once and kept (the quick path's renderer is loaded later).
module.enableCompileCache?.();
const REPO = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { force: { type: 'boolean', default: false } } });
const force = values.force || process.env['BUILD_FORCE'] === '1';
const outDir = resolve(process.env['OUT_DIR'] || 'dist');
const shown = relative(process.cwd(), outDir) || '.';
const base = normaliseBase(process.env['BASE_PATH']);
const cacheDir = resolve(REPO, cacheDirFor(base, contentDir(), process.env));
const record = join(cacheDir, `last-build-${createHash('sha256').update(outDir).digest('hex').slice(0, 16)}.json`);
const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;

const started = performance.now();
const inputs = inputState(REPO, contentDir(), process.env);
const output = existsSync(outDir) ? outputDigest(outDir) : undefined;
const last = readBuildRecord(record);
const reason = force ? 'asked to build' : reasonToBuild(last, { inputs: inputs.inputs, output });
if (reason === undefined) {
  console.log(
    `build: nothing the site is built from has changed since the last build, and ${shown}/ is as it left it: kept it (checked in ${seconds(started)}). Run npm run build -- --force to build anyway.`,
  );
  process.exit(0);
}

// A build that stops half-way must not be kept next time: the record goes before the build starts.
rmSync(record, { force: true });
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const times: string[] = [];
let runAstro = true;
let chapters: Record<string, RecordedChapter> | undefined;
/** The last index, when Pagefind writes the new one over it (scripts/lib/reindex.ts). */
let indexed: LastIndex | undefined;
// The quick path's pages: the last build's, with those it wrote read again.
let builtPages: ReadFile[] | undefined;
const isPagefind = (path: string) => path.startsWith('pagefind/');
const pagefindDir = join(outDir, 'pagefind');

// When only chapters' bodies changed, the quick path writes their pages without Astro (scripts/lib/quick-rebuild.ts).
const plan = force ? undefined : planQuickRebuild(last, inputs, output);
if (plan && 'edits' in plan && last?.chapters) {
  const at = performance.now();
  const quick = await quickRebuild(plan.edits, last.chapters, {
    contentFolder: contentDir(),
    outDir,
    base,
    cacheDir,
    calculatorDefaults: contentFile('calculator/defaults.yaml'),
  });
  if ('pages' in quick) {
    const count = plan.edits.length;
    const others = Object.keys(last.chapters).length - count;
    const them = count === 1 ? 'it' : 'them';
    console.log(
      `build: only the ${count === 1 ? 'body of 1 chapter' : `bodies of ${count} chapters`} changed: rendered ${them} and wrote the ` +
        `${quick.pages.length === 1 ? 'page' : `${quick.pages.length} pages`} showing ${them} into ${shown}/ (${seconds(at)}); ` +
        `the other ${others} ${others === 1 ? 'chapter' : 'chapters'} and every other page are as the last build wrote them.`,
    );
    chapters = { ...last.chapters, ...quick.chapters };
    // Pagefind writes the new index over the last one, and the last one's files it no longer names go after it.
    indexed = lastIndex(pagefindDir);
    if (last.files) {
      const wrote = new Set(quick.pages.map((page) => relative(outDir, page).split(sep).join('/')));
      builtPages = [
        ...recordedFiles(last.files.filter((f) => !wrote.has(f.path) && !isPagefind(f.path))),
        ...[...wrote].map((path) => readBuiltFile(outDir, path)),
      ];
    }
    runAstro = false;
    times.push(`quick ${seconds(at)}`);
  } else {
    console.log(`build: building every page into ${shown}/ (${quick.reason}).`);
  }
} else {
  console.log(`build: building into ${shown}/ (${reason}${plan && 'reason' in plan && plan.reason !== NOT_RECORDED ? `: ${plan.reason}` : ''}).`);
}

const index = join(cacheDir, RENDERED_INDEX);
// No chapter rendered by an earlier build is kept: chapters are rendered while Astro starts (scripts/lib/prerender.ts).
const renderAhead = runAstro && !existsSync(index) && process.env['BUILD_RENDER_AHEAD'] !== '0';
if (!chapters) {
  // Written again by the chapter loader; one left from an earlier build must not stand for this one's.
  rmSync(index, { force: true });
  rmSync(join(cacheDir, 'quick-edits'), { recursive: true, force: true });
}
if (runAstro) {
  const at = performance.now();
  // Astro empties the folder. The last index, when the last build left the folder as it is, waits in
  // the cache meanwhile (a rename, on the same disk), and Pagefind writes the new one over it as on
  // the quick path. Not with --force, and not after a build that stopped half-way.
  const keptIndex = join(cacheDir, 'last-index');
  rmSync(keptIndex, { recursive: true, force: true });
  if (!force && last && output === last.output && existsSync(pagefindDir)) {
    try {
      mkdirSync(cacheDir, { recursive: true });
      renameSync(pagefindDir, keptIndex);
    } catch {
      // Another disk: Pagefind indexes into an empty folder.
    }
  }
  const aheadDir = join(cacheDir, 'prerendered');
  rmSync(aheadDir, { recursive: true, force: true });
  if (renderAhead) mkdirSync(aheadDir, { recursive: true });
  const astro = spawn(process.execPath, [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', REPO], {
    stdio: 'inherit',
    env: renderAhead ? { ...env, [PRERENDERED_ENV]: aheadDir } : env,
  });
  let astroStatus: number | undefined;
  const astroDone = new Promise<number>((done) => astro.on('close', (code) => done((astroStatus = code ?? 1))));
  if (renderAhead) {
    await prerenderChapters({
      contentFolder: contentDir(),
      base,
      calculatorDefaults: contentFile('calculator/defaults.yaml'),
      dir: aheadDir,
      stopped: () => astroStatus !== undefined,
    }).catch(() => 0);
  }
  const status = await astroDone;
  rmSync(aheadDir, { recursive: true, force: true });
  if (status !== 0) process.exit(status);
  if (existsSync(keptIndex) && !existsSync(pagefindDir)) {
    renameSync(keptIndex, pagefindDir);
    indexed = lastIndex(pagefindDir);
  }
  times.push(`astro ${seconds(at)}`);
}
// Pagefind works on one core; the offline worker's list reads the pages on the other meanwhile, then
// Pagefind's own files once it is done.
const pagefindAt = performance.now();
const runPagefind = (): Promise<number> =>
  new Promise<number>((done) => spawn(pagefindCommand(), ['--site', outDir], { stdio: 'inherit', env }).on('close', (code) => done(code ?? 1)));
const pagefindDone = runPagefind();
const pages = builtPages ?? readBuiltFiles(outDir, (path) => !isPagefind(path) && path !== WORKER_FILE);
let pagefindStatus = await pagefindDone;
// The last index's hashed files that the new one still names are the same files (each one's name is a
// digest of its contents): the offline worker's list takes their digests from the last build's record.
let unchangedIndex = new Set<string>();
if (pagefindStatus === 0 && indexed) {
  try {
    const stale = new Set(removeStale(pagefindDir, indexed));
    unchangedIndex = new Set(indexed.hashed.filter((path) => !stale.has(path)).map((path) => `pagefind/${path}`));
  } catch (error) {
    console.log(`build: indexing into an empty folder, as the index just written could not be read (${(error as Error).message}).`);
    rmSync(pagefindDir, { recursive: true, force: true });
    pagefindStatus = await runPagefind();
  }
}
if (pagefindStatus !== 0) process.exit(pagefindStatus);
times.push(`pagefind ${seconds(pagefindAt)}`);
const offlineAt = performance.now();
const known = new Map(recordedFiles((last?.files ?? []).filter((f) => unchangedIndex.has(f.path))).map((f) => [f.path, f]));
const indexFiles = readBuiltFiles(outDir, isPagefind, known);
console.log(writeOfflineWorker(outDir, base, [...pages, ...indexFiles]));
times.push(`offline ${seconds(offlineAt)}`);
chapters ??= recordedChapters(index, inputs.chapters);
const done: BuildRecord = {
  inputs: inputs.inputs,
  output: outputDigest(outDir),
  ...(chapters ? { code: inputs.code, chapters, files: recordFiles([...pages, ...indexFiles]) } : {}),
};
mkdirSync(join(record, '..'), { recursive: true });
writeFileSync(record, `${JSON.stringify(done)}\n`);
// Read by npm run bench.
console.log(`build: done in ${seconds(started)} (${times.join(', ')}).`);

/** Pagefind's program for this machine, as its npm wrapper finds it (sparing the wrapper's own start), else the wrapper. */
function pagefindCommand(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const binary = join(
    REPO,
    'node_modules/@pagefind',
    `${platform}-${process.arch}`,
    'bin',
    platform === 'windows' ? 'pagefind_extended.exe' : 'pagefind_extended',
  );
  return existsSync(binary) ? binary : join(REPO, 'node_modules/.bin/pagefind');
}

/** Each chapter file as the chapter loader rendered it in this build, or undefined when it did not render them all. */
function recordedChapters(file: string, now: typeof inputs.chapters): Record<string, RecordedChapter> | undefined {
  let entries: RenderedIndexEntry[];
  try {
    entries = JSON.parse(readFileSync(file, 'utf8')) as RenderedIndexEntry[];
  } catch {
    return undefined;
  }
  const result: Record<string, RecordedChapter> = {};
  for (const { id, file: path, metadata } of entries) {
    const state = now[path];
    if (!state) continue;
    result[path] = {
      id,
      file: state.file,
      head: state.head,
      html: metadata.htmlFile,
      headings: headingsDigest(metadata.headings),
      readingMinutes: metadata.readingMinutes,
    };
  }
  return Object.keys(now).every((path) => result[path]) ? result : undefined;
}
