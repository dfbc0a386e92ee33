// Measuring tools shared by the benchmark (scripts/bench.ts) and the budget check (scripts/budgets.ts):
// an isolated build with its time and peak memory, the HTML bytes of chapter pages, and the JavaScript
// and CSS a page loads before any interaction.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { normaliseBase } from '../src/common/urls.ts';

/** The repository this script belongs to. */
export const REPO = resolve(import.meta.dirname, '..');

/** One command's cost. */
export interface RunCost {
  /** Wall-clock seconds. */
  seconds: number;
  /** Largest resident set size of the command or any process it started, in MB. */
  peakMb: number;
}

/** A build's cost: `npm run build` (Astro, Pagefind, the offline worker) as a whole and phase by phase. */
export interface BuildCost {
  /** The whole build, seconds. */
  seconds: number;
  /** The largest single process of the build (Astro's or Pagefind's), MB. */
  peakMb: number;
  /**
   * Seconds of each phase as the build logged them; undefined when it was skipped (nothing changed).
   * Either `astro` or, when only chapters' bodies changed (scripts/lib/quick-rebuild.ts), `quick`.
   */
  phases: { astro?: number; quick?: number; pagefind: number; offline: number } | undefined;
  /**
   * Chapters rendered and kept, as the chapter loader logged them, or as the quick path did (`quick`);
   * undefined when neither did.
   */
  chapters: { rendered: number; kept: number; quick: boolean } | undefined;
}

const GNU_TIME = '/usr/bin/time';

function hasGnuTime(): boolean {
  return existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-v', 'true'], { encoding: 'utf8' }).stderr.includes('Maximum resident set size');
}

/** Resident memory (kB) of a process and all its descendants, read from /proc; 0 where /proc is missing. */
function treeRssKb(root: number): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return 0;
  }
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      rss.set(Number(pid), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      /* the process ended meanwhile */
    }
  }
  let total = 0;
  for (const [pid, kb] of rss) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p)) {
      if (p === root) {
        total += kb;
        break;
      }
    }
  }
  return total;
}

/**
 * Runs a command and measures it: with GNU time when installed (largest single process), else by
 * polling /proc every 50 ms (the whole process tree). Rejects with the command's output when it fails.
 */
export async function measure(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<RunCost & { output: string }> {
  const gnu = hasGnuTime();
  const stats = join(options.cwd, `time-${process.pid}-${Date.now()}.txt`);
  const started = performance.now();
  const child = gnu
    ? spawn(GNU_TIME, ['-v', '-o', stats, command, ...args], { cwd: options.cwd, env: options.env })
    : spawn(command, args, { cwd: options.cwd, env: options.env });
  let head = '';
  let output = '';
  // The start (content sync) and the end (errors) are kept: a large build prints a line per page.
  const keep = (d: Buffer) => {
    if (head.length < 20_000) head += d.toString();
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let polledKb = 0;
  const poll = gnu ? undefined : setInterval(() => (polledKb = Math.max(polledKb, treeRssKb(child.pid ?? -1))), 50);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (poll) clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) {
    rmSync(stats, { force: true });
    throw new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output.slice(-4000)}`);
  }
  let kb = polledKb;
  if (gnu) {
    kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(stats, 'utf8'))?.[1] ?? 0);
    rmSync(stats, { force: true });
  }
  return { seconds, peakMb: kb / 1024, output: `${head}\n…\n${output}` };
}

/** What to build. */
export interface BuildOptions {
  /** The content folder (CONTENT_DIR). */
  contentDir: string;
  /** Where the site goes (OUT_DIR); must be inside `workDir`. */
  outDir: string;
  /** A scratch folder for this build: the working folder, Astro's cache (kept there, so building again in it is a rebuild). */
  workDir: string;
  /** BASE_PATH. @default "/" */
  base?: string;
}

/**
 * Builds a content folder with `npm run build`'s script (scripts/build.ts: astro build, Pagefind, the
 * offline worker, or nothing when nothing changed), isolated from
 * other builds: Astro writes its prerender chunks next to OUT_DIR only when OUT_DIR is inside the
 * working folder (otherwise into ./.astro of the repository, shared by every build), so the build runs
 * in `workDir`, which links to the repository's node_modules and src.
 */
export async function buildSite(options: BuildOptions): Promise<BuildCost> {
  const workDir = resolve(options.workDir);
  const outDir = resolve(options.outDir);
  if (!outDir.startsWith(`${workDir}/`)) throw new Error(`buildSite: outDir (${outDir}) must be inside workDir (${workDir})`);
  mkdirSync(workDir, { recursive: true });
  for (const link of ['node_modules', 'src']) {
    if (!existsSync(join(workDir, link))) symlinkSync(join(REPO, link), join(workDir, link));
  }
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    CONTENT_DIR: resolve(options.contentDir),
    OUT_DIR: outDir,
    ASTRO_CACHE_DIR: join(workDir, 'astro-cache'),
    BASE_PATH: options.base ?? '/',
  };
  const run = await measure(process.execPath, [join(REPO, 'scripts/build.ts')], { cwd: workDir, env });
  return { seconds: run.seconds, peakMb: run.peakMb, ...buildLog(run.output) };
}

/** The phases and chapter counts a build logged (scripts/build.ts and the chapter loader). */
export function buildLog(output: string): Pick<BuildCost, 'phases' | 'chapters'> {
  const loader = /(\d+) chapters? rendered, (\d+) kept from the cache/.exec(output);
  const quick = /build: only the (?:body of (1) chapter|bodies of (\d+) chapters) changed: .* the other (\d+) chapters?/.exec(output);
  const phases = /build: done in [\d.]+ s \((astro|quick) ([\d.]+) s, pagefind ([\d.]+) s, offline ([\d.]+) s\)/.exec(output);
  return {
    phases: phases ? { [phases[1]!]: Number(phases[2]), pagefind: Number(phases[3]), offline: Number(phases[4]) } : undefined,
    chapters: quick
      ? { rendered: Number(quick[1] ?? quick[2]), kept: Number(quick[3]), quick: true }
      : loader
        ? { rendered: Number(loader[1]), kept: Number(loader[2]), quick: false }
        : undefined,
  };
}

/** A digest of every file of a built site, to compare two builds. */
export function siteDigest(outDir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of files) hash.update(`${file.slice(outDir.length)}\0`).update(readFileSync(file));
  return hash.digest('hex');
}

/** The median of some numbers (0 for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Bytes of each chapter page (`chapters/<id>/index.html`) of a built site, in the order of `ids`. */
export function chapterPageBytes(outDir: string, ids: readonly string[]): number[] {
  return ids.map((id) => statSync(join(outDir, 'chapters', id, 'index.html')).size);
}

/** One file a page loads, with its size as stored and gzipped. */
export interface LoadedFile {
  /** The URL path, e.g. `/_astro/Search.abc123.js`. */
  path: string;
  bytes: number;
  gzip: number;
}

/** What a page loads before any interaction. */
export interface PageWeight {
  /** The page, relative to the site root, e.g. `calculator/`. */
  page: string;
  js: LoadedFile[];
  css: LoadedFile[];
  /** Sums of the gzipped sizes. */
  jsGzip: number;
  cssGzip: number;
  /**
   * The JavaScript a first interaction adds to one feature: the modules its scripts (`firstUseOf`)
   * import dynamically, the code they load when the reader first acts, with every module those import
   * statically. Empty unless asked for.
   */
  firstUse: LoadedFile[];
  /** `jsGzip` plus the first use's files, gzipped: all the code running once the reader has acted. */
  firstUseGzip: number;
}

const attribute = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

/** URLs of scripts, module preloads and stylesheets in a page's HTML, in document order. */
export function pageAssets(html: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const href = attribute(tag, 'href');
    const src = attribute(tag, 'src');
    const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    if (/^<script/i.test(tag) && src) scripts.push(src);
    else if (rel.includes('modulepreload') && href) scripts.push(href);
    else if (rel.includes('stylesheet') && href) styles.push(href);
  }
  return { scripts, styles };
}

/** Specifiers a JavaScript module imports statically (`import … from "x"`, `import "x"`, `export … from "x"`), not `import()`. */
export function staticImports(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/(?:^|[;}\s)])(?:import|export)\s*(?:[\w$*{},\s]+?\s*from\s*)?(["'])([^"'\n]+)\1/g)) found.push(m[2]!);
  return found;
}

/** The specifiers of a built module's dynamic `import("…")` calls (the code it loads later). */
export function dynamicImports(code: string): string[] {
  return [...code.matchAll(/\bimport\(\s*(["'`])([^"'`\n]+)\1\s*\)/g)].map((m) => m[2]!);
}

/**
 * The JavaScript and CSS a built page loads before any interaction: its scripts, module preloads and
 * stylesheets, plus every module those scripts import statically (dynamic `import()` is left out: it
 * waits for an interaction; `firstUse` counts what the scripts matching `firstUseOf` import that way).
 * Sizes are per file, gzipped at the default level as a server would.
 */
export function pageWeight(outDir: string, page: string, base = '/', firstUseOf = /(?!)/): PageWeight {
  const root = normaliseBase(base);
  const pageUrl = `${root}${page.replace(/^\/+/, '')}`;
  const htmlFile = join(outDir, page, page === '' || page.endsWith('/') ? 'index.html' : '');
  const { scripts, styles } = pageAssets(readFileSync(htmlFile, 'utf8'));
  const fileOf = (urlPath: string): string => {
    if (!urlPath.startsWith(root)) throw new Error(`${page}: ${urlPath} is outside the site's base path ${root}`);
    return join(outDir, decodeURIComponent(urlPath.slice(root.length)));
  };
  const measureFile = (urlPath: string): LoadedFile => {
    const bytes = readFileSync(fileOf(urlPath));
    return { path: urlPath, bytes: bytes.length, gzip: gzipSync(bytes).length };
  };
  const seen = new Set<string>();
  const resolve = (from: string, spec: string): string | undefined => {
    if (spec.startsWith('/')) return spec;
    if (spec.startsWith('./') || spec.startsWith('../')) return posix.join(posix.dirname(from), spec);
    if (/^https?:/.test(spec)) throw new Error(`${from} imports ${spec} from outside the site`);
    return undefined;
  };
  /** Measures the files in `queue` not seen yet and every module they import statically. */
  const closure = (queue: string[]): LoadedFile[] => {
    const files: LoadedFile[] = [];
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      seen.add(next);
      files.push(measureFile(next));
      for (const spec of staticImports(readFileSync(fileOf(next), 'utf8'))) {
        const path = resolve(next, spec);
        if (path) queue.push(path);
      }
    }
    return files;
  };
  const entries = scripts.map((s) => new URL(s, `http://site${pageUrl}`).pathname);
  const js = closure([...entries]);
  const firstUse = closure(
    entries
      .filter((entry) => firstUseOf.test(entry))
      .flatMap((entry) =>
        dynamicImports(readFileSync(fileOf(entry), 'utf8'))
          .map((spec) => resolve(entry, spec))
          .filter((path): path is string => path !== undefined),
      ),
  );
  const css = [...new Set(styles.map((s) => new URL(s, `http://site${pageUrl}`).pathname))].map(measureFile);
  const sum = (files: LoadedFile[]) => files.reduce((total, f) => total + f.gzip, 0);
  return { page, js, css, jsGzip: sum(js), cssGzip: sum(css), firstUse, firstUseGzip: sum(js) + sum(firstUse) };
}

/** The calculator page's own script, as the build names it: what it loads on first use is the calculator's code. */
export const CALCULATOR_SCRIPT = /\/Calculator\.astro_astro_type_script_/;

/** An assessment page's own script, as the build names it: what it loads on first use is the assessment's code. */
export const ASSESSMENT_SCRIPT = /\/Assessment\.astro_astro_type_script_/;

/** The interactive pages of a built site the budgets cover: the calculator and the first assessment, when built. */
export function interactivePages(outDir: string): { calculator?: string; assessment?: string } {
  const found: { calculator?: string; assessment?: string } = {};
  if (existsSync(join(outDir, 'calculator', 'index.html'))) found.calculator = 'calculator/';
  const dir = join(outDir, 'assessments');
  const first = existsSync(dir)
    ? readdirSync(dir)
        .sort()
        .find((name) => existsSync(join(dir, name, 'index.html')))
    : undefined;
  if (first) found.assessment = `assessments/${first}/`;
  return found;
}

/** Bytes as a person reads them: `812 B`, `9.4 KB`, `1.2 MB` (1 KB = 1,024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
