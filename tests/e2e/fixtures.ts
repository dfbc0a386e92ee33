import { gzipSync } from 'node:zlib';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';

/** Problems the browser reported while a test ran: console errors and security-policy violations. */
interface PageProblems {
  errors: string[];
}

/**
 * Every browser test fails if the page logs a console error, throws, or violates the
 * Content-Security-Policy the test server sends: the product must run clean under it.
 */
export const test = base.extend<{ problems: PageProblems }>({
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

/** Opens a page by its path inside the site (no leading slash), so tests run under any base path. */
export async function open(page: Page, path = ''): Promise<void> {
  const response = await page.goto(path.replace(/^\//, ''));
  expect(response?.status(), `status of ${path}`).toBeLessThan(400);
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
