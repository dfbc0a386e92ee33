import type { Page } from '@playwright/test';
import { expect, open, test } from './fixtures.ts';
import { assessmentId, isSearchPage, pageTypes } from './page-types.ts';
import { SearchPage } from './pages/index.ts';

/** Phone (small and common), tablet and desktop widths. */
const WIDTHS = [360, 390, 768, 1280] as const;
const MIN_TARGET = 24;

/**
 * What breaks a layout on a small screen, as the reader would meet it: elements reaching past the
 * viewport's sides (anything inside a scrolling box such as a wide table is allowed: it scrolls), and
 * visible controls smaller than 24×24 CSS px (WCAG 2.2 target size; links inside a sentence are exempt,
 * as WCAG says, and a radio or checkbox counts with the label that wraps it).
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate((minTarget) => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    const describe = (el: Element) => {
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `<${el.tagName.toLowerCase()}${cls}> "${text}"`;
    };
    const scrollsOrClips = (el: Element): boolean => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      }
      return false;
    };
    const shown = (el: Element) => el.checkVisibility({ opacityProperty: false, visibilityProperty: true });
    if (document.documentElement.scrollWidth > width) problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} px wide in ${width} px`);
    for (const el of document.body.querySelectorAll('*')) {
      if (!shown(el) || el.closest('.visually-hidden, .skip-link')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if ((r.right > width + 1 || r.left < -1) && !scrollsOrClips(el))
        problems.push(`overflows (${Math.round(r.left)}…${Math.round(r.right)} of ${width}): ${describe(el)}`);
    }
    const controls = document.body.querySelectorAll('a[href], button, input, select, textarea, summary, [role="button"], [tabindex="0"]');
    for (const el of controls) {
      if (!shown(el) || el.closest('.visually-hidden, .skip-link')) continue;
      const style = getComputedStyle(el);
      if (el.tagName === 'A' && style.display === 'inline') {
        // A link in running text is exempt; a link standing alone on its line is not.
        const block = el.parentElement;
        const ownText = (el.textContent ?? '').trim();
        const blockText = (block?.textContent ?? '').trim();
        if (blockText.length > ownText.length + 2) continue;
      }
      const target = el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox') ? (el.closest('label') ?? el) : el;
      const r = target.getBoundingClientRect();
      if (r.width < minTarget - 0.5 || r.height < minTarget - 0.5) problems.push(`target ${Math.round(r.width)}×${Math.round(r.height)} px: ${describe(el)}`);
    }
    return problems;
  }, MIN_TARGET);
}

async function expectGoodLayoutAtEveryWidth(page: Page, before?: (width: number) => Promise<void>): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width < 700 ? 800 : 900 });
    if (before) await before(width);
    expect(await layoutProblems(page), `at ${width} px`).toEqual([]);
  }
}

for (const [name, path] of pageTypes) {
  test(`${name} page fits 360–1280 px with no undersized controls`, async ({ page }) => {
    await open(page, path);
    if (isSearchPage(path)) await expect(new SearchPage(page).results.first()).toBeVisible({ timeout: 15_000 });
    await expectGoodLayoutAtEveryWidth(page);
  });
}

test('the open menu fits phone and tablet widths', async ({ page, siteHeader }) => {
  test.setTimeout(60_000);
  await open(page, pageTypes.find(([n]) => n === 'chapter')![1]);
  for (const width of WIDTHS.filter((w) => w < 1024)) {
    await page.setViewportSize({ width, height: 800 });
    await siteHeader.openMenu();
    await expect(siteHeader.siteNav).toBeVisible();
    expect(await layoutProblems(page), `menu open at ${width} px`).toEqual([]);
  }
});

test('the search panel with results and filters fits every width', async ({ page, siteHeader, headerSearch }) => {
  test.setTimeout(90_000);
  await open(page, pageTypes.find(([n]) => n === 'glossary')![1]);
  const { panel } = headerSearch;
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    if (await siteHeader.searchOpener.isVisible()) await siteHeader.searchOpener.click();
    await headerSearch.search('prospecting');
    await expect(headerSearch.results.first()).toBeVisible({ timeout: 15_000 });
    // The whole panel, its filters and its first result are on screen.
    const r = (await panel.boundingBox())!;
    expect(r.x, `panel's left edge at ${width} px`).toBeGreaterThanOrEqual(0);
    expect(r.x + r.width, `panel's right edge at ${width} px`).toBeLessThanOrEqual(width);
    await expect(headerSearch.sectionFilter).toBeInViewport();
    expect(await layoutProblems(page), `search open at ${width} px`).toEqual([]);
    await page.keyboard.press('Escape');
  }
});

test('an assessment in progress fits every width', async ({ page, assessmentPage }) => {
  test.skip(!assessmentId, 'the content under test has no assessment');
  await assessmentPage.goto(assessmentId!, '', { ready: false });
  await page.getByRole('radio').first().check();
  await expect(assessmentPage.progressBar).toBeVisible();
  await expectGoodLayoutAtEveryWidth(page);
});
