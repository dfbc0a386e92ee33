import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import {
  AssessmentPage,
  CalculatorPage,
  CertificatePage,
  ChapterPage,
  GlossaryPage,
  HeaderSearch,
  HomePage,
  PathPage,
  ProgressPage,
  ReadinessPage,
  SearchPage,
  SectionPage,
  SiteHeader,
  TeamRollUpPage,
} from './pages/index.ts';

/** Problems the browser reported while a test ran: console errors and security-policy violations. */
interface PageProblems {
  errors: string[];
}

/** The page objects of the test's page, one per page type (tests/e2e/pages/). */
interface PageObjects {
  siteHeader: SiteHeader;
  homePage: HomePage;
  sectionPage: SectionPage;
  chapterPage: ChapterPage;
  glossaryPage: GlossaryPage;
  headerSearch: HeaderSearch;
  searchPage: SearchPage;
  assessmentPage: AssessmentPage;
  teamRollUpPage: TeamRollUpPage;
  progressPage: ProgressPage;
  pathPage: PathPage;
  certificatePage: CertificatePage;
  readinessPage: ReadinessPage;
  calculatorPage: CalculatorPage;
}

/**
 * Every browser test fails if the page logs a console error, throws, or violates the
 * Content-Security-Policy the test server sends: the product must run clean under it.
 * Tests reach the pages through page objects (`async ({ chapterPage }) => …`), each built on the
 * test's page; for another tab or browser, construct one on that page (`new ChapterPage(other)`).
 */
export const test = base.extend<{ problems: PageProblems } & PageObjects>({
  siteHeader: async ({ page }, use) => use(new SiteHeader(page)),
  homePage: async ({ page }, use) => use(new HomePage(page)),
  sectionPage: async ({ page }, use) => use(new SectionPage(page)),
  chapterPage: async ({ page }, use) => use(new ChapterPage(page)),
  glossaryPage: async ({ page }, use) => use(new GlossaryPage(page)),
  headerSearch: async ({ page }, use) => use(new HeaderSearch(page)),
  searchPage: async ({ page }, use) => use(new SearchPage(page)),
  assessmentPage: async ({ page }, use) => use(new AssessmentPage(page)),
  teamRollUpPage: async ({ page }, use) => use(new TeamRollUpPage(page)),
  progressPage: async ({ page }, use) => use(new ProgressPage(page)),
  pathPage: async ({ page }, use) => use(new PathPage(page)),
  certificatePage: async ({ page }, use) => use(new CertificatePage(page)),
  readinessPage: async ({ page }, use) => use(new ReadinessPage(page)),
  calculatorPage: async ({ page }, use) => use(new CalculatorPage(page)),
  problems: [
    async ({ page }, use) => {
      const problems: PageProblems = { errors: [] };
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.errors.push(`console: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.errors.push(`uncaught: ${err.message}`));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
        });
      });
      await use(problems);
      // Pages that a test deliberately requests as missing log the 404 itself; nothing else may.
      const unexpected = problems.errors.filter((e) => !/Failed to load resource: the server responded with a status of 404/.test(e));
      expect(unexpected, 'console errors or policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The WCAG rules every page is held to. */
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * axe's WCAG 2.2 A/AA violations on the page as it is now (or on the part `include` selects), one
 * line each: rule, help text and the elements. Legacy mode runs axe inside the page; the default mode
 * opens a blank page for every run, which cost about a second of CPU each time here. Only violations
 * are collected in full: axe otherwise builds a selector for every element that passed each rule,
 * which took a third to a half of each run (the rules run are the same; options() replaces what
 * withTags() would set, so the tags are given here).
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).setLegacyMode(true).options({ runOnly: { type: 'tag', values: WCAG_22_AA }, resultTypes: ['violations'] });
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

export { open } from './pages/index.ts';

/**
 * Starts collecting the scripts the page downloads, by address. A response whose body is still being
 * read when the test ends (a script fetched at idle after the measure was taken) is not counted and
 * does not fail the test; every body that is counted is awaited.
 */
export function collectScripts(page: Page): Map<string, Promise<Buffer>> {
  const scripts = new Map<string, Promise<Buffer>>();
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    const body = response.body();
    body.catch(() => undefined);
    scripts.set(response.url(), body);
  });
  return scripts;
}

/**
 * Adds up the scripts a page downloaded, each gzipped on its own, records the list on the test and
 * returns the total in bytes: the measure the page-weight budgets use.
 */
export async function gzippedScriptBytes(scripts: ReadonlyMap<string, Promise<Buffer>>, testInfo: TestInfo, label: string): Promise<number> {
  let total = 0;
  const sizes: string[] = [];
  for (const [url, body] of scripts) {
    const size = gzipSync(await body, { level: 9 }).length;
    total += size;
    sizes.push(`${new URL(url).pathname}: ${size} B`);
  }
  testInfo.annotations.push({ type: 'javascript', description: `${label}: ${total} B gzipped in ${scripts.size} files\n${sizes.join('\n')}` });
  return total;
}
