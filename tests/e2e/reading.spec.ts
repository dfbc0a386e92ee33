import { expect, open, test } from './fixtures.ts';
import { readChapters, readSections } from './content.ts';

const sections = readSections();
const chapters = readChapters();
const firstSection = sections[0]!;
const inFirst = chapters.filter((c) => c.section === firstSection.id).sort((a, b) => a.order - b.order);

test('a reader goes home → section → chapter → next chapter @subpath', async ({ page }) => {
  await open(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Playbook' }).click();
  await page.getByRole('link', { name: firstSection.title }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: firstSection.title })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: inFirst[0]!.title }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: inFirst[0]!.title })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(firstSection.title);
  await page.getByRole('navigation', { name: 'Reading order' }).getByRole('link', { name: /Next/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: inFirst[1]!.title })).toBeVisible();
  // The stylesheet and the theme file load under the base path too.
  const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent-light').trim());
  expect(accent).toMatch(/^#[0-9a-f]{6}$/);
});

test('a chapter page has a table of contents whose links land on headings', async ({ page }) => {
  await open(page, `chapters/${inFirst[0]!.id}/`);
  const toc = page.getByRole('navigation', { name: 'On this page' });
  const firstEntry = toc.getByRole('link').first();
  const target = await firstEntry.getAttribute('href');
  await firstEntry.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator(`${target}`)).toBeInViewport();
  await expect(page.getByText(/\d+ min read/).first()).toBeVisible();
});

test('navigation lists sections and only the current section’s chapters', async ({ page }) => {
  await open(page, `chapters/${inFirst[0]!.id}/`);
  const nav = page.getByRole('navigation', { name: 'Playbook sections' });
  await expect(nav.getByRole('link')).toHaveCount(sections.length + inFirst.length);
});

test('the glossary gives each term a linkable anchor', async ({ page }) => {
  await open(page, 'glossary/');
  const first = page.locator('dl.glossary dt').first();
  const id = await first.getAttribute('id');
  await open(page);
  await page.goto(`glossary/#${id}`);
  await expect(page.locator(`#${id}`)).toBeInViewport();
});

test('an unknown address shows the not-found page with a way back', async ({ page }) => {
  const response = await page.goto('no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('reading works: chapters, navigation, glossary @subpath', async ({ page }) => {
    await open(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Playbook' }).click();
    await page.getByRole('link', { name: firstSection.title }).first().click();
    await page.getByRole('main').getByRole('link', { name: inFirst[0]!.title }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: inFirst[0]!.title })).toBeVisible();
    await expect(page.locator('article h2').first()).toBeVisible();
    await page.getByRole('navigation', { name: 'Reading order' }).getByRole('link', { name: /Next/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: inFirst[1]!.title })).toBeVisible();
    // Controls that need scripts stay out of the way.
    await expect(page.getByRole('button', { name: /Theme/ })).toBeHidden();
  });
});

test('the theme toggle is remembered across pages and reloads', async ({ page }) => {
  await open(page);
  const toggle = page.getByRole('button', { name: /Theme:/ });
  await expect(toggle).toHaveText('Theme: System');
  await toggle.click();
  await toggle.click();
  await expect(toggle).toHaveText('Theme: Dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await open(page, 'glossary/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(dark);
  await page.getByRole('button', { name: 'Theme: Dark' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
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

test('printing a chapter leaves out the site chrome', async ({ page }) => {
  await open(page, `chapters/${inFirst[0]!.id}/`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Playbook sections' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
