import { expect, open, test } from './fixtures.ts';
import { readChapters, readGlossaryIds, readSections } from './content.ts';

const sections = readSections();
const chapters = readChapters();
const firstSection = sections[0]!;
const inFirst = chapters.filter((c) => c.section === firstSection.id).sort((a, b) => a.order - b.order);

test('a reader goes home → section → chapter → next chapter @subpath', async ({ page, homePage, siteHeader, sectionPage, chapterPage }) => {
  await homePage.goto();
  await siteHeader.playbookLink.click();
  await page.getByRole('link', { name: firstSection.title }).first().click();
  await expect(sectionPage.heading(firstSection.title)).toBeVisible();
  await sectionPage.openChapter(inFirst[0]!.title);
  await expect(chapterPage.heading(inFirst[0]!.title)).toBeVisible();
  await expect(chapterPage.breadcrumb).toContainText(firstSection.title);
  await chapterPage.nextLink.click();
  await expect(chapterPage.heading(inFirst[1]!.title)).toBeVisible();
  // The stylesheet and the theme file load under the base path too.
  const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent-light').trim());
  expect(accent).toMatch(/^#[0-9a-f]{6}$/);
});

test('a chapter page has a table of contents whose links land on headings', async ({ page, chapterPage }) => {
  await chapterPage.goto(inFirst[0]!.id);
  const firstEntry = chapterPage.toc.getByRole('link').first();
  const target = await firstEntry.getAttribute('href');
  await firstEntry.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator(`${target}`)).toBeInViewport();
  await expect(page.getByText(/\d+ min read/).first()).toBeVisible();
});

test('navigation lists sections and only the current section’s chapters', async ({ chapterPage }) => {
  await chapterPage.goto(inFirst[0]!.id);
  await expect(chapterPage.sectionsNav.getByRole('link')).toHaveCount(sections.length + inFirst.length);
});

test('the glossary gives each term a linkable anchor', async ({ glossaryPage }) => {
  // A term's anchor is its file's name; opening the glossary at the last term scrolls it into view.
  const id = readGlossaryIds().at(-1)!;
  await glossaryPage.goto(id);
  await expect(glossaryPage.term(id)).toBeInViewport();
});

test('an unknown address shows the not-found page with a way back', async ({ page, siteHeader }) => {
  const response = await page.goto('no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(siteHeader.mainNav).toBeVisible();
});

test('"Back to top" is offered on a page that scrolls, not on one that fits the window', async ({ page, chapterPage }) => {
  const backToTop = page.getByRole('link', { name: 'Back to top' });
  await chapterPage.goto(inFirst[0]!.id);
  await expect(backToTop).toBeVisible();
  await backToTop.click();
  await expect(chapterPage.heading(inFirst[0]!.title)).toBeInViewport();
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.goto('no-such-page/');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(backToTop).toBeHidden();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('reading works: chapters, navigation, glossary @subpath', async ({ page, homePage, siteHeader, sectionPage, chapterPage }) => {
    await homePage.goto();
    await siteHeader.playbookLink.click();
    await page.getByRole('link', { name: firstSection.title }).first().click();
    await sectionPage.openChapter(inFirst[0]!.title);
    await expect(chapterPage.heading(inFirst[0]!.title)).toBeVisible();
    await expect(page.locator('article h2').first()).toBeVisible();
    await chapterPage.nextLink.click();
    await expect(chapterPage.heading(inFirst[1]!.title)).toBeVisible();
    // Controls that need scripts stay out of the way.
    await expect(page.getByRole('button', { name: /Theme/ })).toBeHidden();
  });
});

test('the theme toggle is remembered across pages and reloads', async ({ page, homePage, glossaryPage, siteHeader }) => {
  await homePage.goto();
  const toggle = siteHeader.themeToggle;
  await expect(toggle).toHaveText('Theme: System');
  await toggle.click();
  await toggle.click();
  await expect(toggle).toHaveText('Theme: Dark');
  await expect(siteHeader.theme).toHaveAttribute('data-theme', 'dark');
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.reload();
  await expect(siteHeader.theme).toHaveAttribute('data-theme', 'dark');
  await glossaryPage.goto();
  await expect(siteHeader.theme).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(dark);
  await page.getByRole('button', { name: 'Theme: Dark' }).click();
  await expect(siteHeader.theme).not.toHaveAttribute('data-theme', /./);
});

test.describe('with the system set to dark', () => {
  test.use({ colorScheme: 'dark' });
  test('the theme chosen in the site wins over the system’s, light and dark alike', async ({ page, homePage, siteHeader }) => {
    await homePage.goto();
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const toggle = siteHeader.themeToggle;
    await expect(toggle).toHaveText('Theme: System');
    const systemDark = await background();
    await toggle.click();
    await expect(toggle).toHaveText('Theme: Light');
    await expect(siteHeader.theme).toHaveAttribute('data-theme', 'light');
    expect(await background()).not.toBe(systemDark);
    await toggle.click();
    await expect(toggle).toHaveText('Theme: Dark');
    expect(await background()).toBe(systemDark);
  });
});

test.describe('on a 360-pixel phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test('pages fit the screen without sideways scrolling', async ({ page }) => {
    for (const path of ['', `chapters/${inFirst[0]!.id}/`, 'glossary/', `sections/${firstSection.id}/`]) {
      await open(page, path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow on /${path}`).toBeLessThanOrEqual(0);
    }
  });
});

test('printing a chapter leaves out the site chrome', async ({ page, chapterPage, siteHeader }) => {
  await chapterPage.goto(inFirst[0]!.id);
  await page.emulateMedia({ media: 'print' });
  await expect(siteHeader.banner).toBeHidden();
  await expect(chapterPage.sectionsNav).toBeHidden();
  await expect(chapterPage.heading()).toBeVisible();
});
