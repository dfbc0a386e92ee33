import { expect, test } from './fixtures.ts';
import { readChapters, wordOnlyInOneBody } from './content.ts';

const { word, chapter } = wordOnlyInOneBody();
const other = readChapters().find((c) => c.id !== chapter.id && !c.draft)!;

// The other specs block service workers (playwright.config.ts); this one tests the worker.
test.use({ serviceWorkers: 'allow' });

test('after one visit the playbook reads and searches offline, under its own base path @subpath', async ({
  page,
  context,
  baseURL,
  homePage,
  chapterPage,
  searchPage,
}) => {
  test.slow(); // the first visit downloads the whole site for offline reading
  await homePage.goto();
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(baseURL);
  // The worker takes over the page it was installed from, so the reader is covered from the first visit.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await chapterPage.goto(other.id);
  await expect(chapterPage.heading(other.title)).toBeVisible();

  await searchPage.goto(word);
  await expect(searchPage.resultLink(chapter.title)).toBeVisible();
  await searchPage.openResultLink(chapter.title);
  await expect(chapterPage.heading(chapter.title)).toBeVisible();

  // A page that was never built is the site's own "not found" page, even offline.
  const missing = await page.goto('chapters/never-written/');
  expect(missing?.status()).toBe(404);
  await context.setOffline(false);

  // One copy per base path and build: named after both.
  const names = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('pb-offline:')));
  const base = new URL(baseURL!).pathname;
  expect(names).toHaveLength(1);
  expect(names[0]).toMatch(new RegExp(`^pb-offline:${base.replace(/\//g, '\\/')}:[0-9a-f]{16}$`));
});
