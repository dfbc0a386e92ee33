import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { createResult, encodeResultLink } from '../../src/features/assessments/result-format.ts';
import { parseAssessmentFile } from '../../src/loaders/assessment-file.ts';
import { contentRoot, readChapters } from './content.ts';
import { expect, open, test } from './fixtures.ts';
import { assessmentId, pageTypes } from './page-types.ts';

const siteName = String((parse(readFileSync(join(contentRoot, 'site.yaml'), 'utf8')) as Record<string, unknown>)['name']);

/** A result link for the first assessment, every question answered with its first option. */
function sharedResultPath(): string | undefined {
  if (!assessmentId) return undefined;
  const file = `${assessmentId}.yaml`;
  const parsed = parseAssessmentFile(file, readFileSync(join(contentRoot, 'assessments', file), 'utf8'));
  if (!parsed.ok) return undefined;
  const answers = Object.fromEntries(parsed.value.questions.map((q) => [q.id, 0]));
  const link = encodeResultLink(createResult(parsed.value, answers, { takenAt: new Date('2025-03-04T09:30:00Z'), name: 'Ana' }));
  return `assessments/${assessmentId}/${link}`;
}

const shared = sharedResultPath();
const pages: readonly (readonly [string, string])[] = [
  ...pageTypes,
  ['certificate', `${pageTypes.find(([name]) => name === 'path')![1]}certificate/`],
  // After another page: from the assessment page itself, only the address's fragment would change.
  ...(shared ? [['shared assessment result', shared] as const] : []),
];

/** What a printed page shows, read in one pass over the page laid out for print. */
interface Printed {
  /** The text of the first visible main heading (or the certificate's title), if any. */
  title: string | null;
  /** The visible site name above it, if any. */
  site: string | null;
  /** Words in the visible main content. */
  words: number;
  /**
   * What spoils it: controls that do nothing on paper (site navigation and header tools, search, buttons,
   * fields and file pickers; the calculator memo and sortable table headings keep theirs), anything fixed or
   * sticky that would sit over the text, and dark surfaces or pale text (a reader in the dark theme still
   * gets black on white).
   */
  problems: string[];
}

async function printed(page: Page): Promise<Printed> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const shown = (el: Element) => el.checkVisibility({ visibilityProperty: true });
    const describe = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `<${el.tagName.toLowerCase()}${cls}> "${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
    };
    // Relative luminance of a computed colour, with its alpha; null when the format is not one of Chromium's.
    const luminance = (value: string): { l: number; a: number } | null => {
      const m =
        /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(value) ?? /^color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)$/.exec(value);
      if (!m) return null;
      const scale = value.startsWith('color(') ? 1 : 255;
      const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
        const v = Number(c) / scale;
        return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return { l: 0.2126 * r + 0.7152 * g + 0.0722 * b, a: m[4] === undefined ? 1 : Number(m[4]) };
    };
    for (const selector of [
      '.site-nav',
      '.site-header__tools',
      '.menu',
      '.search-open',
      '.back-to-top',
      '.skip-link',
      'form[role="search"]',
      'input[type="file"]',
    ]) {
      for (const el of document.querySelectorAll(selector)) if (shown(el)) problems.push(`shown on paper: ${selector} ${describe(el)}`);
    }
    // Boxes to tick by pen stay; buttons and fields to type or choose in do nothing on paper.
    for (const el of document.querySelectorAll('button, input:not([type="checkbox"], [type="radio"]), select, textarea')) {
      if (shown(el) && !el.closest('th, .calc')) problems.push(`a control on paper: ${describe(el)}`);
    }
    for (const el of document.body.querySelectorAll('*')) {
      if (!shown(el)) continue;
      const style = getComputedStyle(el);
      if (style.position === 'fixed' || style.position === 'sticky') problems.push(`${style.position} on paper: ${describe(el)}`);
      const bg = luminance(style.backgroundColor);
      if (!bg) problems.push(`unreadable background colour ${style.backgroundColor}: ${describe(el)}`);
      else if (bg.a > 0.3 && bg.l < 0.4) problems.push(`dark background ${style.backgroundColor}: ${describe(el)}`);
    }
    const text = luminance(getComputedStyle(document.body).color);
    if (!text || text.l > 0.05) problems.push(`body text is not dark: ${getComputedStyle(document.body).color}`);
    const title = [...document.querySelectorAll('main h1, main .certificate h2')].find(shown);
    // The path booklet's cover carries the name itself.
    const site = [...document.querySelectorAll('.print-masthead, .booklet__site')].find(shown);
    const main = document.querySelector('main');
    return {
      title: title?.textContent?.trim() ?? null,
      site: site ? (site.textContent ?? '').trim() : null,
      words: main ? main.innerText.split(/\s+/).filter(Boolean).length : 0,
      problems,
    };
  });
}

test.describe('printing', () => {
  // The dark scheme is the harder case: every rule that keeps dark surfaces off paper is exercised.
  test.use({ colorScheme: 'dark' });

  test('every page type prints its title and content under the site name, without chrome, controls or dark surfaces, whichever theme', async ({ page }) => {
    // One page for every type keeps this test to a few seconds; each failure names its page.
    test.setTimeout(60_000);
    await page.emulateMedia({ media: 'print' });
    for (const [name, path] of pages) {
      await open(page, path);
      // Search results arrive after the page has loaded; the printed page is the one with them.
      if (name === 'search') await expect(page.locator('.search-results li').first()).toBeVisible();
      const paper = await printed(page);
      expect.soft(paper.title, `${name}: the page title`).toBeTruthy();
      expect.soft(paper.site, `${name}: the site name`).toBe(siteName);
      expect.soft(paper.words, `${name}: words printed in the main content`).toBeGreaterThan(15);
      expect.soft(paper.problems, `${name}: print problems`).toEqual([]);
    }

    // A theme chosen in the site (not the system's) prints in light colours too.
    await page.evaluate(() => localStorage.setItem('pb-theme', 'dark'));
    await open(page, `chapters/${readChapters()[0]!.id}/`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect((await printed(page)).problems).toEqual([]);

    // A link to another site is followed by its address; a link inside the playbook is not.
    const after = await page
      .locator('.prose')
      .first()
      .evaluate((prose) => {
        const external = prose.appendChild(document.createElement('a'));
        external.href = 'https://example.org/pipeline';
        external.textContent = 'a source';
        const internal = prose.appendChild(document.createElement('a'));
        internal.href = '../other/';
        internal.textContent = 'another chapter';
        return [getComputedStyle(external, '::after').content, getComputedStyle(internal, '::after').content];
      });
    expect(after).toEqual(['" (https://example.org/pipeline)"', 'none']);
  });

  test('a chapter and the calculator memo fit a sane number of A4 and Letter pages', async ({ page }) => {
    test.setTimeout(60_000);
    // Measured with the default content on A4 / Letter: the first chapter 3 / 3, the calculator memo 2 / 2.
    // The bounds leave room for content edits; past them, print has likely broken (chrome or controls back
    // on paper, a page per element, or a layout that no longer fits the paper).
    const bounds = [
      ['chapter', `chapters/${readChapters()[0]!.id}/`, 6],
      ['calculator', 'calculator/', 3],
    ] as const;
    for (const [name, path, max] of bounds) {
      await open(page, path);
      for (const format of ['A4', 'Letter'] as const) {
        const pdf = await page.pdf({ format });
        const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
        expect.soft(pages, `${name} on ${format}`).toBeGreaterThanOrEqual(1);
        expect.soft(pages, `${name} on ${format}`).toBeLessThanOrEqual(max);
      }
    }
  });
});
