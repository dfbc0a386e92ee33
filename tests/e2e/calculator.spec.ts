import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { MODEL_IDS, type ModelId } from '../../src/features/calculator/model/cost-model.ts';
import { createFormatters } from '../../src/common/format.ts';
import { decodeLink, exportScenario } from '../../src/features/calculator/codec.ts';
import { parseCsv } from '../../src/features/calculator/view/finance-csv.ts';
import type { Scenario } from '../../src/features/calculator/fields.ts';
import { builtCalculatorDefaults, readChapters } from './content.ts';
import { collectScripts, expect, gzippedScriptBytes, open, test } from './fixtures.ts';

// The defaults the site was built with.
const { defaults: DEFAULTS, locale, currency, sources, contentDir: defaultsContentDir } = builtCalculatorDefaults();
const fmt = createFormatters(locale, currency);

type CliResults = Record<ModelId, { costPerOpportunity: number | null; totalCost: number; seats: number }> & { scenario: Scenario };

/** `npm run calc` on a scenario, exactly as finance would run it. */
function runCli(scenario: object): CliResults {
  const out = execFileSync(process.execPath, ['scripts/calc.ts', '-'], {
    input: JSON.stringify(scenario),
    env: { ...process.env, CONTENT_DIR: defaultsContentDir },
    encoding: 'utf8',
  });
  return JSON.parse(out) as CliResults;
}

const group = (page: Page, name: string): Locator => page.getByRole('group', { name, exact: true });
const cell = (page: Page, row: string, model: ModelId): Locator => page.locator(`[data-cell="${row}:${model}"] [data-text]`);
const target = (page: Page): Locator => group(page, 'Shared inputs').getByLabel(/^Target opportunities per month/);
const status = (page: Page): Locator => page.locator('[data-status]');
/** The scenario the page's address holds (links carry every value, compactly encoded). */
const linked = (page: Page): Scenario => decodeLink(new URL(page.url()).search, DEFAULTS).scenario;

/** Presses Tab until the focused element matches, as a keyboard-only person would. */
async function tabTo(page: Page, matches: (el: Element) => boolean, limit = 250): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`(${matches.toString()})(document.activeElement)`)) return;
  }
  throw new Error('the element was not reached with Tab');
}

test('changing an input updates the results at once, with no submit button @subpath', async ({ page }) => {
  await open(page, 'calculator/');
  await expect(status(page)).toHaveText('Up to date');
  const before = await cell(page, 'totalCost', 'inHouse').textContent();
  const verdictBefore = await page.locator('[data-verdict]').textContent();
  await target(page).fill(String(DEFAULTS.shared.targetOpportunitiesPerMonth + 20));
  await expect(cell(page, 'totalCost', 'inHouse')).not.toHaveText(before ?? '');
  await expect.poll(() => linked(page).shared.targetOpportunitiesPerMonth).toBe(DEFAULTS.shared.targetOpportunitiesPerMonth + 20);
  await expect(page.locator('[data-verdict-details]')).toContainText(`against a target of ${DEFAULTS.shared.targetOpportunitiesPerMonth + 20}`);
  expect(verdictBefore).toMatch(/per opportunity/);
  await expect(page.getByRole('button', { name: /submit|calculate/i })).toHaveCount(0);
  await expect(page.locator('main')).not.toContainText(/NaN|Infinity/);
});

test('the page shows real numbers before its script runs', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('calculator/');
  await expect(cell(page, 'costPerOpportunity', 'inHouse')).toHaveText(/\d/);
  await expect(page.locator('[data-verdict]')).not.toBeEmpty();
  await expect(page.locator('[data-chart="cost"] svg')).toBeVisible();
  // Browsers without scripts show the <noscript> note (the automated browser parses it as scripting-enabled).
  expect(await page.locator('noscript').innerHTML()).toContain('Turn on JavaScript to enter your own');
  await context.close();
});

test('keyboard only: edit fields, switch a team to fixed seats, change the tornado and find a break-even', async ({ page }) => {
  // Tabbing through every input of four options one key at a time takes a while on a loaded machine.
  test.slow();
  await open(page, 'calculator/');
  await tabTo(page, (el) => el.id === 'f-horizonMonths');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('36');
  await expect(page.locator('tr[data-row="totalCost"] th')).toHaveText('Total cost over 36 months');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('tr[data-row="totalCost"] th')).toHaveText('Total cost over 37 months');

  await tabTo(page, (el) => el.getAttribute('data-solve') === 'inHouse.seats');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(page.locator('#f-inHouse-seats')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('3');
  await expect(cell(page, 'seats', 'inHouse')).toHaveText('3 SDRs');
  await expect(page.locator('[data-cell="seats:inHouse"] [data-note]')).toHaveText('as entered');

  await tabTo(page, (el) => el.hasAttribute('data-copy'));
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => decodeLink(new URL(await page.getByLabel('Link to these numbers').inputValue()).search, DEFAULTS).scenario.inHouse.seats)
    .toBe(3);

  await tabTo(page, (el) => el.hasAttribute('data-tornado-model'));
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-tornado-name]')).toHaveText('Outsourced agency');

  await tabTo(page, (el) => el.hasAttribute('data-be-run'));
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-be-result]')).toHaveText(/cost the same per opportunity|No crossing in range/);
  await expect(page.locator('[data-be-result]')).not.toHaveText(/Out of date/);
});

test('the answer is near the top on a phone and answers the question chosen, in words, with the gap and the team against the target', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // The leader from the issue: SDR base 70,000, 4 SDRs, an agency at 12,000 a rep a month.
  await open(page, 'calculator/?inHouse.seats=4&inHouse.baseSalary=70000&outsourced.monthlyFeePerSeat=12000');
  const verdict = page.locator('[data-verdict]');
  await expect(verdict).toBeInViewport();
  await page.getByLabel('Your question').selectOption({ label: 'SDRs or an agency?' });
  await expect(verdict).toHaveText(
    /^SDRs or an agency\? (Too close to call on these inputs: in-house SDRs \$[\d,]+ and the agency \$[\d,]+ per opportunity, [\d.]+% apart\.|(In-house SDRs|The agency): \$[\d,]+ per opportunity, \$[\d,]+ \([\d.]+%\) less than (the agency|in-house SDRs)\.)$/,
  );
  const details = page.locator('[data-verdict-details]');
  await expect(details).toContainText(/4 SDRs make about [\d.]+ opportunities a month against a target of [\d.,]+/);
  await expect(details).not.toContainText('AEs');
  await expect(page.locator('[data-figures] li')).toHaveCount(2);

  await page.getByLabel('Your question').selectOption({ label: 'SDRs or full-cycle AEs?' });
  await expect(verdict).toHaveText(/^SDRs or full-cycle AEs\? /);
  await expect(details).toContainText(/(needs \d+ AEs each prospecting [\d.]+% of their time \([\d.]+ full-time equivalents?\))/);
  await expect(page.locator('main')).not.toContainText(/NaN|Infinity/);
});

test('a fixed team of AEs that cannot reach the target is said to be not reachable by these AEs alone', async ({ page }) => {
  await open(page, 'calculator/?fullCycle.seats=1');
  await expect(page.locator('[data-verdict-details]')).toContainText(/Your 1 AE prospecting .* of their time prospecting: not reachable by these AEs alone\./);
});

test('a share link round-trips the whole scenario @subpath', async ({ page }) => {
  test.slow();
  await open(page, 'calculator/');
  await target(page).fill('35');
  await group(page, 'In-house SDR team')
    .getByLabel(/^Base salary/)
    .fill('61000');
  await group(page, 'Shared inputs')
    .getByLabel(/^Gross margin/)
    .fill('62.5');
  await group(page, 'Outsourced agency').getByLabel('Solve for my target').uncheck();
  await group(page, 'Outsourced agency')
    .getByLabel(/^Seats/)
    .fill('6');
  await page.getByRole('radio', { name: 'Displaced gross margin' }).check();
  await expect(status(page)).toHaveText('Up to date');

  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByLabel('Link to these numbers').inputValue();
  const { scenario: fromLink, problems } = decodeLink(new URL(link).search, DEFAULTS);
  expect(problems).toEqual([]);
  expect(fromLink.shared.grossMargin).toBe(0.625);
  expect(fromLink.inHouse.baseSalary).toBe(61000);
  expect(fromLink.outsourced.seats).toBe(6);
  expect(link.length).toBeLessThan(2000);
  const shown = async () =>
    Promise.all(MODEL_IDS.flatMap((m) => ['seats', 'totalCost', 'costPerOpportunity', 'roi'].map((row) => cell(page, row, m).textContent())));
  const expected = await shown();

  await page.goto('about:blank');
  await page.goto(link);
  await expect(status(page)).toHaveText('Up to date');
  await expect(target(page)).toHaveValue('35');
  await expect(group(page, 'Shared inputs').getByLabel(/^Gross margin/)).toHaveValue('62.5');
  await expect(group(page, 'Outsourced agency').getByLabel('Solve for my target')).not.toBeChecked();
  await expect(group(page, 'Outsourced agency').getByLabel(/^Seats/)).toHaveValue('6');
  await expect(page.getByRole('radio', { name: 'Displaced gross margin' })).toBeChecked();
  expect(await shown()).toEqual(expected);
  await expect(page.locator('[data-link-notice]')).toBeHidden();
});

test('a tampered link falls back to defaults for the bad fields, says which, and renders nothing from it as markup', async ({ page }) => {
  const evil = encodeURIComponent('<img src=x onerror=alert(1)>');
  await open(page, `calculator/?inHouse.baseSalary=-5&bogus=${evil}&shared.grossMargin=${evil}&horizonMonths=36&inHouse.seats=0`);
  const notice = page.locator('[data-link-notice]');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Some values in the link could not be used');
  const items = notice.getByRole('listitem');
  await expect(items).toHaveCount(4);
  await expect(notice).toContainText('Base salary (in-house) (inHouse.baseSalary): expected a number from 0 to 1,000,000,000; given -5.');
  await expect(notice).toContainText('“bogus” is not an input of the calculator');
  await expect(notice).toContainText('<img src=x onerror=alert(1)>');
  await expect(notice).toContainText('Seats (in-house) (inHouse.seats): expected a whole number from 1 to 1,000, or auto (size for the target); given 0.');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  // The valid part of the link is used; the bad parts are the defaults, and the address is cleaned.
  await expect(page.locator('tr[data-row="totalCost"] th')).toHaveText('Total cost over 36 months');
  await expect(group(page, 'In-house SDR team').getByLabel(/^Base salary/)).toHaveValue(fmt.number(DEFAULTS.inHouse.baseSalary, 10));
  await expect(group(page, 'In-house SDR team').getByLabel('Solve for my target')).toBeChecked();
  expect(linked(page).horizonMonths).toBe(36);
  expect(linked(page).inHouse.baseSalary).toBe(DEFAULTS.inHouse.baseSalary);
});

test('an out-of-range, empty or non-numeric value gets a message with the range; results are kept and marked out of date', async ({ page }) => {
  await open(page, 'calculator/');
  const margin = group(page, 'Shared inputs').getByLabel(/^Gross margin/);
  const kept = await cell(page, 'roi', 'inHouse').textContent();
  await margin.fill('150');
  await expect(page.locator('#e-shared-grossMargin')).toHaveText('Too high. Allowed: 0 to 100 %.');
  await expect(margin).toHaveAttribute('aria-invalid', 'true');
  await expect(margin).toHaveAccessibleDescription(/Too high\. Allowed: 0 to 100 %\./);
  await expect(status(page)).toHaveText('Out of date: 1 input needs fixing');
  await expect(page.locator('[data-stale]')).toContainText('Gross margin: Too high. Allowed: 0 to 100 %.');
  await expect(cell(page, 'roi', 'inHouse')).toHaveText(kept ?? '');

  await margin.fill('');
  await expect(page.locator('#e-shared-grossMargin')).toHaveText('Enter a value. Allowed: 0 to 100 %.');
  const ramp = group(page, 'In-house SDR team').getByLabel(/^Ramp/);
  await ramp.fill('2.5');
  await expect(page.locator('#e-inHouse-rampMonths')).toHaveText('Use a whole number. Allowed: a whole number 0 to 24 months.');
  await ramp.fill('');
  await ramp.pressSequentially('1e');
  await expect(page.locator('#e-inHouse-rampMonths')).toHaveText(
    '“1e” is not a number we can read. Type digits, for example 70000, 70,000 or 70k. Allowed: a whole number 0 to 24 months.',
  );
  await expect(status(page)).toHaveText('Out of date: 2 inputs need fixing');
  await expect(page.locator('main')).not.toContainText(/NaN|Infinity/);

  await margin.fill('60');
  await ramp.fill('4');
  await expect(status(page)).toHaveText('Up to date');
  await expect(page.locator('[data-stale]')).toBeHidden();
  await expect(margin).not.toHaveAttribute('aria-invalid', 'true');
});

test('a salary typed as 70k is read as 70,000, never as 70; text that is not a number is explained next to the field', async ({ page }) => {
  await open(page, 'calculator/');
  const salary = group(page, 'In-house SDR team').getByLabel(/^Base salary/);
  const costBefore = await cell(page, 'costPerOpportunity', 'inHouse').textContent();
  await salary.fill('70k');
  await expect(status(page)).toHaveText('Up to date');
  await expect(page.locator('#e-inHouse-baseSalary')).toBeEmpty();
  await expect.poll(() => linked(page).inHouse.baseSalary).toBe(70000);
  // A higher salary makes in-house opportunities dearer; read as $70 it would have made them far cheaper.
  const money = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''));
  await expect.poll(async () => money(await cell(page, 'costPerOpportunity', 'inHouse').textContent())).toBeGreaterThan(money(costBefore));
  await salary.blur();
  await expect(salary).toHaveValue('70,000');

  await salary.fill('$1.2m');
  await expect.poll(() => linked(page).inHouse.baseSalary).toBe(1200000);
  await salary.fill('70x');
  await expect(page.locator('#e-inHouse-baseSalary')).toHaveText(
    /^“70x” is not a number we can read\. Type digits, for example 70000, 70,000 or 70k\. Allowed: /,
  );
  await expect(salary).toHaveAttribute('aria-invalid', 'true');
  await expect(status(page)).toHaveText('Out of date: 1 input needs fixing');
  await expect(salary).toHaveValue('70x');
  await expect(page.locator('main')).not.toContainText(/NaN|Infinity/);
});

test('saved scenarios: name, save, list, open and delete in this browser; a damaged list is set aside with a notice', async ({ page }) => {
  await open(page, 'calculator/');
  await target(page).fill('33');
  await expect(status(page)).toHaveText('Up to date');
  await page.getByLabel('Name this scenario').fill('Q3 plan');
  await page.getByRole('button', { name: 'Save in this browser' }).click();
  await expect(page.locator('[data-saved-status]')).toHaveText('Saved “Q3 plan” in this browser.');
  await page.reload();
  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(target(page)).toHaveValue(String(DEFAULTS.shared.targetOpportunitiesPerMonth));
  await page.getByRole('button', { name: 'Open “Q3 plan”' }).click();
  await expect(target(page)).toHaveValue('33');
  await expect.poll(() => linked(page).shared.targetOpportunitiesPerMonth).toBe(33);
  await page.getByRole('button', { name: 'Delete “Q3 plan”' }).click();
  await expect(page.getByRole('button', { name: 'Open “Q3 plan”' })).toHaveCount(0);

  await page.evaluate(() => localStorage.setItem('pb-calculator-scenarios', '{damaged'));
  await page.reload();
  await expect(page.locator('[data-saved-notice]')).toContainText('Your saved scenarios could not be read');
  await expect(status(page)).toHaveText('Up to date');
  await expect(cell(page, 'costPerOpportunity', 'inHouse')).toHaveText(/\d/);
});

test('days out are limited by working days, and the message names the limit', async ({ page }) => {
  await open(page, 'calculator/');
  await group(page, 'Shared inputs')
    .getByLabel(/^Working days per year/)
    .fill('150');
  await group(page, 'In-house SDR team')
    .getByLabel(/^Days out per year/)
    .fill('160');
  await expect(page.locator('#e-inHouse-daysOutPerYear')).toHaveText('Too high. Allowed: 0 to 149 days.');
});

test('a model that cannot reach the target says why; the others are still computed', async ({ page }) => {
  await open(page, 'calculator/');
  await group(page, 'In-house SDR team')
    .getByLabel(/^Meetings per SDR per month/)
    .fill('0');
  await expect(page.locator('[data-errors]')).toContainText(
    `Cannot size In-house SDR team for ${DEFAULTS.shared.targetOpportunitiesPerMonth} opportunities a month: one seat creates no opportunities at steady state (“Meetings per SDR per month (in-house)” is 0).`,
  );
  await expect(cell(page, 'costPerOpportunity', 'inHouse')).toHaveText('—');
  await expect(cell(page, 'costPerOpportunity', 'outsourced')).toHaveText(/\d/);
  await expect(group(page, 'In-house SDR team').getByText('Cannot be sized for the target')).toBeVisible();
  await expect(page.locator('main')).not.toContainText(/NaN|Infinity/);
});

test('the numbers on the page are the numbers npm run calc gives for the shared link', async ({ page }) => {
  await open(page, 'calculator/');
  await target(page).fill('40');
  await group(page, 'Full-cycle AEs')
    .getByLabel(/^Time spent prospecting/)
    .fill('25');
  await group(page, 'In-house SDR team')
    .getByLabel(/^Annual attrition/)
    .fill('40');
  await expect(status(page)).toHaveText('Up to date');
  const { scenario, problems } = decodeLink(new URL(page.url()).search, DEFAULTS);
  expect(problems).toEqual([]);
  const cli = runCli(scenario);
  for (const model of MODEL_IDS) {
    await expect(cell(page, 'costPerOpportunity', model)).toHaveText(fmt.money(cli[model].costPerOpportunity));
    await expect(cell(page, 'totalCost', model)).toHaveText(fmt.money(cli[model].totalCost));
  }

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
  expect(download.suggestedFilename()).toBe('pipeline-cost-results.json');
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as CliResults;
  expect(exported.scenario).toEqual(exportScenario(scenario));
  for (const model of MODEL_IDS) expect(exported[model].costPerOpportunity).toBeCloseTo(cli[model].costPerOpportunity ?? NaN, 6);
});

test('the CSV for finance holds the inputs, a summary and every month, in words, units and cents, and parses back', async ({ page }) => {
  await open(page, 'calculator/');
  await group(page, 'In-house SDR team')
    .getByLabel(/^Base salary/)
    .fill('61,500');
  await expect(status(page)).toHaveText('Up to date');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('pipeline-cost.csv');
  const rows = parseCsv(readFileSync((await download.path())!, 'utf8'));
  expect(rows[1]).toEqual(['Currency', currency]);
  expect(rows[2]?.[0]).toBe('Link to these numbers');
  expect(decodeLink(new URL(rows[2]?.[1] ?? '').search, DEFAULTS).scenario.inHouse.baseSalary).toBe(61500);
  expect(rows).toContainEqual(['In-house SDR team', 'Base salary (in-house)', '61500.00', currency]);
  const monthlyStart = rows.findIndex((r) => r[0] === 'Month by month');
  const monthly = rows.slice(monthlyStart + 2).filter((r) => r.length > 1);
  expect(rows[monthlyStart + 1]).toEqual([
    'Option',
    'Month',
    'Currency',
    `Cost (${currency})`,
    `Cumulative cost (${currency})`,
    'Meetings',
    'Opportunities',
    'Cumulative opportunities',
    'Hires',
    'Filled seats',
  ]);
  expect(monthly).toHaveLength(MODEL_IDS.length * DEFAULTS.horizonMonths);
  for (const row of monthly) for (const value of row.slice(3)) expect(value).toMatch(/^-?\d+(\.\d{1,2})?$/);
  const cli = runCli({ ...DEFAULTS, inHouse: { ...DEFAULTS.inHouse, baseSalary: 61500 } });
  const lastInHouse = monthly.filter((r) => r[0] === 'In-house SDR team').at(-1)!;
  expect(Number(lastInHouse[4])).toBeCloseTo(cli.inHouse.totalCost, 2);
  await expect(page.locator('[data-action-status]')).toContainText('Downloaded pipeline-cost.csv');
});

test('importing a scenario file fills the form; a bad file is refused with every problem listed', async ({ page }) => {
  await open(page, 'calculator/');
  const input = page.getByLabel('Import scenario JSON');
  await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"horizonMonths": 0, "inHouse": {"salary": 1}}') });
  const problems = page.locator('[data-import-problems]');
  await expect(problems).toContainText('“bad.json” was not imported (2 problems); nothing was changed:');
  await expect(problems).toContainText('Planning horizon (horizonMonths): expected a whole number from 1 to 60; given 0.');
  await expect(problems).toContainText('“inHouse.salary” is not an input of the calculator');
  await expect(page.locator('#f-horizonMonths')).toHaveValue(String(DEFAULTS.horizonMonths));

  await input.setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from('{"horizonMonths": 18, "outsourced": {"seats": 4}}') });
  await expect(problems).toBeHidden();
  await expect(page.locator('#f-horizonMonths')).toHaveValue('18');
  await expect(cell(page, 'seats', 'outsourced')).toHaveText('4 agency reps');
  await expect.poll(() => [linked(page).horizonMonths, linked(page).outsourced.seats]).toEqual([18, 4]);
  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(page.locator('#f-horizonMonths')).toHaveValue(String(DEFAULTS.horizonMonths));
  expect(new URL(page.url()).search).toBe('');
});

test('a file with thousands of problems lists the first twenty and counts the rest', async ({ page }) => {
  await open(page, 'calculator/');
  const crafted = JSON.stringify(Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`unknown${i}`, i])));
  await page.getByLabel('Import scenario JSON').setInputFiles({ name: 'many.json', mimeType: 'application/json', buffer: Buffer.from(crafted) });
  const problems = page.locator('[data-import-problems]');
  await expect(problems).toContainText('“many.json” was not imported (500 problems)');
  await expect(problems.locator('li')).toHaveCount(21);
  await expect(problems.locator('li').last()).toHaveText('…and 480 more.');
});

test('break-even: pick an input and two models and read where they cost the same', async ({ page }) => {
  await open(page, 'calculator/');
  await page.getByLabel('Input', { exact: true }).selectOption('inHouse.rampMonths');
  await page.getByLabel('Compare').selectOption('inHouse');
  await page.getByLabel('with', { exact: true }).selectOption('outsourced');
  const result = page.locator('[data-be-result]');
  await expect(result).toHaveText(
    /^(In-house SDRs and the agency cost the same per opportunity .* when “Ramp \(in-house\)” is \d+ months? \(it is \d+ months? now\)\.|No crossing in range)/,
  );
  await target(page).fill('30');
  await expect(result).toHaveText(/^Out of date/);
  await page.getByRole('button', { name: 'Find break-even' }).click();
  await expect(result).not.toHaveText(/^Out of date/);
});

test('the charts have text alternatives and lines that differ by more than colour', async ({ page }) => {
  await open(page, 'calculator/');
  for (const name of [/^Cumulative cost by month\. After/, /^Cumulative opportunities by month\. After/, /^What moves the cost per opportunity/]) {
    await expect(page.getByRole('img', { name })).toBeVisible();
  }
  await page.getByText('Cumulative cost as a table').click();
  const table = page.getByRole('table', { name: 'Cumulative cost by month' });
  await expect(table.getByRole('row')).toHaveCount(DEFAULTS.horizonMonths + 1);
  const dashes = await page.locator('[data-chart="cost"] path.line').evaluateAll((paths) => paths.map((p) => getComputedStyle(p).strokeDasharray));
  expect(new Set(dashes).size).toBe(MODEL_IDS.length);
  const markers = await page.locator('[data-chart="cost"] .marker').evaluateAll((els) => [...new Set(els.map((e) => e.tagName))]);
  expect(markers.sort()).toEqual(['circle', 'path', 'rect']);
});

test('the print view is a two-page memo: dated, with the link, the answer, how sure and the inputs with separators; no buttons or out-of-date notes', async ({
  page,
}) => {
  await open(page, 'calculator/');
  await target(page).fill('30');
  await expect(status(page)).toHaveText('Up to date');
  // The break-even was found for the old inputs; printing brings it up to date.
  await expect(page.locator('[data-be-result]')).toHaveText(/^Out of date/);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();
  for (const button of await page.locator('main button').all()) await expect(button).toBeHidden();
  await expect(page.locator('.site-header')).toBeHidden();
  const memo = page.locator('[data-memo]');
  await expect(memo).toBeVisible();
  await expect(memo).toContainText(/Decision memo, printed \w+ \d{1,2}, \d{4}\./);
  await expect(page.locator('[data-memo-link]')).toHaveText(page.url());
  await expect(page.locator('[data-verdict]')).toBeVisible();
  await expect(page.locator('[data-figures]')).toBeVisible();
  await expect(page.locator('[data-sure]')).toHaveText(/^How sure: /);
  await expect(page.locator('[data-comparison]')).toBeVisible();
  await expect(page.locator('#f-inHouse-baseSalary')).toHaveValue(fmt.number(DEFAULTS.inHouse.baseSalary, 10));
  await expect(page.locator('[data-be-result]')).not.toHaveText(/Out of date|Press “Find break-even”/);
  await expect(page.locator('[data-stale]')).toBeHidden();
  await expect(page.locator('[data-status]')).not.toHaveText(/Out of date/);
  for (const chart of ['cost', 'opportunities']) await expect(page.locator(`[data-chart="${chart}"] svg`)).toBeVisible();
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = (await page.pdf({ format, printBackground: true })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    expect(pages, `${format} pages`).toBeGreaterThan(0);
    expect(pages, `${format} pages`).toBeLessThanOrEqual(2);
  }
});

test('the page links to its methodology, which lists every default with its source', async ({ page }) => {
  await open(page, 'calculator/');
  await page.getByRole('link', { name: 'How the calculator works', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'How the pipeline cost calculator works' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Every default with its source' });
  await expect(table).toContainText(sources['inHouse.annualAttrition']);
  await expect(table).toContainText(fmt.money(DEFAULTS.inHouse.baseSalary));
  await expect(page.getByRole('heading', { name: /heart of the debate/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What the model leaves out' })).toBeVisible();
  const chapter = readChapters().find((c) => c.id === 'deciding-who-prospects');
  test.skip(!chapter, 'the content has no team-design chapter');
  await open(page, 'chapters/deciding-who-prospects/');
  await expect(page.getByRole('main').locator('a[href$="calculator/methodology/"]').first()).toBeVisible();
  await expect(page.getByRole('main').locator('a[href$="calculator/"]').first()).toBeVisible();
});

// Everything the page has loaded once it settles, the analysis run when idle included. 30 KB until version 2:
// the fourth option, the answer, how sure and saved scenarios brought it to about 36 KB even with the
// results file and CSV loaded only when asked for (npm run test:budgets holds what loads before interaction).
test('the calculator page loads under 40 KB of JavaScript once settled, gzipped', async ({ page }, testInfo) => {
  const scripts = collectScripts(page);
  await open(page, 'calculator/');
  await expect(status(page)).toHaveText('Up to date');
  await page.waitForLoadState('networkidle');
  expect(await gzippedScriptBytes(scripts, testInfo, 'calculator page')).toBeLessThan(40 * 1024);
});
