// npm run bench [-- --sizes 10,1000,5000,10000] [--peer-sizes 10,1000,5000] [--no-peer] [--no-lighthouse] [--lighthouse-runs 5] [--out BENCHMARKS.md] [--keep]
// Generates synthetic playbooks of each size (scripts/synthetic-playbook.ts), builds each in a temp
// folder, cold and then again on the kept cache (nothing changed; one chapter edited, three times),
// then cold once more with the edits (to compare the files and time a second cold build), and,
// unless --no-peer, builds the same chapters with Starlight (scripts/bench-peer.ts) in alternation
// with ours, reporting the ratios, at the sizes --peer-sizes lists (by default not 10,000: Starlight's
// build time grows faster than the playbook, 7 minutes a build at 5,000 chapters). Also measures: peak memory, HTML bytes per chapter page, the
// JavaScript and CSS a reading page, the calculator and an assessment load before any interaction
// (gzipped), and the bytes the first search downloads. Then runs Lighthouse on the default playbook's
// home page, a chapter, the calculator and an assessment, several times each (--lighthouse-runs):
// one run's performance score moves by several points from run to run on a 2-core machine, so the
// report gives the median score with the lowest and highest. Writes everything to BENCHMARKS.md with the
// date and the machine. Times are reported, not asserted; scripts/budgets.ts enforces the sizes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, cpus, loadavg, release, tmpdir, totalmem, type as osType } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { plural } from '../src/common/plural.ts';
import { buildPeer, PEER, preparePeer, writePeerContent } from './bench-peer.ts';
import {
  REPO,
  buildSite,
  chapterPageBytes,
  formatBytes,
  interactivePages,
  median,
  pageWeight,
  siteDigest,
  type BuildCost,
  type PageWeight,
  type RunCost,
} from './bench-tools.ts';
import { writeSyntheticPlaybook, type SyntheticPlaybook } from './synthetic-playbook.ts';

/** The flags every headless Chromium here runs with (no sandbox in containers, nothing phoning home). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Lighthouse's Chromium also draws each frame as soon as the compositor has it. Without this, headless
 * Chromium on the 2-core machine here put a page's first frame on screen 1–2 s after the page had
 * loaded, in steps of about a second (a bare HTML page painted at once; the home page, loaded at
 * 0.3 s, first painted at 1.2 or 2.3 s), and that wait alone decided Speed Index. With it the first
 * frame follows the load (0.3–0.4 s), as on a phone's display.
 */
export const LIGHTHOUSE_FLAGS = [...CHROMIUM_FLAGS, '--run-all-compositor-stages-before-draw'];

/** The same discovery as playwright.config.ts: CHROMIUM_PATH, Playwright's own Chromium, or the system's. */
export function chromiumPath(): string | undefined {
  if (process.env['CHROMIUM_PATH']) return process.env['CHROMIUM_PATH'];
  try {
    if (existsSync(chromium.executablePath())) return chromium.executablePath();
  } catch {
    /* no bundled browser */
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
}

/** A loopback port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/** Serves a built folder with scripts/serve.ts until `stop()` is called. */
export async function serve(dir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(REPO, 'scripts/serve.ts'), '--dir', dir, '--port', String(port)], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () =>
      new Promise((done) => {
        child.on('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** What the first search on a reading page downloads. */
interface SearchCost {
  word: string;
  requests: number;
  /** Bytes of the response bodies under pagefind/, as sent (Pagefind's index files are gzipped already). */
  bytes: number;
  /** The same bytes by kind: Pagefind's code (JS, worker, WebAssembly), its index (meta, index chunks), result fragments. */
  code: number;
  index: number;
  fragments: number;
}

const searchKind = (path: string): 'code' | 'index' | 'fragments' =>
  path.endsWith('.pf_fragment') ? 'fragments' : /\.(pf_meta|pf_index|json)$/.test(path) ? 'index' : 'code';

/** Opens a chapter page, types `word` in the header search box and adds up what Pagefind downloads. */
async function firstSearch(url: string, chapterPath: string, word: string): Promise<SearchCost> {
  const executablePath = chromiumPath();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_FLAGS.slice(1) });
  try {
    const page = await browser.newPage();
    const sizes: Promise<{ kind: 'code' | 'index' | 'fragments'; bytes: number }>[] = [];
    page.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.includes('/pagefind/')) sizes.push(request.sizes().then((s) => ({ kind: searchKind(path), bytes: s.responseBodySize })));
    });
    await page.goto(`${url}${chapterPath}`, { waitUntil: 'networkidle' });
    if (sizes.length > 0) throw new Error(`${chapterPath} downloaded search files before the search was used`);
    await page.getByRole('searchbox', { name: 'Search the playbook' }).first().fill(word);
    await page.locator('[data-search-results] li').first().waitFor();
    await page.waitForLoadState('networkidle');
    const all = await Promise.all(sizes);
    const sum = (kind?: string) => all.filter((f) => !kind || f.kind === kind).reduce((total, f) => total + f.bytes, 0);
    return { word, requests: all.length, bytes: sum(), code: sum('code'), index: sum('index'), fragments: sum('fragments') };
  } finally {
    await browser.close();
  }
}

/** Lighthouse's four category scores (0-100) for one page, and the audits that did not pass. */
interface LighthouseResult {
  page: string;
  /** The median score of each category over the runs. */
  scores: Record<string, number>;
  /** Every run's performance score, lowest first. */
  performanceRuns: number[];
  /** Median first contentful paint and total blocking time over the runs (ms, simulated mobile). */
  fcp: number;
  tbt: number;
  /** Audits that count towards a category score and did not pass. */
  failing: string[];
  /** Performance insights that did not pass; Lighthouse gives them no weight in the score. */
  advice: string[];
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** One Lighthouse run of one page. */
interface LighthouseRun {
  scores: Record<string, number>;
  fcp: number;
  tbt: number;
  failing: string[];
  advice: string[];
}

/**
 * Runs Lighthouse `runs` times on one URL: each category's median score, the spread of the
 * performance score, and the audits that did not pass in the middle run by performance score.
 */
function lighthouse(url: string, page: string, workDir: string, runs: number): LighthouseResult {
  const all = Array.from({ length: runs }, (_, i) => lighthouseOnce(url, page, workDir, i));
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(all.map((r) => r.scores[c] ?? 0))]));
  const byPerformance = [...all].sort((a, b) => (a.scores['performance'] ?? 0) - (b.scores['performance'] ?? 0));
  const middle = byPerformance[Math.floor((byPerformance.length - 1) / 2)] ?? all[0]!;
  return {
    page,
    scores,
    performanceRuns: byPerformance.map((r) => r.scores['performance'] ?? 0),
    fcp: median(all.map((r) => r.fcp)),
    tbt: median(all.map((r) => r.tbt)),
    failing: middle.failing,
    advice: middle.advice,
  };
}

/** Runs the Lighthouse CLI (offline, system Chromium) once on one URL. */
function lighthouseOnce(url: string, page: string, workDir: string, index: number): LighthouseRun {
  const output = join(workDir, `lighthouse-${page.replace(/\W+/g, '-') || 'home'}-${index + 1}.json`);
  const run = spawnSync(
    process.execPath,
    [
      join(REPO, 'node_modules/lighthouse/cli/index.js'),
      `${url}${page}`,
      '--output=json',
      `--output-path=${output}`,
      '--quiet',
      `--only-categories=${CATEGORIES.join(',')}`,
      `--chrome-flags=${LIGHTHOUSE_FLAGS.join(' ')}`,
    ],
    { encoding: 'utf8', env: { ...process.env, CHROME_PATH: chromiumPath() ?? '' }, timeout: 180_000 },
  );
  if (run.status !== 0 || !existsSync(output)) throw new Error(`lighthouse ${url}${page} failed:\n${run.stderr.slice(-2000)}`);
  const report = JSON.parse(readFileSync(output, 'utf8')) as {
    categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
    audits: Record<string, { title: string; score: number | null; scoreDisplayMode: string; displayValue?: string; numericValue?: number }>;
  };
  const scores: Record<string, number> = {};
  const failing: string[] = [];
  const advice: string[] = [];
  for (const name of CATEGORIES) {
    const category = report.categories[name];
    scores[name] = Math.round((category?.score ?? 0) * 100);
    for (const ref of category?.auditRefs ?? []) {
      const audit = report.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 0.9 || !['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode)) continue;
      const text = `${ref.id} (${audit.title}${audit.displayValue ? `: ${audit.displayValue}` : ''}; score ${audit.score})`;
      if (ref.weight > 0) failing.push(`${name}: ${text}`);
      else advice.push(text);
    }
  }
  const metric = (id: string) => Math.round(report.audits[id]?.numericValue ?? Number.NaN);
  return { scores, fcp: metric('first-contentful-paint'), tbt: metric('total-blocking-time'), failing, advice };
}

/** Everything measured for one playbook. */
interface SizeResult {
  label: string;
  chapters: number;
  sections: number;
  build: BuildCost;
  htmlMedian: number;
  htmlMax: number;
  /** Bytes of the other page types: home, the sections index, the first section, the search page. */
  otherPages: Record<string, number>;
  siteBytes: number;
  pagefindBytes: number;
  reading: PageWeight;
  calculator: PageWeight | undefined;
  assessment: PageWeight | undefined;
  search: SearchCost | undefined;
  /** The second cold build: of the edited chapters, in a fresh folder (it checks the edited rebuilds). */
  coldAgain: BuildCost;
  /**
   * Our rebuilds on the kept cache, and whether the unchanged rebuild wrote the same files as the cold
   * build. `edited` is the median of `editedRuns`, each after one more chapter was edited.
   */
  rebuild: { unchanged: BuildCost; edited: BuildCost; editedRuns: BuildCost[]; identical: boolean; editedIdentical: boolean };
  /** Starlight on the same chapters (cold, unchanged, one chapter edited), when measured. */
  peer: { cold: RunCost; unchanged: RunCost; edited: RunCost } | undefined;
  /** The 1-minute load average before each of the runs, in the order they ran. */
  load: number[];
}

/** A sentence appended to one chapter, in our content folder and the peer's, to measure an edit's rebuild. */
const EDIT = `\n\nEdited for the benchmark at ${new Date().toISOString()}: one more paragraph about the next call.\n`;

function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((total, e) => total + statSync(join(e.parentPath, e.name)).size, 0);
}

/** Page types besides chapters whose size is reported, by name and folder. */
const OTHER_PAGES: [string, (firstSection: string) => string][] = [
  ['home', () => ''],
  ['sections index', () => 'sections'],
  ['a section', (first) => `sections/${first}`],
  ['search', () => 'search'],
];

async function measurePlaybook(label: string, playbook: SyntheticPlaybook, workDir: string, peer: boolean): Promise<SizeResult> {
  const { dir: contentDir, chapters: chapterIds, sections: sectionIds } = playbook;
  const sections = sectionIds.length;
  const outDir = join(workDir, 'site');
  const peerWork = join(workDir, 'peer');
  const load: number[] = [];
  const step = (what: string): void => {
    load.push(loadavg()[0] ?? 0);
    console.log(`\n[${label}] ${what} (load ${(loadavg()[0] ?? 0).toFixed(1)})…`);
  };
  const peerFiles = peer ? writePeerContent(playbook) : [];
  step(`building ${chapterIds.length} chapters, cold`);
  const build = await buildSite({ contentDir, outDir, workDir });
  const coldDigest = siteDigest(outDir);
  const bytes = chapterPageBytes(outDir, chapterIds);
  const { calculator, assessment } = interactivePages(outDir);
  const server = await serve(outDir);
  let search: SearchCost | undefined;
  try {
    search = await firstSearch(server.url, `chapters/${chapterIds[0]}/`, 'pipeline');
  } catch (error) {
    console.warn(`[${label}] first search not measured: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    await server.stop();
  }
  const reading = pageWeight(outDir, `chapters/${chapterIds[0]}/`);
  // Ours and the peer's runs alternate, so that a change in the machine's load hits both alike.
  let peerCold: RunCost | undefined;
  if (peer) {
    step('Starlight, cold');
    rmSync(peerWork, { recursive: true, force: true });
    peerCold = await buildPeer(peerWork);
  }
  step('rebuilding with nothing changed');
  const unchanged = await buildSite({ contentDir, outDir, workDir });
  const identical = siteDigest(outDir) === coldDigest;
  let peerUnchanged: RunCost | undefined;
  if (peer) {
    step('Starlight, rebuilding with nothing changed');
    peerUnchanged = await buildPeer(peerWork);
  }
  // One rebuild takes a few seconds, so one slow moment of the machine weighs heavily: ours is edited
  // and rebuilt three times (a different chapter each time) and the median counts. Starlight's rebuild
  // is a whole build, so one run is measured (after our first).
  const middle = Math.floor(chapterIds.length / 2);
  const editedRuns: BuildCost[] = [];
  let peerEdited: RunCost | undefined;
  for (const [n, chapter] of [middle, middle + 1, middle - 1].map((index) => chapterIds[Math.min(Math.max(index, 0), chapterIds.length - 1)]).entries()) {
    appendFileSync(join(contentDir, 'playbook', `${chapter}.mdx`), EDIT);
    step(`rebuilding after editing one chapter (${n + 1} of 3)`);
    editedRuns.push(await buildSite({ contentDir, outDir, workDir }));
    if (peer && n === 0) {
      appendFileSync(peerFiles[middle]!, EDIT);
      step('Starlight, rebuilding after editing one chapter');
      peerEdited = await buildPeer(peerWork);
    }
  }
  const edited = [...editedRuns].sort((a, b) => a.seconds - b.seconds)[1]!;
  // The edited rebuild must write what a cold build of the edited content writes.
  step('building the edited chapters cold, to compare');
  const verifyDir = join(workDir, 'cold-of-edit');
  rmSync(verifyDir, { recursive: true, force: true });
  const coldAgain = await buildSite({ contentDir, outDir: join(verifyDir, 'site'), workDir: verifyDir });
  const editedIdentical = siteDigest(join(verifyDir, 'site')) === siteDigest(outDir);
  rmSync(verifyDir, { recursive: true, force: true });
  load.push(loadavg()[0] ?? 0);
  const result: SizeResult = {
    label,
    chapters: chapterIds.length,
    sections,
    build,
    htmlMedian: median(bytes),
    htmlMax: Math.max(...bytes),
    otherPages: Object.fromEntries(OTHER_PAGES.map(([name, path]) => [name, statSync(join(outDir, path(sectionIds[0] ?? ''), 'index.html')).size])),
    siteBytes: folderBytes(outDir),
    pagefindBytes: folderBytes(join(outDir, 'pagefind')),
    reading,
    calculator: calculator ? pageWeight(outDir, calculator) : undefined,
    assessment: assessment ? pageWeight(outDir, assessment) : undefined,
    search,
    coldAgain,
    rebuild: { unchanged, edited, editedRuns, identical, editedIdentical },
    peer: peerCold && peerUnchanged && peerEdited ? { cold: peerCold, unchanged: peerUnchanged, edited: peerEdited } : undefined,
    load,
  };
  console.log(
    `[${label}] ${result.build.seconds.toFixed(1)} s, peak ${result.build.peakMb.toFixed(0)} MB, ` +
      `chapter page ${formatBytes(result.htmlMedian)} (median), reading JS ${formatBytes(result.reading.jsGzip)} gz; ` +
      `second cold ${coldAgain.seconds.toFixed(1)} s; rebuilds ${unchanged.seconds.toFixed(1)} s / ${editedRuns.map((run) => run.seconds.toFixed(1)).join(', ')} s` +
      (result.peer
        ? `; Starlight ${result.peer.cold.seconds.toFixed(1)} s / ${result.peer.unchanged.seconds.toFixed(1)} s / ${result.peer.edited.seconds.toFixed(1)} s`
        : ''),
  );
  return result;
}

const kb = (bytes: number | undefined): string => (bytes === undefined ? 'not built' : formatBytes(bytes));

function machine(): string {
  const cpu = cpus();
  const astro = JSON.parse(readFileSync(join(REPO, 'node_modules/astro/package.json'), 'utf8')) as { version: string };
  const pagefind = JSON.parse(readFileSync(join(REPO, 'node_modules/pagefind/package.json'), 'utf8')) as { version: string };
  return (
    `${cpu[0]?.model.trim() ?? 'unknown CPU'} × ${cpu.length}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, ` +
    `${osType()} ${release()} ${arch()}; Node ${process.version}, Astro ${astro.version}, Pagefind ${pagefind.version}`
  );
}

/** Runs the calculator model benchmark (`npm run bench:model`) and returns what it printed. */
function modelBenchmark(): string {
  const run = spawnSync(process.execPath, [join(REPO, 'scripts/bench-model.ts')], { cwd: REPO, encoding: 'utf8' });
  return `${run.stdout}${run.stderr}`.trim() || `bench:model exited with ${String(run.status)}`;
}

function report(
  results: SizeResult[],
  lighthouseRuns: { site: string; runs: number; results: LighthouseResult[] } | undefined,
  loadAtStart: number,
  model: string,
): string {
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const lines = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` on ${date} UTC, on ${machine()}.`,
    `Load average (1 minute) at the start: ${loadAtStart.toFixed(1)}, at the end: ${(loadavg()[0] ?? 0).toFixed(1)}; times grow when other work shares the CPUs.`,
    '',
    'Synthetic playbooks come from `scripts/synthetic-playbook.ts` (chapters of about 800 words with a',
    'callout, a checklist, key takeaways and glossary terms, in sections of 50). Each is built cold (fresh',
    'cache) in a temp folder by `npm run build`’s script: Astro, the Pagefind index and the offline worker. Times vary with the machine and are reported, not asserted; the sizes are',
    'checked by `npm run test:budgets` (see the end of this file).',
    '',
    '## Build',
    '',
    '| playbook | chapters | sections | build + index | astro build | pagefind | offline worker | peak memory (largest process) | HTML per chapter page (median / largest) | whole site | search index |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.label} | ${r.chapters} | ${r.sections} | ${r.build.seconds.toFixed(1)} s | ${phase(r.build, 'astro')} | ` +
        `${phase(r.build, 'pagefind')} | ${phase(r.build, 'offline')} | ${r.build.peakMb.toFixed(0)} MB | ${formatBytes(r.htmlMedian)} / ${formatBytes(r.htmlMax)} | ` +
        `${formatBytes(r.siteBytes)} | ${formatBytes(r.pagefindBytes)} |`,
    ),
    '',
    ...rebuildSection(results),
    ...peerSection(results),
    'Other pages (HTML bytes):',
    '',
    `| playbook | ${OTHER_PAGES.map(([name]) => name).join(' | ')} |`,
    `| --- | ${OTHER_PAGES.map(() => '---:').join(' | ')} |`,
    ...results.map((r) => `| ${r.label} | ${OTHER_PAGES.map(([name]) => formatBytes(r.otherPages[name] ?? 0)).join(' | ')} |`),
    '',
    '## What a page loads before any interaction (gzipped)',
    '',
    'Scripts, module preloads and stylesheets named in the HTML, plus the modules those scripts import',
    'statically; each file gzipped on its own. The search code and Pagefind load when the search box is first',
    'used, the progress code when the reader first marks a chapter, the knowledge check’s when it is reached.',
    '',
    '| playbook | reading page JS | reading page CSS | calculator JS | calculator CSS | assessment JS | assessment CSS |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.label} | ${kb(r.reading.jsGzip)} | ${kb(r.reading.cssGzip)} | ${kb(r.calculator?.jsGzip)} | ${kb(r.calculator?.cssGzip)} | ` +
        `${kb(r.assessment?.jsGzip)} | ${kb(r.assessment?.cssGzip)} |`,
    ),
    '',
    '## The first search',
    '',
    'A chapter page is opened, a word is typed into the header search box, and the responses under',
    '`pagefind/` are added up as they crossed the wire (scripts/serve.ts gzips text such as Pagefind’s',
    'JavaScript; its index and fragment files are gzipped already).',
    '',
    '| playbook | word | requests | bytes downloaded | Pagefind code (JS, worker, WebAssembly) | index | result fragments |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) =>
      r.search
        ? `| ${r.label} | ${r.search.word} | ${r.search.requests} | ${formatBytes(r.search.bytes)} | ${formatBytes(r.search.code)} | ${formatBytes(r.search.index)} | ${formatBytes(r.search.fragments)} |`
        : `| ${r.label} | – | – | not measured | – | – | – |`,
    ),
    '',
  ];
  if (!lighthouseRuns) lines.push('Lighthouse was not run this time (`--no-lighthouse`).', '');
  if (lighthouseRuns) {
    lines.push(
      '## Lighthouse',
      '',
      `Lighthouse ${lighthouseVersion()} (mobile defaults, simulated throttling) with the system Chromium, offline, on ${lighthouseRuns.site}, served by scripts/serve.ts with the strict policy. ` +
        'Chromium runs with `--run-all-compositor-stages-before-draw`: without it, headless Chromium on this machine put the first frame on screen 1–2 s after the page had loaded, in steps of about a second, which alone decided Speed Index (see `LIGHTHOUSE_FLAGS` in scripts/bench.ts).',
      '',
      `Each page was measured ${plural(lighthouseRuns.runs, 'time')}: each score is the median of the runs; the performance score's lowest and highest follow it, then every run's score, then the median first contentful paint (FCP) and total blocking time (TBT). The audits listed below are those of the middle run by performance score (the lower of the two middle runs when their number is even).`,
      '',
      '| page | performance | (lowest–highest) | runs | accessibility | best practices | SEO | FCP | TBT |',
      '| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
      ...lighthouseRuns.results.map((r) => {
        const low = r.performanceRuns[0] ?? 0;
        const high = r.performanceRuns.at(-1) ?? 0;
        const [performance, ...others] = CATEGORIES.map((c) => r.scores[c] ?? '–');
        return `| ${r.page || '(home)'} | ${performance} | ${low}–${high} | ${r.performanceRuns.join(', ')} | ${others.join(' | ')} | ${ms(r.fcp)} | ${ms(r.tbt)} |`;
      }),
      '',
    );
    const failing = lighthouseRuns.results.flatMap((r) => r.failing.map((f) => `- ${r.page || '(home)'}: ${f}`));
    lines.push(...(failing.length ? ['Audits that lower a score:', '', ...failing, ''] : ['Every audit that counts towards a score passed.', '']));
    const advice = lighthouseRuns.results.flatMap((r) => r.advice.map((f) => `- ${r.page || '(home)'}: ${f}`));
    if (advice.length) {
      lines.push('Performance insights that did not pass (advice: Lighthouse gives them no weight in the score):', '', ...advice, '');
    }
  }
  lines.push(
    '## Calculator model',
    '',
    'A full evaluation of all four options over 60 months with the sensitivity analysis, as the calculator',
    'page runs on every keystroke (budget: median under 5 ms), and the uncertainty run the page makes once',
    'typing pauses (budget: median under 100 ms); `npm run bench:model`:',
    '',
    '```',
    model,
    '```',
    '',
    '## Budgets',
    '',
    '`npm run test:budgets` (scripts/budgets.ts) builds the 10- and 1,000-chapter playbooks and fails when',
    'a chapter page at 1,000 chapters is more than 10 % larger than the same chapter at 10, when a reading',
    'page loads more than 3 KB of JavaScript (gzipped) before any interaction, the home page more than 4 KB,',
    'or the calculator or an assessment page more than 35 KB.',
    '',
  );
  return lines.join('\n');
}

const seconds = (cost: { seconds: number } | undefined): string => (cost ? `${cost.seconds.toFixed(1)} s` : '–');
const ratio = (ours: number, theirs: number | undefined): string => (theirs ? `${(ours / theirs).toFixed(2)}×` : '–');
const share = (part: number, whole: number): string => `${Math.round((part / whole) * 100)} %`;
/** Our cold time: the mean of the run's two cold builds (the first, and the one that checks the edits). */
const coldSeconds = (r: SizeResult): number => (r.build.seconds + r.coldAgain.seconds) / 2;
const coldText = (r: SizeResult): string => `${coldSeconds(r).toFixed(1)} s (${r.build.seconds.toFixed(1)}, ${r.coldAgain.seconds.toFixed(1)})`;
const rendered = (build: BuildCost): string =>
  build.phases === undefined
    ? 'none: nothing changed, build skipped'
    : build.chapters
      ? build.chapters.quick
        ? `${build.chapters.rendered} rendered, ${build.chapters.kept} as built; Astro not run`
        : `${build.chapters.rendered} rendered, ${build.chapters.kept} from the cache`
      : 'not logged';
const phase = (build: BuildCost, name: 'astro' | 'pagefind' | 'offline'): string => {
  const value = build.phases?.[name];
  return value === undefined ? '–' : `${value.toFixed(1)} s`;
};

/** Our rebuilds on the kept content-layer cache against the cold build. */
function rebuildSection(results: SizeResult[]): string[] {
  return [
    '## Rebuilds',
    '',
    'Each playbook is built again in the same folder with `npm run build`’s script (scripts/build.ts),',
    'keeping Astro’s cache (`ASTRO_CACHE_DIR`), once with nothing changed and once after a paragraph was',
    'added to one chapter. With nothing changed the script finds that every input (code, content, packages,',
    'settings) and the built folder are as the last build left them, and keeps the folder. After an edit to',
    'a chapter’s text alone it renders that chapter with the chapter loader’s own function and writes the',
    'pages that show it without running Astro (scripts/lib/quick-rebuild.ts); any other edit builds every',
    'page, Astro keeping unchanged chapters from its cache (and unchanged pages, up to 500 chapters). Either',
    'way Pagefind then writes its index over the last one, which spares compressing again the files whose',
    'content did not change (scripts/lib/reindex.ts), and the offline worker is written as usual. The last',
    'column compares every file of the edited rebuild with a cold build of the edited content in a fresh folder.',
    'That second cold build is timed too: the cold time is the mean of the two (each given in brackets), and',
    'the edit is made three times (one more chapter each time): its time is the median of the three.',
    '',
    '| playbook | cold build + index | nothing changed | share of cold | chapters | same files as cold | one chapter edited | share of cold | chapters | same files as a cold build of the edit |',
    '| --- | ---: | ---: | ---: | --- | --- | ---: | ---: | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.label} | ${coldText(r)} | ${seconds(r.rebuild.unchanged)} | ${share(r.rebuild.unchanged.seconds, coldSeconds(r))} | ${rendered(r.rebuild.unchanged)} | ` +
        `${r.rebuild.identical ? 'yes' : '**no**'} | ${seconds(r.rebuild.edited)} (${r.rebuild.editedRuns.map((run) => run.seconds.toFixed(1)).join(', ')}) | ` +
        `${share(r.rebuild.edited.seconds, coldSeconds(r))} | ${rendered(r.rebuild.edited)} | ` +
        `${r.rebuild.editedIdentical ? 'yes' : '**no**'} |`,
    ),
    '',
  ];
}

/** Ours against Starlight on the same chapters, run by run. */
function peerSection(results: SizeResult[]): string[] {
  const measured = results.filter((r) => r.peer);
  if (measured.length === 0) return ['Starlight was not built in this run (`--no-peer`).', ''];
  const alone = results.filter((r) => !r.peer).map((r) => r.chapters.toLocaleString('en'));
  const largest = measured.reduce((a, b) => (b.chapters > a.chapters ? b : a));
  const aloneNote =
    alone.length > 0
      ? [
          `At ${alone.join(' and ')} chapters only this project was built (\`--peer-sizes\` lists the sizes Starlight builds too; ` +
            `its cold build of ${largest.chapters.toLocaleString('en')} chapters above took ${largest.peer!.cold.seconds.toFixed(0)} s).`,
          '',
        ]
      : [];
  return [
    `## Against Starlight ${PEER.starlight} (Astro ${PEER.astro})`,
    '',
    'The same synthetic chapters built with Starlight in a generated project (scripts/bench-peer.ts; its',
    'components are small wrappers over Starlight’s `Aside`, one sidebar group per section), Starlight’s',
    'build including its Pagefind index. Runs alternate: ours cold, Starlight cold, ours with nothing',
    'changed, Starlight with nothing changed, then both after the same chapter was edited. A ratio below',
    '1 means this project is faster. Ours: the cold time is the mean of its two cold builds, the edited',
    'rebuild the median of three (see Rebuilds); Starlight’s are one run each. The load is the 1-minute',
    'load average before each run and at the end.',
    '',
    '| playbook | run | this project | Starlight | ratio | peak memory (ours / Starlight) |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...measured.flatMap((r) => {
      const p = r.peer!;
      return [
        ['cold build + index', { ...r.build, seconds: coldSeconds(r) }, p.cold],
        ['rebuild, nothing changed', r.rebuild.unchanged, p.unchanged],
        ['rebuild, one chapter edited', r.rebuild.edited, p.edited],
      ].map(
        ([name, ours, theirs]) =>
          `| ${r.label} | ${name as string} | ${seconds(ours as BuildCost)} | ${seconds(theirs as RunCost)} | ${ratio((ours as BuildCost).seconds, (theirs as RunCost).seconds)} | ` +
          `${(ours as BuildCost).peakMb.toFixed(0)} MB / ${(theirs as RunCost).peakMb.toFixed(0)} MB |`,
      );
    }),
    '',
    '| playbook | load before each run |',
    '| --- | --- |',
    ...measured.map((r) => `| ${r.label} | ${r.load.map((l) => l.toFixed(1)).join(', ')} |`),
    '',
    ...aloneNote,
  ];
}

/** A time in milliseconds for the report, or a dash where Lighthouse gave none. */
function ms(value: number): string {
  return Number.isFinite(value) ? `${value} ms` : '–';
}

function lighthouseVersion(): string {
  return (JSON.parse(readFileSync(join(REPO, 'node_modules/lighthouse/package.json'), 'utf8')) as { version: string }).version;
}

async function runLighthouse(
  workRoot: string,
  fallback: SizeResult | undefined,
  runs: number,
): Promise<{ site: string; runs: number; results: LighthouseResult[] } | undefined> {
  const workDir = join(workRoot, 'default');
  const outDir = join(workDir, 'site');
  let site = 'the default playbook (src/content)';
  try {
    console.log('\n[lighthouse] building the default playbook…');
    await buildSite({ contentDir: join(REPO, 'src/content'), outDir, workDir });
  } catch (error) {
    console.warn(`[lighthouse] the default playbook does not build (${(error as Error).message.split('\n')[0]}); using the synthetic one`);
    if (!fallback) return undefined;
    site = `the ${fallback.chapters}-chapter synthetic playbook`;
    rmSync(outDir, { recursive: true, force: true });
    await buildSite({ contentDir: join(workRoot, `content-${fallback.chapters}`), outDir, workDir });
  }
  const chapter = readdirSync(join(outDir, 'chapters')).sort()[0];
  const { calculator, assessment } = interactivePages(outDir);
  const pages = ['', `chapters/${chapter}/`, calculator, assessment].filter((p): p is string => p !== undefined);
  const server = await serve(outDir);
  try {
    const results = pages.map((page) => {
      console.log(`[lighthouse] ${page || '(home)'} (${plural(runs, 'run')})`);
      return lighthouse(server.url, page, workDir, runs);
    });
    return { site, runs, results };
  } finally {
    await server.stop();
  }
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10,1000,5000,10000' },
    'peer-sizes': { type: 'string', default: '10,1000,5000' },
    out: { type: 'string', default: 'BENCHMARKS.md' },
    lighthouse: { type: 'boolean', default: true },
    'lighthouse-runs': { type: 'string', default: '5' },
    peer: { type: 'boolean', default: true },
    keep: { type: 'boolean', default: false },
  },
  allowNegative: true,
});
/** A list of playbook sizes from the command line, or the reason it is not one. */
function sizeList(flag: string, text: string): number[] {
  const list = text.split(',').map((s) => Number(s.trim()));
  if (list.some((n) => !Number.isInteger(n) || n < 2)) {
    console.error(`npm run bench: ${flag} must be whole numbers of at least 2 separated by commas, e.g. 10,1000; got "${text}"`);
    process.exit(2);
  }
  return list;
}
const sizes = sizeList('--sizes', values.sizes);
const lighthouseRuns = Number(values['lighthouse-runs']);
if (!Number.isInteger(lighthouseRuns) || lighthouseRuns < 1) {
  console.error(`npm run bench: --lighthouse-runs must be a whole number of at least 1, e.g. 5; got "${values['lighthouse-runs']}"`);
  process.exit(2);
}
const peerSizes = new Set(values.peer ? sizeList('--peer-sizes', values['peer-sizes']) : []);
const loadAtStart = loadavg()[0] ?? 0;
const workRoot = mkdtempSync(join(tmpdir(), 'playbook-bench-'));
try {
  const results: SizeResult[] = [];
  if (sizes.some((size) => peerSizes.has(size))) preparePeer();
  for (const size of sizes) {
    const content = writeSyntheticPlaybook({ chapters: size, outDir: join(workRoot, `content-${size}`) });
    const result = await measurePlaybook(`synthetic ${size}`, content, join(workRoot, `build-${size}`), peerSizes.has(size));
    results.push(result);
    // Keep the disk small: the large sites are not needed any more.
    if (!values.keep) rmSync(join(workRoot, `build-${size}`), { recursive: true, force: true });
  }
  const smallest = [...results].sort((a, b) => a.chapters - b.chapters)[0];
  const lighthouseResults = values.lighthouse ? await runLighthouse(workRoot, smallest, lighthouseRuns) : undefined;
  const out = resolve(values.out);
  writeFileSync(out, report(results, lighthouseResults, loadAtStart, modelBenchmark()));
  console.log(`\nWrote ${out}`);
} finally {
  if (values.keep) console.log(`Kept the builds in ${workRoot}`);
  else rmSync(workRoot, { recursive: true, force: true });
}
