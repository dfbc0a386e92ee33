import type { Page } from '@playwright/test';
import { axeViolations, expect, test } from './fixtures.ts';
import { CalculatorPage } from './pages/index.ts';

/*
 * The calculator on a phone and on a desktop: figures never break in the middle of a number, the
 * page never scrolls sideways, and what the page says after an action appears where the eye is.
 */

/** How far the page is wider than the screen, in CSS pixels (0 when it fits). */
const sidewaysOverflow = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const width of [360, 390]) {
  test.describe(`a ${width} px phone`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('every figure of the results stays on one line, and the page does not scroll sideways', async ({ page, calculatorPage }) => {
      await calculatorPage.goto();
      const figures = calculatorPage.tableFigures;
      await expect(figures.first()).toBeVisible();
      expect(await figures.count()).toBeGreaterThanOrEqual(32);
      expect(await calculatorPage.wrappedFigures()).toEqual([]);
      expect(await sidewaysOverflow(page)).toBe(0);
      // Larger numbers (a bigger target) still fit: the totals grow by a digit.
      await (await calculatorPage.field('Shared inputs', /^Target opportunities per month/)).fill('400');
      await expect(calculatorPage.cell('totalCost', 'inHouse')).toHaveText(/\d{1,3},\d{3},\d{3}/);
      expect(await calculatorPage.wrappedFigures()).toEqual([]);
      expect(await sidewaysOverflow(page)).toBe(0);
    });
  });
}

test.describe('the summary bar on a phone', () => {
  test.use({ viewport: { width: 390, height: 800 } });

  test('keeps the cheapest option and its cost per opportunity in view while editing, and follows the inputs', async ({ calculatorPage }) => {
    await calculatorPage.goto();
    const bar = calculatorPage.summaryBar;
    const target = await calculatorPage.field('Shared inputs', /^Target opportunities per month/);
    await target.scrollIntoViewIfNeeded();
    await expect(bar).toBeInViewport();
    const label = await calculatorPage.cheapestLabel.textContent();
    const cost = await calculatorPage.cheapestCost.textContent();
    await expect(bar).toContainText(`Cheapest: ${label}, ${cost} per opportunity.`);
    await expect(bar).toContainText('The answer');
    // Typing changes the answer, and the bar says the new one.
    await target.fill('3');
    await expect(calculatorPage.cheapestCost).not.toHaveText(cost ?? '');
    const newCost = await calculatorPage.cheapestCost.textContent();
    await expect(bar).toContainText(`${newCost} per opportunity`);
    // An input that is not valid: the bar says the answer is out of date.
    await target.fill('lots');
    await expect(bar).toContainText('Out of date (1 input to fix).');
    // No live region: the bar must not speak on every keystroke.
    expect(await bar.evaluate((el) => el.closest('[aria-live], [role="status"], [role="alert"]') === null && el.querySelector('[aria-live]') === null)).toBe(
      true,
    );
  });

  test('never covers the field being edited', async ({ calculatorPage }) => {
    await calculatorPage.goto();
    const bar = calculatorPage.summaryBar;
    const field = await calculatorPage.field('In-house SDR team', /^Ramp/);
    // The field sits at the foot of the screen, where the bar is, when it receives focus.
    await field.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().bottom - window.innerHeight + 10));
    await expect(bar).toBeInViewport();
    await field.focus();
    const [fieldBox, barBox] = await Promise.all([field.boundingBox(), bar.boundingBox()]);
    expect(fieldBox && barBox && fieldBox.y + fieldBox.height <= barBox.y, `field ${JSON.stringify(fieldBox)} above bar ${JSON.stringify(barBox)}`).toBe(true);
    expect(fieldBox && fieldBox.y >= 0).toBe(true);
  });

  test('is not printed', async ({ page, calculatorPage }) => {
    await calculatorPage.goto();
    await (await calculatorPage.field('Shared inputs', /^Target opportunities per month/)).scrollIntoViewIfNeeded();
    await expect(calculatorPage.summaryBar).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(calculatorPage.summaryBar).toBeHidden();
  });
});

test.describe('the summary bar without JavaScript', () => {
  test.use({ viewport: { width: 390, height: 800 }, javaScriptEnabled: false });
  test('is absent (the inputs cannot be edited, so there is nothing to follow)', async ({ calculatorPage }) => {
    await calculatorPage.goto();
    await expect(calculatorPage.summaryBar).toBeHidden();
  });
});

test.describe('the summary bar on a desktop', () => {
  test.use({ viewport: { width: 1280, height: 900 } });
  test('is not shown: the results sit beside the inputs', async ({ page, calculatorPage }) => {
    await calculatorPage.goto();
    await page.getByLabel(/^Target opportunities per month/).scrollIntoViewIfNeeded();
    await expect(calculatorPage.status).toHaveText('Up to date');
    await expect(calculatorPage.summaryBar).toBeHidden();
  });
});

test.describe('a value that looks like a typing slip', () => {
  const salary = (calculatorPage: CalculatorPage) => calculatorPage.inGroup('In-house SDR team', /^Base salary/);
  const warning = (calculatorPage: CalculatorPage) => calculatorPage.warning('inHouse.baseSalary');

  test('typing 70 for the SDR base salary warns next to the field and leaves the verdict; “Use 70” updates it', async ({ page, calculatorPage }) => {
    await calculatorPage.goto();
    const verdict = calculatorPage.verdict;
    const before = await verdict.textContent();
    const cost = await calculatorPage.cell('costPerOpportunity', 'inHouse').textContent();
    await salary(calculatorPage).fill('70');
    await expect(warning(calculatorPage)).toBeVisible();
    await expect(warning(calculatorPage)).toContainText('70 a year looks like a typing slip: did you mean 70,000?');
    await expect(calculatorPage.status).toHaveText('Waiting for you: 1 value looks like a typing slip');
    // The field is described by the warning, so a screen reader reads it with the field.
    await expect(salary(calculatorPage)).toHaveAccessibleDescription(/did you mean 70,000\?/);
    await expect(verdict).toHaveText(before ?? '');
    await expect(calculatorPage.cell('costPerOpportunity', 'inHouse')).toHaveText(cost ?? '');
    // Leaving the field keeps what was typed (it is not rewritten to the value the results use).
    await salary(calculatorPage).press('Tab');
    await expect(salary(calculatorPage)).toHaveValue('70');
    expect(await axeViolations(page, calculatorPage.fieldScope('inHouse.baseSalary'))).toEqual([]);

    await warning(calculatorPage).getByRole('button', { name: 'Use 70', exact: true }).click();
    await expect(warning(calculatorPage)).toBeHidden();
    await expect(salary(calculatorPage)).toBeFocused();
    await expect(verdict).not.toHaveText(before ?? '');
    await expect(calculatorPage.cell('costPerOpportunity', 'inHouse')).not.toHaveText(cost ?? '');
    await expect(calculatorPage.status).toHaveText('Up to date');
    expect(new URL(page.url()).search).toContain('_70_');
  });

  test('“Use 70,000” puts the likely amount in the field and the results use it', async ({ page, calculatorPage }) => {
    await calculatorPage.goto();
    await salary(calculatorPage).fill('70');
    await warning(calculatorPage).getByRole('button', { name: 'Use 70,000' }).click();
    await expect(warning(calculatorPage)).toBeHidden();
    await expect(salary(calculatorPage)).toHaveValue('70,000');
    await expect(calculatorPage.status).toHaveText('Up to date');
    expect(new URL(page.url()).search).toContain('_70000_');
  });

  test('a link carrying 70 is applied as linked, and the warning shows', async ({ page, calculatorPage }) => {
    await calculatorPage.goto();
    await salary(calculatorPage).fill('70');
    await warning(calculatorPage).getByRole('button', { name: 'Use 70', exact: true }).click();
    await expect(calculatorPage.status).toHaveText('Up to date');
    const link = page.url();
    const verdict = await calculatorPage.verdict.textContent();
    await page.goto(link);
    await expect(salary(calculatorPage)).toHaveValue('70');
    await expect(calculatorPage.verdict).toHaveText(verdict ?? '');
    await expect(warning(calculatorPage)).toContainText('The results use it, as the link or file gave it.');
    await warning(calculatorPage).getByRole('button', { name: 'Keep 70' }).click();
    await expect(warning(calculatorPage)).toBeHidden();
    await expect(calculatorPage.verdict).toHaveText(verdict ?? '');
  });
});

test.describe('the question in the share link', () => {
  test('a copied link opens on the same question with the same verdict @subpath', async ({ context, calculatorPage }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await calculatorPage.goto();
    await calculatorPage.question.selectOption({ label: 'SDRs or full-cycle AEs?' });
    await calculatorPage.target.fill('30');
    await expect(calculatorPage.status).toHaveText('Up to date');
    const verdict = await calculatorPage.verdict.textContent();
    expect(verdict).toMatch(/^SDRs or full-cycle AEs\? /);
    const link = await calculatorPage.copyLink();
    expect(new URL(link).searchParams.get('q')).toBe('inHouse-fullCycle');

    const other = new CalculatorPage(await context.newPage());
    await other.page.goto(link);
    await expect(other.question).toHaveValue('inHouse-fullCycle');
    await expect(other.verdict).toHaveText(verdict ?? '');
    await expect(other.status).toHaveText('Up to date');
    await expect(other.linkNotice).toBeHidden();
  });

  test('a tampered question opens on the default question and says so; the rest of the link is used', async ({ page, calculatorPage }) => {
    await calculatorPage.goto();
    await calculatorPage.target.fill('30');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('all');
    const tampered = new URL(page.url());
    tampered.searchParams.set('q', 'agency-or-<b>');
    await page.goto(tampered.toString());
    await expect(calculatorPage.question).toHaveValue('all');
    await expect(calculatorPage.target).toHaveValue('30');
    await expect(calculatorPage.linkNotice).toContainText('Your question (q): expected one of all, inHouse-outsourced');
    await expect(calculatorPage.linkNotice).toContainText('Using the default question, “Which is cheapest? (all four)”.');
  });
});

test.describe('a 1280 px desktop', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the results column scrolls with the page, and every figure of the table is shown whole', async ({ page, calculatorPage }) => {
    await calculatorPage.goto();
    const results = calculatorPage.results;
    await expect(results).toBeVisible();
    expect(await results.evaluate((el) => el.scrollHeight - el.clientHeight)).toBe(0);
    // No figure is cut off at the column's edge: the table fits the column without scrolling sideways.
    expect(await calculatorPage.tableWrap.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
    expect(await calculatorPage.figuresCutOff()).toEqual([]);
    expect(await calculatorPage.wrappedFigures()).toEqual([]);
    expect(await sidewaysOverflow(page)).toBe(0);
  });

  test('each confirmation appears next to the control that triggered it, in view', async ({ context, calculatorPage }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await calculatorPage.goto();
    await calculatorPage.copyLinkButton.click();
    await expect(calculatorPage.actionStatus).toContainText('Link copied.');
    expect(await calculatorPage.gapBetween(calculatorPage.copyLinkButton, calculatorPage.actionStatus)).toBeLessThan(200);

    await calculatorPage.downloadCsvButton.click();
    await expect(calculatorPage.actionStatus).toContainText('Downloaded pipeline-cost.csv');
    expect(await calculatorPage.gapBetween(calculatorPage.downloadCsvButton, calculatorPage.actionStatus)).toBeLessThan(200);

    await calculatorPage.saveScenario('Q3 plan');
    await expect(calculatorPage.savedStatus).toHaveText('Saved “Q3 plan” in this browser.');
    // The line under the action buttons does not keep an older message beside a newer one.
    await expect(calculatorPage.actionStatus).toHaveText('');
    expect(await calculatorPage.gapBetween(calculatorPage.saveButton, calculatorPage.savedStatus)).toBeLessThan(40);
  });
});

/*
 * The blocks the page leaves unrendered until they come near the view (content-visibility: auto) hold
 * no form control, hidden or not: once a page has loaded, Chromium's autofill looks at every control,
 * and one inside such a block forced a layout of that block on its own, a chain of layouts in one long
 * task on a phone. On a phone a closed input group lays out none of its fields until it is opened.
 */
for (const width of [390, 1280]) {
  test.describe(`the page at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('skips laying out its larger blocks off the first screen, none of which holds a form control', async ({ page, calculatorPage }) => {
      await calculatorPage.goto();
      await calculatorPage.groupsReady();
      const skippable = await page.evaluate(() =>
        [...document.querySelectorAll('pb-calculator *')]
          .filter((el) => getComputedStyle(el).contentVisibility === 'auto')
          .map((el) => ({ block: el.className, controls: el.querySelectorAll('input, select, textarea').length })),
      );
      expect(skippable.length).toBeGreaterThanOrEqual(4);
      expect(skippable.filter(({ controls }) => controls > 0)).toEqual([]);
    });
  });
}

test.describe('a closed input group on a phone', () => {
  test.use({ viewport: { width: 390, height: 800 } });

  test('lays out none of its fields until it is opened', async ({ calculatorPage }) => {
    await calculatorPage.goto();
    await calculatorPage.groupsReady();
    const salary = calculatorPage.input('inHouse.baseSalary');
    expect(await salary.evaluate((input) => input.getClientRects().length)).toBe(0);
    await calculatorPage.groupToggle('In-house SDR team').click();
    await expect(salary).toBeVisible();
  });
});
