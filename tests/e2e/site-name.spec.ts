import { expect, open, test } from './fixtures.ts';

// On the smallest phones the header's tools leave the site's name little room: it may take two lines,
// but a word broken across them ("Prospectin / g") reads as a mistake.
for (const width of [360, 390]) {
  test(`at ${width} px the site's name wraps between its words, never inside one`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await open(page, '');
    const broken = await page.locator('.site-name span').evaluate((span) => {
      const text = span.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) return ['the name is not plain text'];
      const words = [...(text.textContent ?? '').matchAll(/\S+/g)];
      return words
        .filter((word) => {
          const range = document.createRange();
          range.setStart(text, word.index);
          range.setEnd(text, word.index + word[0].length);
          return range.getClientRects().length > 1;
        })
        .map((word) => word[0]);
    });
    expect(broken).toEqual([]);
  });
}
