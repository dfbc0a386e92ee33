import { pageTypes } from './page-types.ts';
import { expect, open, test } from './fixtures.ts';

/**
 * Breadcrumbs on a 360 px phone: a crumb too long for the line wraps after its first words, so its
 * "›" never stands alone at the end of a line.
 */

test.use({ viewport: { width: 360, height: 740 } });

test('at 360 px every breadcrumb separator stays on the line of the crumb after it', async ({ page }) => {
  let checked = 0;
  for (const [name, path] of pageTypes) {
    await open(page, path);
    const crumbs = await page.locator('.breadcrumbs li + li').evaluateAll((items) =>
      items.map((li) => {
        const crumb = li.firstElementChild;
        const first = crumb?.getClientRects()[0];
        const line = parseFloat(getComputedStyle(li).lineHeight) || 20;
        // The separator is drawn at the start of the item: the crumb must begin on the item's first line.
        return { text: crumb?.textContent ?? '', offset: first ? first.top + first.height / 2 - li.getBoundingClientRect().top : Infinity, line };
      }),
    );
    for (const crumb of crumbs) {
      expect(crumb.offset, `${name}: “${crumb.text}” starts on the line of its separator`).toBeLessThan(crumb.line);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(0);
});
