import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, open, test } from './fixtures.ts';
import { contentRoot, wordOnlyInOneBody } from './content.ts';

const { word, chapter } = wordOnlyInOneBody();

test(`search finds a chapter by a word only its body contains ("${word}") @subpath`, async ({ page }) => {
  await open(page, 'glossary/');
  await page.keyboard.press('/');
  const box = page.getByRole('searchbox', { name: 'Search the playbook' }).first();
  await expect(box).toBeFocused();
  await box.fill(word);
  const results = page.locator('[data-search-results] li');
  await expect(results.first()).toBeVisible();
  await expect(results.getByRole('link', { name: chapter.title })).toBeVisible();
  await expect(results.locator('mark').first()).toBeVisible();
  await results.getByRole('link', { name: chapter.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: chapter.title })).toBeVisible();
});

test('the search page filters by audience and section, and reads the query from the address', async ({ page }) => {
  await open(page, `search/?q=${encodeURIComponent(word)}`);
  const results = page.locator('pb-search[data-variant="page"] [data-search-results] li');
  await expect(results.getByRole('link', { name: chapter.title })).toBeVisible();
  await page.getByLabel('Section').last().selectOption('Glossary');
  await expect(page.locator('pb-search[data-variant="page"] [data-search-status]')).toContainText('No results');
});

test('reading pages load no search code until the search box is used', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await open(page, `chapters/${chapter.id}/`);
  await page.waitForLoadState('networkidle');
  expect(requested.filter((u) => u.includes('/pagefind/'))).toEqual([]);
  await page.getByRole('searchbox', { name: 'Search the playbook' }).first().focus();
  await expect.poll(() => requested.some((u) => u.includes('/pagefind/pagefind.js'))).toBe(true);
});

test('Escape closes the results and returns to the box', async ({ page }) => {
  await open(page, `chapters/${chapter.id}/`);
  const box = page.getByRole('searchbox', { name: 'Search the playbook' }).first();
  await box.fill(word);
  const panel = page.locator('#search-header-panel');
  await expect(panel.getByRole('link', { name: chapter.title })).toBeVisible();
  await box.press('ArrowDown');
  await expect(panel.getByRole('link').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(box).toBeFocused();
});

test('the header’s section filter is filled from the index when search is first used', async ({ page }) => {
  await open(page, `chapters/${chapter.id}/`);
  const box = page.getByRole('searchbox', { name: 'Search the playbook' }).first();
  await box.fill(word);
  const sections = page.locator('#search-header-panel').getByLabel('Section');
  await expect(sections.locator('option', { hasText: 'Glossary' })).toHaveCount(1);
  await sections.selectOption('Glossary');
  await expect(page.locator('#search-header-panel [data-search-status]')).toContainText('No results');
});

const hasTerm = (id: string) => existsSync(join(contentRoot, 'glossary', `${id}.yaml`));
const TERM = 'voicemail';
const termTitle = hasTerm(TERM) ? String((parse(readFileSync(join(contentRoot, 'glossary', `${TERM}.yaml`), 'utf8')) as { term: string }).term) : '';

test('a word found nowhere is said so before the related results for similar words @subpath', async ({ page }) => {
  test.skip(!hasTerm(TERM), `the content has no "${TERM}" term`);
  // Pagefind reduces "voicemailing" to "voicemail" and reports those pages; none contains "voicemailing".
  await open(page, `search/?q=${TERM}ing`);
  const search = page.locator('pb-search[data-variant="page"]');
  await expect(search.locator('[data-search-status]')).toHaveText(
    /^No page contains “voicemailing”\. \d+ related results? for similar words such as “voicemail”/,
    { timeout: 20_000 },
  );
  await expect(search.locator('[data-search-results] li').first()).toContainText('similar word');
});

test('a glossary result opens its term, not the top of the glossary; the exact word counts as a result @subpath', async ({ page }) => {
  test.skip(!hasTerm(TERM), `the content has no "${TERM}" term`);
  await open(page, `search/?q=${TERM}`);
  const search = page.locator('pb-search[data-variant="page"]');
  await expect(search.locator('[data-search-status]')).toHaveText(/^\d+ results? for “voicemail”/, { timeout: 20_000 });
  await expect(search.locator('[data-search-results] li').filter({ hasText: 'similar word' })).toHaveCount(0);
  const glossary = search
    .locator('[data-search-results] li')
    .filter({ has: page.locator('.badge', { hasText: 'Glossary' }) })
    .getByRole('link');
  await expect(glossary).toHaveAttribute('href', new RegExp(`glossary/#${TERM}$`));
  await glossary.click();
  await expect(page).toHaveURL(new RegExp(`glossary/#${TERM}$`));
  const term = page.locator(`dt#${TERM}`);
  await expect(term).toContainText(termTitle);
  await expect(term).toBeInViewport();
});
