import type { Page } from '@playwright/test';
import { axeViolations, expect, open, test } from './fixtures.ts';

/*
 * The calculator on a phone and on a desktop: figures never break in the middle of a number, the
 * page never scrolls sideways, and what the page says after an action appears where the eye is.
 */

/** Each figure of the results whose text takes more than one line, named by its cell. */
async function wrappedFigures(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-cell] [data-text], .calc__key-cost')]
      .filter((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        return tops.size > 1;
      })
      .map((el) => `${el.closest('[data-cell]')?.getAttribute('data-cell') ?? el.closest('[data-model]')?.getAttribute('data-model')}: ${el.textContent}`),
  );
}

/** How far the page is wider than the screen, in CSS pixels (0 when it fits). */
const sidewaysOverflow = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const width of [360, 390]) {
  test.describe(`a ${width} px phone`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('every figure of the results stays on one line, and the page does not scroll sideways', async ({ page, calculatorPage }) => {
      await open(page, 'calculator/');
      const figures = page.locator('[data-cell] [data-text]');
      await expect(figures.first()).toBeVisible();
      expect(await figures.count()).toBeGreaterThanOrEqual(32);
      expect(await wrappedFigures(page)).toEqual([]);
      expect(await sidewaysOverflow(page)).toBe(0);
      // Larger numbers (a bigger target) still fit: the totals grow by a digit.
      await (await calculatorPage.field('Shared inputs', /^Target opportunities per month/)).fill('400');
      await expect(page.locator('[data-cell="totalCost:inHouse"] [data-text]')).toHaveText(/\d{1,3},\d{3},\d{3}/);
      expect(await wrappedFigures(page)).toEqual([]);
      expect(await sidewaysOverflow(page)).toBe(0);
    });
  });
}

test.describe('the summary bar on a phone', () => {
  test.use({ viewport: { width: 390, height: 800 } });
  const bar = (page: Page) => page.locator('[data-bar]');

  test('keeps the cheapest option and its cost per opportunity in view while editing, and follows the inputs', async ({ page, calculatorPage }) => {
    await open(page, 'calculator/');
    const cheapest = page.locator('[data-figures] .calc__key.is-best');
    const target = await calculatorPage.field('Shared inputs', /^Target opportunities per month/);
    await target.scrollIntoViewIfNeeded();
    await expect(bar(page)).toBeInViewport();
    const label = await cheapest.locator('.calc__key-label').textContent();
    const cost = await cheapest.locator('.calc__key-cost').textContent();
    await expect(bar(page)).toContainText(`Cheapest: ${label}, ${cost} per opportunity.`);
    await expect(bar(page)).toContainText('The answer');
    // Typing changes the answer, and the bar says the new one.
    await target.fill('3');
    await expect(cheapest.locator('.calc__key-cost')).not.toHaveText(cost ?? '');
    const newCost = await cheapest.locator('.calc__key-cost').textContent();
    await expect(bar(page)).toContainText(`${newCost} per opportunity`);
    // An input that is not valid: the bar says the answer is out of date.
    await target.fill('lots');
    await expect(bar(page)).toContainText('Out of date (1 input to fix).');
    // No live region: the bar must not speak on every keystroke.
    expect(
      await bar(page).evaluate((el) => el.closest('[aria-live], [role="status"], [role="alert"]') === null && el.querySelector('[aria-live]') === null),
    ).toBe(true);
  });

  test('never covers the field being edited', async ({ page, calculatorPage }) => {
    await open(page, 'calculator/');
    const field = await calculatorPage.field('In-house SDR team', /^Ramp/);
    // The field sits at the foot of the screen, where the bar is, when it receives focus.
    await field.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().bottom - window.innerHeight + 10));
    await expect(bar(page)).toBeInViewport();
    await field.focus();
    const [fieldBox, barBox] = await Promise.all([field.boundingBox(), bar(page).boundingBox()]);
    expect(fieldBox && barBox && fieldBox.y + fieldBox.height <= barBox.y, `field ${JSON.stringify(fieldBox)} above bar ${JSON.stringify(barBox)}`).toBe(true);
    expect(fieldBox && fieldBox.y >= 0).toBe(true);
  });

  test('is not printed', async ({ page, calculatorPage }) => {
    await open(page, 'calculator/');
    await (await calculatorPage.field('Shared inputs', /^Target opportunities per month/)).scrollIntoViewIfNeeded();
    await expect(bar(page)).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(bar(page)).toBeHidden();
  });
});

test.describe('the summary bar without JavaScript', () => {
  test.use({ viewport: { width: 390, height: 800 }, javaScriptEnabled: false });
  test('is absent (the inputs cannot be edited, so there is nothing to follow)', async ({ page }) => {
    await open(page, 'calculator/');
    await expect(page.locator('[data-bar]')).toBeHidden();
  });
});

test.describe('the summary bar on a desktop', () => {
  test.use({ viewport: { width: 1280, height: 900 } });
  test('is not shown: the results sit beside the inputs', async ({ page }) => {
    await open(page, 'calculator/');
    await page.getByLabel(/^Target opportunities per month/).scrollIntoViewIfNeeded();
    await expect(page.locator('[data-status]')).toHaveText('Up to date');
    await expect(page.locator('[data-bar]')).toBeHidden();
  });
});

test.describe('a value that looks like a typing slip', () => {
  const salary = (page: Page) => page.getByLabel(/^Base salary/).first();
  const warning = (page: Page) => page.locator('[data-field="inHouse.baseSalary"] [data-warning]');

  test('typing 70 for the SDR base salary warns next to the field and leaves the verdict; “Use 70” updates it', async ({ page }) => {
    await open(page, 'calculator/');
    const verdict = page.locator('[data-verdict]');
    const before = await verdict.textContent();
    const cost = await page.locator('[data-cell="costPerOpportunity:inHouse"] [data-text]').textContent();
    await salary(page).fill('70');
    await expect(warning(page)).toBeVisible();
    await expect(warning(page)).toContainText('70 a year looks like a typing slip: did you mean 70,000?');
    await expect(page.locator('[data-status]')).toHaveText('Waiting for you: 1 value looks like a typing slip');
    // The field is described by the warning, so a screen reader reads it with the field.
    await expect(salary(page)).toHaveAccessibleDescription(/did you mean 70,000\?/);
    await expect(verdict).toHaveText(before ?? '');
    await expect(page.locator('[data-cell="costPerOpportunity:inHouse"] [data-text]')).toHaveText(cost ?? '');
    // Leaving the field keeps what was typed (it is not rewritten to the value the results use).
    await salary(page).press('Tab');
    await expect(salary(page)).toHaveValue('70');
    expect(await axeViolations(page, '[data-field="inHouse.baseSalary"]')).toEqual([]);

    await warning(page).getByRole('button', { name: 'Use 70', exact: true }).click();
    await expect(warning(page)).toBeHidden();
    await expect(salary(page)).toBeFocused();
    await expect(verdict).not.toHaveText(before ?? '');
    await expect(page.locator('[data-cell="costPerOpportunity:inHouse"] [data-text]')).not.toHaveText(cost ?? '');
    await expect(page.locator('[data-status]')).toHaveText('Up to date');
    expect(new URL(page.url()).search).toContain('_70_');
  });

  test('“Use 70,000” puts the likely amount in the field and the results use it', async ({ page }) => {
    await open(page, 'calculator/');
    await salary(page).fill('70');
    await warning(page).getByRole('button', { name: 'Use 70,000' }).click();
    await expect(warning(page)).toBeHidden();
    await expect(salary(page)).toHaveValue('70,000');
    await expect(page.locator('[data-status]')).toHaveText('Up to date');
    expect(new URL(page.url()).search).toContain('_70000_');
  });

  test('a link carrying 70 is applied as linked, and the warning shows', async ({ page }) => {
    await open(page, 'calculator/');
    await salary(page).fill('70');
    await warning(page).getByRole('button', { name: 'Use 70', exact: true }).click();
    await expect(page.locator('[data-status]')).toHaveText('Up to date');
    const link = page.url();
    const verdict = await page.locator('[data-verdict]').textContent();
    await page.goto(link);
    await expect(salary(page)).toHaveValue('70');
    await expect(page.locator('[data-verdict]')).toHaveText(verdict ?? '');
    await expect(warning(page)).toContainText('The results use it, as the link or file gave it.');
    await warning(page).getByRole('button', { name: 'Keep 70' }).click();
    await expect(warning(page)).toBeHidden();
    await expect(page.locator('[data-verdict]')).toHaveText(verdict ?? '');
  });
});

test.describe('the question in the share link', () => {
  test('a copied link opens on the same question with the same verdict @subpath', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page, 'calculator/');
    const question = page.getByLabel('Your question');
    await question.selectOption({ label: 'SDRs or full-cycle AEs?' });
    await page.getByLabel(/^Target opportunities per month/).fill('30');
    await expect(page.locator('[data-status]')).toHaveText('Up to date');
    const verdict = await page.locator('[data-verdict]').textContent();
    expect(verdict).toMatch(/^SDRs or full-cycle AEs\? /);
    await page.getByRole('button', { name: 'Copy link' }).click();
    const link = await page.getByLabel('Link to these numbers').inputValue();
    expect(new URL(link).searchParams.get('q')).toBe('inHouse-fullCycle');

    const other = await context.newPage();
    await other.goto(link);
    await expect(other.getByLabel('Your question')).toHaveValue('inHouse-fullCycle');
    await expect(other.locator('[data-verdict]')).toHaveText(verdict ?? '');
    await expect(other.locator('[data-status]')).toHaveText('Up to date');
    await expect(other.locator('[data-link-notice]')).toBeHidden();
  });

  test('a tampered question opens on the default question and says so; the rest of the link is used', async ({ page }) => {
    await open(page, 'calculator/');
    await page.getByLabel(/^Target opportunities per month/).fill('30');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('all');
    const tampered = new URL(page.url());
    tampered.searchParams.set('q', 'agency-or-<b>');
    await page.goto(tampered.toString());
    await expect(page.getByLabel('Your question')).toHaveValue('all');
    await expect(page.getByLabel(/^Target opportunities per month/)).toHaveValue('30');
    await expect(page.locator('[data-link-notice]')).toContainText('Your question (q): expected one of all, inHouse-outsourced');
    await expect(page.locator('[data-link-notice]')).toContainText('Using the default question, “Which is cheapest? (all four)”.');
  });
});

test.describe('a 1280 px desktop', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the results column scrolls with the page, and every figure of the table is shown whole', async ({ page }) => {
    await open(page, 'calculator/');
    const results = page.locator('[data-results]');
    await expect(results).toBeVisible();
    expect(await results.evaluate((el) => el.scrollHeight - el.clientHeight)).toBe(0);
    // No figure is cut off at the column's edge: the table fits the column without scrolling sideways.
    const wrap = page.locator('[data-results] .calc__table-wrap');
    expect(await wrap.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
    const cut = await page.evaluate(() => {
      const box = document.querySelector('[data-results] .calc__table-wrap')?.getBoundingClientRect();
      return [...document.querySelectorAll('[data-cell] [data-text]')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return !box || r.left < box.left || r.right > box.right;
        })
        .map((el) => el.closest('[data-cell]')?.getAttribute('data-cell'));
    });
    expect(cut).toEqual([]);
    expect(await wrappedFigures(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBe(0);
  });

  test('each confirmation appears next to the control that triggered it, in view', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page, 'calculator/');
    /** The vertical gap between a control and the line that answers it, when both are in view. */
    const gap = async (control: string, line: string) =>
      page.evaluate(
        ([c, l]) => {
          const a = document.querySelector(c ?? '')?.getBoundingClientRect();
          const b = document.querySelector(l ?? '')?.getBoundingClientRect();
          if (!a || !b || b.top < 0 || b.bottom > window.innerHeight) return Infinity;
          return b.top >= a.bottom ? b.top - a.bottom : a.top - b.bottom;
        },
        [control, line],
      );
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.locator('[data-action-status]')).toContainText('Link copied.');
    expect(await gap('[data-copy]', '[data-action-status]')).toBeLessThan(200);

    await page.getByRole('button', { name: 'Download CSV' }).click();
    await expect(page.locator('[data-action-status]')).toContainText('Downloaded pipeline-cost.csv');
    expect(await gap('[data-download-csv]', '[data-action-status]')).toBeLessThan(200);

    await page.getByLabel('Name this scenario').fill('Q3 plan');
    await page.getByRole('button', { name: 'Save in this browser' }).click();
    await expect(page.locator('[data-saved-status]')).toHaveText('Saved “Q3 plan” in this browser.');
    // The line under the action buttons does not keep an older message beside a newer one.
    await expect(page.locator('[data-action-status]')).toHaveText('');
    expect(await gap('[data-save-form] button', '[data-saved-status]')).toBeLessThan(40);
  });
});
