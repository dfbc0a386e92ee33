import type { Page } from '@playwright/test';
import { decodeLink } from '../../src/features/calculator/codec.ts';
import type { Scenario, Spread } from '../../src/features/calculator/fields.ts';
import { builtCalculatorDefaults } from './content.ts';
import { axeViolations, expect, test } from './fixtures.ts';
import { CalculatorPage } from './pages/index.ts';

/**
 * The calculator's analysis: the range chart of cost per opportunity, the "how sure are you?"
 * spreads, and comparing two saved scenarios side by side.
 */

// The defaults the site was built with.
const DEFAULTS: Scenario = builtCalculatorDefaults().defaults;

test('the range chart shows every option’s P10–P90 with its base value, and follows the inputs @subpath', async ({ page, calculatorPage }) => {
  await calculatorPage.goto();
  const chart = calculatorPage.rangeChart;
  await expect(chart).toBeVisible();
  await expect(calculatorPage.rangeBars).toHaveCount(4);
  await expect(calculatorPage.rangeBases).toHaveCount(4);
  // The chart names the table as its text alternative, and the table has the same options.
  await expect(chart).toHaveAccessibleName(/The table below has the same figures/);
  await expect(calculatorPage.rangeTable.locator('tbody').getByRole('row')).toHaveCount(4);
  const before = await calculatorPage.rangeLow('inHouse');
  expect(before).toBeGreaterThan(0);

  await calculatorPage.input('inHouse.baseSalary').fill('110000');
  await expect(calculatorPage.status).toHaveText('Up to date');
  await expect.poll(() => calculatorPage.rangeLow('inHouse')).toBeGreaterThan(before);
  await calculatorPage.analysisSettled();
  // Bars are cheapest first: the in-house team at twice the salary is no longer first.
  await expect(calculatorPage.rangeRows.first()).not.toHaveAttribute('data-model', 'inHouse');
  const box = await chart.boundingBox();
  const holder = await page.getByRole('figure').filter({ has: chart }).boundingBox();
  expect(box && holder && box.width <= holder.width + 1).toBe(true);
  await expect(page.locator('main')).not.toContainText(/NaN|Infinity/);
});

test('without JavaScript the range chart of the defaults is there, and no spread inputs that would do nothing', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const calculatorPage = new CalculatorPage(await context.newPage());
  await calculatorPage.page.goto('calculator/');
  await expect(calculatorPage.rangeChart).toBeVisible();
  await expect(calculatorPage.rangeBars).toHaveCount(4);
  await expect(calculatorPage.spreadsToggle).toBeHidden();
  await expect(calculatorPage.spreadForm).toHaveCount(0);
  await context.close();
});

test('the range chart fits a 360 px phone and prints', async ({ page, calculatorPage }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await calculatorPage.goto();
  await calculatorPage.analysisSettled();
  const box = await calculatorPage.rangeChart.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(200);
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
  // Drawn for its holder's width once it comes near the view: the text keeps its size instead of shrinking with the picture.
  await calculatorPage.rangeChart.scrollIntoViewIfNeeded();
  await expect.poll(async () => Number(((await calculatorPage.rangeChart.getAttribute('viewBox')) ?? '').split(' ')[2])).toBeLessThanOrEqual(360);
  await page.emulateMedia({ media: 'print' });
  await expect(calculatorPage.rangeChart).toBeVisible();
  expect(await axeViolations(page, calculatorPage.scopes.analysis)).toEqual([]);
});

/** The scenario's spreads as the page's address carries them. */
const linkedSpread = (page: Page): Spread => decodeLink(new URL(page.url()).search, DEFAULTS).scenario.uncertainty.spread;
const agencyMeetings = (calculatorPage: CalculatorPage) => calculatorPage.spreadInput(/^Meetings per rep per month/);

test('how sure are you: a wider spread widens the range and goes into the link; a value that is not a number is explained', async ({
  page,
  calculatorPage,
}) => {
  await calculatorPage.goto();
  // Its code started first: the charts are then redrawn for the screen before the block is opened.
  await calculatorPage.started();
  await calculatorPage.analysisSettled();
  const before = await calculatorPage.rangeSpan('outsourced');
  await calculatorPage.spreadsToggle.click();
  await expect(agencyMeetings(calculatorPage)).toHaveValue(String(DEFAULTS.uncertainty.spread['outsourced.meetingsPerSeatPerMonth']! * 100));
  await agencyMeetings(calculatorPage).fill('80');
  await expect.poll(() => linkedSpread(page)['outsourced.meetingsPerSeatPerMonth']).toBe(0.8);
  await calculatorPage.analysisSettled();
  await expect.poll(() => calculatorPage.rangeSpan('outsourced')).toBeGreaterThan(before * 1.5);
  await expect(calculatorPage.spreadLine('outsourced.meetingsPerSeatPerMonth', 'hint')).toHaveText(/^Very unsure: drawn between/);

  // Not a number: explained next to the field; the link and the ranges keep the last valid spread.
  await agencyMeetings(calculatorPage).fill('lots');
  await expect(agencyMeetings(calculatorPage)).toHaveAttribute('aria-invalid', 'true');
  await expect(calculatorPage.spreadLine('outsourced.meetingsPerSeatPerMonth', 'error')).toHaveText(/Given: “lots”\.$/);
  expect(linkedSpread(page)['outsourced.meetingsPerSeatPerMonth']).toBe(0.8);
  await expect(page.locator('main')).not.toContainText(/NaN|Infinity/);
});

test('how sure are you: a link with spreads opens with them set; reset puts the defaults back', async ({ page, calculatorPage }) => {
  await calculatorPage.goto();
  // Its code started first: the charts are then redrawn for the screen before the block is opened.
  await calculatorPage.started();
  await calculatorPage.analysisSettled();
  const before = await calculatorPage.rangeSpan('outsourced');
  // The spread inputs join the page when their block is first opened.
  await expect(calculatorPage.spreadForm).toHaveCount(0);
  await calculatorPage.spreadsToggle.click();
  await agencyMeetings(calculatorPage).fill('80');
  await expect.poll(() => linkedSpread(page)['outsourced.meetingsPerSeatPerMonth']).toBe(0.8);

  await page.goto(page.url());
  await calculatorPage.spreadsToggle.click();
  await expect(agencyMeetings(calculatorPage)).toHaveValue('80');
  await calculatorPage.analysisSettled();
  expect(await calculatorPage.rangeSpan('outsourced')).toBeGreaterThan(before * 1.5);

  await calculatorPage.resetSpreadsButton.click();
  await expect(agencyMeetings(calculatorPage)).toHaveValue('30');
  await expect.poll(() => new URL(page.url()).search).toBe('');
  await calculatorPage.analysisSettled();
  await expect.poll(() => calculatorPage.rangeSpan('outsourced')).toBeCloseTo(before, 6);
  expect(await axeViolations(page, calculatorPage.scopes.spreads)).toEqual([]);
});

test('compare two saved scenarios: the salary that differs and the results it changes, marked in words, by keyboard, printable', async ({
  page,
  calculatorPage,
}) => {
  await calculatorPage.goto();
  await expect(calculatorPage.compareSaved).toContainText('Save two scenarios');
  const save = async (name: string, pay: string) => {
    await calculatorPage.input('inHouse.baseSalary').fill(pay);
    await expect(calculatorPage.status).toHaveText('Up to date');
    await calculatorPage.saveScenario(name);
    await expect(calculatorPage.savedStatus).toHaveText(`Saved “${name}” in this browser.`);
  };
  await save('Lean', '50000');
  await save('Generous', '80000');

  // By keyboard: the choices start at the two newest (older first); Enter on the button compares.
  await expect(calculatorPage.firstScenario).toHaveValue('1');
  await expect(calculatorPage.secondScenario).toHaveValue('0');
  await calculatorPage.secondScenario.focus();
  await page.keyboard.press('Tab');
  await expect(calculatorPage.compareButton).toBeFocused();
  await page.keyboard.press('Enter');

  const result = calculatorPage.compareResult;
  await expect(result.getByRole('heading', { name: '“Lean” and “Generous” side by side' })).toBeVisible();
  await expect(result).toContainText('1 input differs; the rest are the same.');
  const inputs = result.getByRole('table', { name: /Inputs that differ/ });
  await expect(inputs.getByRole('row')).toHaveCount(2);
  await expect(inputs.getByRole('row').nth(1)).toHaveText(/Base salary \(in-house\)\s*\$50,000\s*\$80,000\s*\+\$30,000 \(\+60%\)/);
  const results = result.getByRole('table', { name: /Results of/ });
  const inHouseCost = results.getByRole('row').filter({ hasText: 'Cost per opportunity' }).first();
  await expect(inHouseCost).toHaveClass(/is-diff/);
  await expect(inHouseCost.locator('.calc__sc-change')).toHaveText(/^\+\$[\d,]+ \(\+\d+(\.\d)?%\)$/);
  // The agency's rows do not depend on the SDR salary: "Same", in words.
  const agency = results.locator('tbody').nth(1);
  await expect(agency.getByRole('rowheader').first()).toHaveText('Outsourced agency');
  for (const change of await agency.locator('.calc__sc-change').all()) await expect(change).toHaveText('Same');
  await expect(results).toContainText('Cheapest per opportunity');
  expect(await axeViolations(page, calculatorPage.scopes.compareSaved)).toEqual([]);

  await page.emulateMedia({ media: 'print' });
  await expect(result.getByRole('table', { name: /Results of/ })).toBeVisible();
  await expect(calculatorPage.compareButton).toBeHidden();
});
