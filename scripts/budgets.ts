// npm run test:budgets: the size budgets of the production-hardening issue, on synthetic playbooks of
// 10 and 1,000 chapters built in a temp folder. Fails (exit 1) when
//  - a chapter page at 1,000 chapters is more than 10 % larger than the same chapter at 10,
//  - a reading page loads more than 3 KB of JavaScript (gzipped) before any interaction (search,
//    progress and the knowledge check load their code on first use; a checklist's code is counted),
//  - the home page loads more than 4 KB (its progress, "continue" and today's review load when
//    progress is stored, else once the page is idle),
//  - the calculator page loads more than 4 KB before any interaction, or more than 38 KB in all once
//    the reader has acted (its code waits for the reader's first touch, key, scroll or focus),
//  - an assessment page loads more than 12 KB before any interaction, or more than 35 KB once the
//    reader has acted (JavaScript, gzipped).
// Pages that are not built yet (no calculator/, no assessments/<id>/) are skipped with a message.
// Times are not checked here; npm run bench reports them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, chapterPageBytes, formatBytes, interactivePages, median, pageWeight, type PageWeight } from './bench-tools.ts';
// The scripts whose code, loaded on the reader's first act, is counted on its own.
import { ASSESSMENT_SCRIPT, CALCULATOR_SCRIPT } from './bench-tools.ts';
import { writeSyntheticPlaybook } from './synthetic-playbook.ts';

/** The limits, in bytes or as a ratio. */
export const BUDGETS = {
  /** A chapter page at 1,000 chapters may be at most this much larger than at 10 (1.10 = 10 % larger). */
  chapterGrowth: 1.1,
  /** JavaScript a reading page loads before any interaction, gzipped: the theme, the small scripts that
   * show stored progress and load the search and progress code on first use, and one script that loads
   * the rest (storage notice, offline copy, checklists, worksheet, knowledge check) once the page is idle. */
  readingJs: 3 * 1024,
  /** JavaScript the home page loads before any interaction, gzipped: a reading page's scripts plus the small
   * loaders of the progress view, the "continue" link and today's review (2.6 KB when this was set). */
  homeJs: 4 * 1024,
  /** JavaScript the calculator page loads before any interaction, gzipped: a reading page's scripts and the
   * calculator's first script, which shows its buttons and loads the rest when the reader first acts. */
  calculatorJs: 4 * 1024,
  /** All the calculator's JavaScript once the reader has acted, gzipped (its analysis, break-even, groups and
   * saved-scenario comparison load later still). 35 KB loaded with the page until its code waited for the
   * reader (30 KB until calculator v2's answer, analysis and saved scenarios); the first script and the
   * modules the bundler now splits out of that code added about 2.7 KB (37.7 KB then). */
  calculatorFirstUseJs: 38 * 1024,
  /** JavaScript an assessment page loads before any interaction, gzipped: a reading page's scripts, the path
   * step's tick (which loads the progress store) and the assessment's first script (10.8 KB when set). */
  assessmentJs: 12 * 1024,
  /** All an assessment page's JavaScript once the reader has acted, gzipped (result links and files load
   * later still): the limit the page had before its code waited for the reader (25.2 KB then, 27.0 KB after). */
  assessmentFirstUseJs: 35 * 1024,
} as const;

/** What the budgets are checked against. */
export interface BudgetInput {
  /** Median bytes of the same chapters' pages in the small and the large build. */
  chapterSmall: number;
  chapterLarge: number;
  /** A reading page in each build. */
  reading: PageWeight[];
  /** The home page in each build. */
  home: PageWeight[];
  /** The calculator and an assessment page, per build; undefined when not built. */
  calculator: (PageWeight | undefined)[];
  assessment: (PageWeight | undefined)[];
}

/** One budget's verdict: a line for people and whether it failed. */
export interface BudgetLine {
  status: 'pass' | 'FAIL' | 'skip';
  text: string;
}

/** The build whose page loads the most, before interaction (`jsGzip`) or once the reader has acted (`firstUseGzip`). */
const heaviest = (pages: (PageWeight | undefined)[], by: 'jsGzip' | 'firstUseGzip' = 'jsGzip'): PageWeight | undefined =>
  pages.filter((p): p is PageWeight => p !== undefined).sort((a, b) => b[by] - a[by])[0];

/** Checks the measurements against `BUDGETS`. Pure: the lines say what was measured and the limit. */
export function checkBudgets(input: BudgetInput): BudgetLine[] {
  const lines: BudgetLine[] = [];
  const growth = input.chapterLarge / input.chapterSmall;
  lines.push({
    status: growth <= BUDGETS.chapterGrowth ? 'pass' : 'FAIL',
    text:
      `chapter page at 1,000 chapters: ${formatBytes(input.chapterLarge)} vs ${formatBytes(input.chapterSmall)} at 10 ` +
      `(${growth >= 1 ? '+' : ''}${((growth - 1) * 100).toFixed(1)} %; limit +${Math.round((BUDGETS.chapterGrowth - 1) * 100)} %)`,
  });
  const reading = heaviest(input.reading);
  if (reading) {
    lines.push({
      status: reading.jsGzip <= BUDGETS.readingJs ? 'pass' : 'FAIL',
      text: `reading page (${reading.page}) JavaScript before interaction: ${formatBytes(reading.jsGzip)} gzipped (limit ${formatBytes(BUDGETS.readingJs)}): ${reading.js.map((f) => `${f.path} ${formatBytes(f.gzip)}`).join(', ') || 'none'}`,
    });
  }
  const home = heaviest(input.home);
  if (home) {
    lines.push({
      status: home.jsGzip <= BUDGETS.homeJs ? 'pass' : 'FAIL',
      text: `home page JavaScript before interaction: ${formatBytes(home.jsGzip)} gzipped (limit ${formatBytes(BUDGETS.homeJs)}): ${home.js.map((f) => `${f.path} ${formatBytes(f.gzip)}`).join(', ') || 'none'}`,
    });
  }
  for (const [name, pages, before, firstUse, missing] of [
    [
      'calculator',
      input.calculator,
      BUDGETS.calculatorJs,
      BUDGETS.calculatorFirstUseJs,
      'calculator/index.html is not built yet (no calculator page in src/pages)',
    ],
    [
      'assessment page',
      input.assessment,
      BUDGETS.assessmentJs,
      BUDGETS.assessmentFirstUseJs,
      'no assessments/<id>/index.html is built yet (no assessment page in src/pages, or no assessment in the content)',
    ],
  ] as const) {
    const page = heaviest(pages);
    if (!page) {
      lines.push({ status: 'skip', text: `${name}: ${missing}` });
      continue;
    }
    lines.push({
      status: page.jsGzip <= before ? 'pass' : 'FAIL',
      text: `${name} (${page.page}) JavaScript before interaction: ${formatBytes(page.jsGzip)} gzipped (limit ${formatBytes(before)}): ${page.js.map((f) => `${f.path} ${formatBytes(f.gzip)}`).join(', ') || 'none'}`,
    });
    const acted = heaviest(pages, 'firstUseGzip')!;
    lines.push({
      status: acted.firstUseGzip <= firstUse ? 'pass' : 'FAIL',
      text: `${name} (${acted.page}) JavaScript once the reader has acted: ${formatBytes(acted.firstUseGzip)} gzipped (limit ${formatBytes(firstUse)}): the above and ${acted.firstUse.map((f) => `${f.path} ${formatBytes(f.gzip)}`).join(', ') || 'nothing more'}`,
    });
  }
  return lines;
}

async function main(): Promise<number> {
  const workRoot = mkdtempSync(join(tmpdir(), 'playbook-budgets-'));
  try {
    const builds = [];
    for (const size of [10, 1000]) {
      const content = writeSyntheticPlaybook({ chapters: size, outDir: join(workRoot, `content-${size}`) });
      const workDir = join(workRoot, `build-${size}`);
      const outDir = join(workDir, 'site');
      const cost = await buildSite({ contentDir: content.dir, outDir, workDir }).catch((error: unknown) => {
        throw new Error(`the ${size}-chapter synthetic playbook did not build:\n${error instanceof Error ? error.message : String(error)}`);
      });
      console.log(`built ${size} synthetic chapters in ${cost.seconds.toFixed(1)} s (peak ${cost.peakMb.toFixed(0)} MB)`);
      const pages = interactivePages(outDir);
      builds.push({
        // The same ten chapters (chapter k is the same text at every size) are compared across sizes.
        chapterBytes: median(chapterPageBytes(outDir, content.chapters.slice(0, 10))),
        reading: pageWeight(outDir, `chapters/${content.chapters[0]}/`),
        home: pageWeight(outDir, ''),
        calculator: pages.calculator ? pageWeight(outDir, pages.calculator, '/', CALCULATOR_SCRIPT) : undefined,
        assessment: pages.assessment ? pageWeight(outDir, pages.assessment, '/', ASSESSMENT_SCRIPT) : undefined,
      });
      rmSync(workDir, { recursive: true, force: true });
    }
    const [small, large] = builds as [(typeof builds)[number], (typeof builds)[number]];
    const lines = checkBudgets({
      chapterSmall: small.chapterBytes,
      chapterLarge: large.chapterBytes,
      reading: builds.map((b) => b.reading),
      home: builds.map((b) => b.home),
      calculator: builds.map((b) => b.calculator),
      assessment: builds.map((b) => b.assessment),
    });
    for (const line of lines) console.log(`${line.status.padEnd(4)}  ${line.text}`);
    const failed = lines.filter((l) => l.status === 'FAIL').length;
    console.log(failed ? `\n${failed} budget(s) exceeded.` : '\nAll budgets met.');
    return failed ? 1 : 0;
  } finally {
    rmSync(workRoot, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  process.exitCode = await main().catch((error: unknown) => {
    console.error(`test:budgets: could not measure: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  });
}
