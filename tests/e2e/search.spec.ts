import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, test } from './fixtures.ts';
import { contentRoot, wordOnlyInOneBody } from './content.ts';

const { word, chapter } = wordOnlyInOneBody();

test(`search finds a chapter by a word only its body contains ("${word}") @subpath`, async ({ page, glossaryPage, siteHeader, headerSearch, chapterPage }) => {
  await glossaryPage.goto();
  await page.keyboard.press('/');
  await expect(siteHeader.searchBox).toBeFocused();
  await headerSearch.search(word);
  await expect(headerSearch.results.first()).toBeVisible();
  await expect(headerSearch.resultLink(chapter.title)).toBeVisible();
  await expect(headerSearch.results.locator('mark').first()).toBeVisible();
  await headerSearch.openResultLink(chapter.title);
  await expect(chapterPage.heading(chapter.title)).toBeVisible();
});

test('the search page filters by audience and section, and reads the query from the address', async ({ searchPage }) => {
  await searchPage.goto(word);
  await expect(searchPage.resultLink(chapter.title)).toBeVisible();
  await searchPage.filterBySection('Glossary');
  await expect(searchPage.status).toContainText('No results');
});

test('reading pages load no search code until the search box is used', async ({ page, chapterPage, siteHeader }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await chapterPage.goto(chapter.id);
  await page.waitForLoadState('networkidle');
  expect(requested.filter((u) => u.includes('/pagefind/'))).toEqual([]);
  await siteHeader.searchBox.focus();
  await expect.poll(() => requested.some((u) => u.includes('/pagefind/pagefind.js'))).toBe(true);
});

test('Escape closes the results and returns to the box', async ({ page, chapterPage, headerSearch }) => {
  await chapterPage.goto(chapter.id);
  await headerSearch.search(word);
  await expect(headerSearch.panel.getByRole('link', { name: chapter.title })).toBeVisible();
  await headerSearch.box.press('ArrowDown');
  await expect(headerSearch.panel.getByRole('link').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(headerSearch.panel).toBeHidden();
  await expect(headerSearch.box).toBeFocused();
});

test('the header’s section filter is filled from the index when search is first used', async ({ chapterPage, headerSearch }) => {
  await chapterPage.goto(chapter.id);
  await headerSearch.search(word);
  await expect(headerSearch.sectionFilter.locator('option', { hasText: 'Glossary' })).toHaveCount(1);
  await headerSearch.filterBySection('Glossary');
  await expect(headerSearch.status).toContainText('No results');
});

const hasTerm = (id: string) => existsSync(join(contentRoot, 'glossary', `${id}.yaml`));
const TERM = 'voicemail';
const termTitle = hasTerm(TERM) ? String((parse(readFileSync(join(contentRoot, 'glossary', `${TERM}.yaml`), 'utf8')) as { term: string }).term) : '';

test('a word found nowhere is said so before the related results for similar words @subpath', async ({ searchPage }) => {
  test.skip(!hasTerm(TERM), `the content has no "${TERM}" term`);
  // Pagefind reduces "voicemailing" to "voicemail" and reports those pages; none contains "voicemailing".
  await searchPage.goto(`${TERM}ing`);
  await expect(searchPage.status).toHaveText(/^No page contains “voicemailing”\. \d+ related results? for similar words such as “voicemail”/, {
    timeout: 20_000,
  });
  await expect(searchPage.results.first()).toContainText('similar word');
});

test('a glossary result opens its term, not the top of the glossary; the exact word counts as a result @subpath', async ({
  page,
  searchPage,
  glossaryPage,
}) => {
  test.skip(!hasTerm(TERM), `the content has no "${TERM}" term`);
  await searchPage.goto(TERM);
  await expect(searchPage.status).toHaveText(/^\d+ results? for “voicemail”/, { timeout: 20_000 });
  await expect(searchPage.results.filter({ hasText: 'similar word' })).toHaveCount(0);
  const glossary = searchPage.resultsBadged('Glossary').getByRole('link');
  await expect(glossary).toHaveAttribute('href', new RegExp(`glossary/#${TERM}$`));
  await glossary.click();
  await expect(page).toHaveURL(new RegExp(`glossary/#${TERM}$`));
  const term = glossaryPage.term(TERM);
  await expect(term).toContainText(termTitle);
  await expect(term).toBeInViewport();
});
