import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { CalculatorPage } from './pages/index.ts';

/**
 * How the calculator page opens: on the defaults it keeps what the server computed and drew (the
 * uncertainty run and "what would have to be true" are not run again in the browser), and other
 * inputs are analysed in a worker, or in the page where no worker can start, with the same numbers.
 */

/** The page as the server wrote it: the same address without JavaScript. */
async function serverTexts(browser: Browser, path: string): Promise<string[]> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(path);
  const texts = await new CalculatorPage(page).resultTexts();
  await context.close();
  return texts;
}

/** The page's first script, and the calculator's own code, which that script loads when first needed. */
const FIRST_SCRIPT = /Calculator\.astro_astro_type_script/;
const CALCULATOR_CODE = /\/pb-calculator\.[^/]*\.js$/;

/**
 * Holds the scripts matching `pattern` back until the returned function is called: on a slow
 * connection the form shows before the script that reads it.
 */
async function holdScript(page: Page, pattern: RegExp): Promise<() => void> {
  let release = () => undefined as void;
  const held = new Promise<void>((done) => (release = done));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('opened on the defaults, the calculator’s code waits for the reader: its buttons show at once, and a first key loads it @subpath', async ({
  page,
  calculatorPage,
}) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await calculatorPage.goto();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  expect(
    scripts.filter((path) => path.includes('/pb-calculator.')),
    'the calculator’s code was not loaded',
  ).toEqual([]);
  await expect(calculatorPage.status).toHaveText('For the default figures');
  for (const button of [calculatorPage.copyLinkButton, calculatorPage.downloadCsvButton, calculatorPage.saveButton]) await expect(button).toBeVisible();
  await page.keyboard.press('Shift');
  await expect(calculatorPage.status).toHaveText('Up to date');
  expect(scripts.filter((path) => path.includes('/pb-calculator.'))).toHaveLength(1);
  expect(await calculatorPage.resultTexts()).toEqual(await serverTexts(page.context().browser()!, 'calculator/'));
});

test('what the reader does while the calculator’s code loads is kept: a question asked and a scenario saved, without leaving the page', async ({
  page,
  browser,
  calculatorPage,
}) => {
  const release = await holdScript(page, CALCULATOR_CODE);
  await calculatorPage.goto();
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await calculatorPage.question.selectOption({ label: 'SDRs or an agency?' });
  await calculatorPage.saveScenario('Asked early');
  release();
  await expect(calculatorPage.openSavedButton('Asked early')).toBeVisible();
  await expect(page).toHaveURL(/\?./);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), 'the save form was not sent away').toBe(true);
  const early = await calculatorPage.verdict.textContent();

  // The same question asked once the code has started.
  const context = await browser.newContext();
  const ready = new CalculatorPage(await context.newPage());
  await ready.goto();
  await ready.started();
  await ready.question.selectOption({ label: 'SDRs or an agency?' });
  await expect(ready.page).toHaveURL(/\?./);
  expect(new URL(page.url()).search).toBe(new URL(ready.page.url()).search);
  await expect(ready.verdict).toHaveText(early ?? '');
  await context.close();
});

test('when the calculator’s code cannot load, the page says so next to its buttons, keeps the defaults’ results, and the next act tries again', async ({
  page,
  calculatorPage,
}) => {
  // As when the server lacks the file (a partial upload): the fault shows as a 404.
  await page.route(CALCULATOR_CODE, (route) => route.fulfill({ status: 404, body: '' }));
  await calculatorPage.goto();
  const served = await calculatorPage.resultTexts();
  await page.keyboard.press('Shift');
  await expect(calculatorPage.actionStatus).toHaveText(/did not load, so the results still show the default figures/);
  expect(await calculatorPage.resultTexts()).toEqual(served);
  await expect(calculatorPage.status).toHaveText('For the default figures');

  await page.unroute(CALCULATOR_CODE);
  await page.keyboard.press('Shift');
  await expect(calculatorPage.status).toHaveText('Up to date');
  await expect(calculatorPage.actionStatus).toHaveText('');
  await calculatorPage.input('inHouse.baseSalary').fill('90000');
  await expect(page).toHaveURL(/\?./);
});

test('opened on the defaults, the page shows the numbers the server computed without computing the analysis again @subpath', async ({
  page,
  browser,
  calculatorPage,
}) => {
  const workers: string[] = [];
  const scripts: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await calculatorPage.goto();
  await calculatorPage.started();
  await expect(calculatorPage.status).toHaveText('Up to date');
  // Past the pause after which the analysis would run, and past the loads the page leaves until it is idle.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  await expect(calculatorPage.analysis).toHaveAttribute('aria-busy', 'false');
  expect(workers, 'no worker was started').toEqual([]);
  expect(
    scripts.filter((path) => /analysis-(runner|worker)|uncertainty/.test(path)),
    'the analysis code was not loaded',
  ).toEqual([]);
  expect(await calculatorPage.resultTexts()).toEqual(await serverTexts(browser, 'calculator/'));
  await expect(page.locator('main')).not.toContainText(/NaN|Infinity|undefined/);
});

test('other inputs are analysed in a worker; where none can start, the page computes the same numbers itself @subpath', async ({
  page,
  browser,
  calculatorPage,
}) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
  await calculatorPage.goto();
  const before = (await calculatorPage.sure.textContent()) ?? '';
  await calculatorPage.input('inHouse.baseSalary').fill('90000');
  await expect(calculatorPage.status).toHaveText('Up to date');
  await expect(calculatorPage.analysis).toHaveAttribute('aria-busy', 'false');
  await expect(calculatorPage.sure).not.toHaveText(before);
  expect(workers.some((path) => path.includes('analysis-worker'))).toBe(true);
  const inWorker = await calculatorPage.resultTexts();
  const link = page.url();

  // The same link in a browser without workers.
  const context = await browser.newContext();
  const other = new CalculatorPage(await context.newPage());
  const errors: string[] = [];
  other.page.on('pageerror', (error) => errors.push(error.message));
  await other.page.addInitScript(() => Object.defineProperty(window, 'Worker', { value: undefined }));
  await other.page.goto(link);
  await other.started();
  await expect(other.analysis).toHaveAttribute('aria-busy', 'false');
  await expect(other.sure).not.toHaveText(/Working out/);
  expect(await other.resultTexts()).toEqual(inWorker);
  expect(errors).toEqual([]);
  await context.close();
});

test('typing several changes in a row shows the analysis of the last one, never an older answer', async ({ page, calculatorPage }) => {
  await calculatorPage.goto();
  for (const value of ['60000', '75000', '90000']) {
    await calculatorPage.input('inHouse.baseSalary').fill(value);
    await page.waitForTimeout(450);
  }
  await expect(calculatorPage.analysis).toHaveAttribute('aria-busy', 'false');
  const last = await calculatorPage.resultTexts();

  await page.goto(page.url());
  await calculatorPage.started();
  await expect(calculatorPage.analysis).toHaveAttribute('aria-busy', 'false');
  await expect(calculatorPage.sure).not.toHaveText(/Working out/);
  expect(await calculatorPage.resultTexts()).toEqual(last);
});

test('what is typed before the page’s script has started is kept and counted, as if typed after', async ({ page, browser }) => {
  const release = await holdScript(page, FIRST_SCRIPT);
  const early = new CalculatorPage(page);
  await page.goto('calculator/', { waitUntil: 'commit' });
  await early.input('inHouse.baseSalary').fill('90000');
  release();
  await expect(page).toHaveURL(/\?./);
  await expect(early.analysis).toHaveAttribute('aria-busy', 'false');
  await expect(early.sure).not.toHaveText(/Working out/);
  await expect(early.input('inHouse.baseSalary')).toHaveValue(/^90,?000$/);

  // The same value typed once the page is ready.
  const context = await browser.newContext();
  const ready = new CalculatorPage(await context.newPage());
  await ready.goto();
  await ready.input('inHouse.baseSalary').fill('90000');
  await expect(ready.page).toHaveURL(/\?./);
  await expect(ready.analysis).toHaveAttribute('aria-busy', 'false');
  await expect(ready.sure).not.toHaveText(/Working out/);
  const expected = await ready.resultTexts();
  await context.close();
  expect(await early.resultTexts()).toEqual(expected);
  // And not the defaults' answer.
  expect(expected).not.toEqual(await serverTexts(browser, 'calculator/'));
});

test('a "solve" box unticked before the page’s script has started offers the solved number, as once it has', async ({ page, browser }) => {
  const release = await holdScript(page, FIRST_SCRIPT);
  const early = new CalculatorPage(page);
  await page.goto('calculator/', { waitUntil: 'commit' });
  await early.inGroup('In-house SDR team', 'Solve for my target').uncheck();
  release();
  await expect(page).toHaveURL(/\?./);
  await expect(early.status).toHaveText('Up to date');

  const context = await browser.newContext();
  const ready = new CalculatorPage(await context.newPage());
  await ready.goto();
  await ready.inGroup('In-house SDR team', 'Solve for my target').uncheck();
  await expect(ready.page).toHaveURL(/\?./);
  const seats = await ready.input('inHouse.seats').inputValue();
  expect(seats).toMatch(/^\d+$/);
  await context.close();
  await expect(early.input('inHouse.seats')).toBeEnabled();
  await expect(early.input('inHouse.seats')).toHaveValue(seats);
  await expect(early.message('inHouse.seats')).toHaveText('');
});
