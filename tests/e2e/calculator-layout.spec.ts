import type { Page } from '@playwright/test';
import { expect, open, test } from './fixtures.ts';

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

    test('every figure of the results stays on one line, and the page does not scroll sideways', async ({ page }) => {
      await open(page, 'calculator/');
      const figures = page.locator('[data-cell] [data-text]');
      await expect(figures.first()).toBeVisible();
      expect(await figures.count()).toBeGreaterThanOrEqual(32);
      expect(await wrappedFigures(page)).toEqual([]);
      expect(await sidewaysOverflow(page)).toBe(0);
      // Larger numbers (a bigger target) still fit: the totals grow by a digit.
      await page.getByLabel(/^Target opportunities per month/).fill('400');
      await expect(page.locator('[data-cell="totalCost:inHouse"] [data-text]')).toHaveText(/\d{1,3},\d{3},\d{3}/);
      expect(await wrappedFigures(page)).toEqual([]);
      expect(await sidewaysOverflow(page)).toBe(0);
    });
  });
}
