import { expect, open, test } from './fixtures.ts';
import { isSearchPage, pageTypes } from './page-types.ts';
import { SearchPage } from './pages/index.ts';

/*
 * What each page type looks like, light and dark, on a phone and a desktop, compared with the
 * committed pictures in screenshots.spec.ts-snapshots/. After a deliberate change of design or
 * content, look at the new pictures and update them with: npm run test:screenshots:update
 */
const SHOWN = ['home', 'playbook index', 'section', 'chapter', 'glossary', 'search', 'path', 'assessments index', 'assessment', 'calculator'];
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

for (const scheme of ['light', 'dark'] as const) {
  for (const viewport of VIEWPORTS) {
    test.describe(`${scheme}, ${viewport.name}`, () => {
      test.use({ colorScheme: scheme, viewport: { width: viewport.width, height: viewport.height } });
      for (const [name, path] of pageTypes.filter(([n]) => SHOWN.includes(n))) {
        test(`${name} looks as designed`, async ({ page }) => {
          await open(page, path);
          if (isSearchPage(path)) await expect(new SearchPage(page).results.first()).toBeVisible({ timeout: 15_000 });
          await page.evaluate(() => document.fonts.ready);
          await expect(page).toHaveScreenshot(`${name.replace(/\s+/g, '-')}-${scheme}-${viewport.name}.png`, {
            animations: 'disabled',
            caret: 'hide',
            // Anything that shows the date or time of a visit.
            mask: [page.locator('time, [data-taken], [data-dynamic]')],
            // Anti-aliasing differs a little between runs; a real change moves far more than 1% of the pixels.
            maxDiffPixelRatio: 0.01,
            // A full desktop page can take seconds to capture on a busy machine.
            timeout: 30_000,
          });
        });
      }
    });
  }
}
