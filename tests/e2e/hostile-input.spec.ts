import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createResult, encodeResultLink } from '../../src/features/assessments/result-format.ts';
import type { Assessment } from '../../src/features/assessments/schema.ts';
import { parseAssessmentFile } from '../../src/loaders/assessment-file.ts';
import { formatProblems } from '../../src/common/problems.ts';
import { contentRoot, readChapters } from './content.ts';
import { collectScripts, expect, gzippedScriptBytes, test } from './fixtures.ts';

/**
 * Hostile links, files and stored data in the browser: whatever they hold is refused or shown as text,
 * never run or rendered as markup. The parsers' own properties are in tests/unit/hostile-input.test.ts.
 * Every test also fails on a console error or a security-policy violation (fixtures.ts).
 */

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '"><script>window.__pwned=1</script>';

/** Nothing from the input ran or became an element. */
async function expectNothingInjected(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => [...document.scripts].filter((s) => `${s.src} ${s.textContent ?? ''}`.includes('__pwned')).length)).toBe(0);
}

/** The first assessment of the content under test, parsed as the site parses it. */
function firstAssessment(): Assessment | undefined {
  const dir = join(contentRoot, 'assessments');
  if (!existsSync(dir)) return undefined;
  const file = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()[0];
  if (!file) return undefined;
  const outcome = parseAssessmentFile(file, readFileSync(join(dir, file), 'utf8'));
  if (!outcome.ok) throw new Error(formatProblems(file, outcome.problems));
  return outcome.value;
}
const assessment = firstAssessment();
const firstOptions = (a: Assessment) => Object.fromEntries(a.questions.map((q) => [q.id, 0]));
const TAKEN = new Date('2025-03-04T09:30:00.000Z');

test.describe('assessment pages', () => {
  test.skip(!assessment, 'the content under test has no assessment');
  const a = assessment!;

  test('a result link with markup in the name shows the result, with the name as text', async ({ page, assessmentPage }) => {
    const link = encodeResultLink(createResult(a, firstOptions(a), { takenAt: TAKEN, name: `${IMG}${SCRIPT}` }));
    await assessmentPage.goto(a.id, link);
    await expect(assessmentPage.sharedHeading).toBeVisible();
    await expect(assessmentPage.sharedBanner).toContainText(`by ${IMG}${SCRIPT}`);
    await expectNothingInjected(page);
  });

  const refused: [string, () => string][] = [
    ['markup as the assessment id', () => encodeResultLink({ ...createResult(a, firstOptions(a), { takenAt: TAKEN }), assessment: IMG })],
    [
      'markup in every part, check code and all',
      () => `#pb-result=1&${[...'atqnc'].map((k) => `${k}=${encodeURIComponent(k === 'n' ? SCRIPT : IMG)}`).join('&')}`,
    ],
    ['raw markup', () => `#pb-result=1&a=${IMG}&n=${SCRIPT}`],
  ];
  for (const [what, link] of refused) {
    test(`a result link with ${what} is refused, and the reason is text`, async ({ page, assessmentPage }) => {
      await assessmentPage.goto(a.id, link());
      await expect(page.getByRole('alert').filter({ hasText: /result/ })).toBeVisible();
      await expect(assessmentPage.form).toBeVisible();
      await expectNothingInjected(page);
    });
  }

  test('saved answers with markup, or with a value that makes zod throw, are set aside with a notice', async ({ page, assessmentPage }) => {
    const stored = [
      `{"version":1,"answers":{${JSON.stringify(IMG)}:0},"history":[],"name":${JSON.stringify(SCRIPT)}}`,
      '{"version":1,"answers":{},"history":[],"name":{"length":{"toString":""}}}',
    ];
    for (const text of stored) {
      await assessmentPage.goto(a.id, '', { ready: false });
      await page.evaluate(([id, value]) => localStorage.setItem(`pb-assessment:${document.documentElement.dataset['base']}${id}`, value!), [a.id, text]);
      await page.reload();
      await expect(page.getByRole('status').filter({ hasText: 'could not be read' }).first()).toBeVisible();
      await expect(assessmentPage.submitButton).toBeEnabled();
      await expectNothingInjected(page);
    }
  });

  test('the team roll-up refuses pasted links full of markup, as text', async ({ page, teamRollUpPage: team }) => {
    await team.goto();
    const forged = encodeResultLink({ ...createResult(a, firstOptions(a), { takenAt: TAKEN }), assessment: IMG });
    await team.rollUp({ links: `${forged}\n${SCRIPT}\n${IMG}` });
    await expect(team.refused).toHaveCount(3);
    // Quoted as JSON text ("<img src=x onerror=\"…\">"), and shown as text.
    await expect(team.refused.first()).toContainText('<img src=x onerror=');
    await expectNothingInjected(page);
  });
});

test.describe('progress', () => {
  const chapter = readChapters()[0];

  test('an imported progress file full of markup is refused, naming it as text', async ({ page, progressPage }) => {
    await progressPage.goto();
    const at = '2026-03-01T09:30:00.000Z';
    const status = progressPage.status('is not a progress file from this playbook');
    await progressPage.importFile({
      name: `${SCRIPT}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(`{"format":"pb-progress","version":1,"chapters":{${JSON.stringify(IMG)}:"${at}"},"steps":{}}`),
    });
    await expect(status).toContainText(`“${SCRIPT}.json”`);
    await expect(status).toContainText('field "chapters.<img src=x onerror="window.__pwned=1">"');
    await expectNothingInjected(page);
    await progressPage.importFile({
      name: `${IMG}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(`{"format":"pb-progress","version":1,"chapters":{},"steps":{},"__proto__":{"polluted":1}}`),
    });
    await expect(status).toContainText(`“${IMG}.json”`);
    await expect(status).toContainText('field "__proto__": expected no such field');
    await expectNothingInjected(page);
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).toEqual({});
    expect(await page.evaluate(() => (({}) as Record<string, unknown>)['polluted'])).toBeUndefined();
  });

  test('stored progress full of markup is ignored with a notice, as text', async ({ page, chapterPage, baseURL }) => {
    test.skip(!chapter, 'the content under test has no chapters');
    const key = `pb-progress:${new URL(baseURL ?? 'http://x/').pathname}`;
    const stored = `{"format":${JSON.stringify(SCRIPT)},"version":1,"chapters":{},"steps":{}}`;
    await page.addInitScript(([k, v]) => localStorage.setItem(k!, v!), [key, stored]);
    await chapterPage.goto(chapter!.id);
    await expect(page.getByRole('status').filter({ hasText: 'The progress saved in this browser could not be read' }).first()).toContainText(SCRIPT);
    await expectNothingInjected(page);
  });
});

test('stored theme and checklist ticks that are not ours are ignored', async ({ page, chapterPage }) => {
  const withChecklist = readChapters().find((c) => c.body.includes('<Checklist'));
  test.skip(!withChecklist, 'the content under test has no chapter with a checklist');
  await chapterPage.goto(withChecklist!.id);
  const key = `pb-checklist:${new URL(page.url()).pathname}:${await chapterPage.checklistName()}`;
  const boxes = chapterPage.checklistBoxes;
  const ticked = () => boxes.evaluateAll((els) => els.flatMap((el, i) => ((el as HTMLInputElement).checked ? [i] : [])));

  await page.evaluate(
    ([k, img]) => {
      localStorage.setItem('pb-theme', img!);
      localStorage.setItem(k!, img!);
    },
    [key, IMG],
  );
  await page.reload();
  await expect(boxes.first()).toBeVisible();
  expect(await ticked()).toEqual([]);
  await expect(page.getByRole('button', { name: 'Theme: System' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBeNull();
  await expectNothingInjected(page);

  // A damaged list: only the whole, in-range positions count.
  await page.evaluate((k) => localStorage.setItem(k, `[0,"1",-1,1e400,9007199254740993,2.5,{"__proto__":1},[1]]`), key);
  await page.reload();
  await expect(boxes.first()).toBeChecked();
  expect(await ticked()).toEqual([0]);
  await expectNothingInjected(page);
});

test('a calculator share link with markup in its values and names falls back to defaults, as text', async ({ page, calculatorPage }) => {
  test.skip(!existsSync(join('src', 'pages', 'calculator', 'index.astro')), 'the calculator page is not built yet');
  const query = new URLSearchParams([
    ['currency', IMG],
    ['horizonMonths', SCRIPT],
    ['inHouse.baseSalary', '1e400'],
    [IMG, '1'],
  ]).toString();
  await calculatorPage.goto(`?${query}&shared.grossMargin=${SCRIPT}`);
  const notice = calculatorPage.linkNotice;
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(IMG);
  await expect(notice).toContainText('<script>window.__pwned=1</script>');
  await expect(notice.getByRole('listitem')).toHaveCount(5);
  await expectNothingInjected(page);
});

test.describe('zod runs without eval', () => {
  /** Records every policy violation and every script the page loads. */
  async function watch(page: Page): Promise<{ scripts: Map<string, Promise<Buffer>>; violations: () => Promise<string[]> }> {
    const scripts = collectScripts(page);
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as { __violations?: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    return { scripts, violations: () => page.evaluate(() => (window as { __violations?: string[] }).__violations ?? []) };
  }

  /** True when one of the scripts is zod (its jitless switch is in every build of it). */
  async function loadedZod(scripts: Map<string, Promise<Buffer>>): Promise<boolean> {
    for (const body of scripts.values()) if ((await body).toString('utf8').includes('jitless')) return true;
    return false;
  }

  test.skip(!assessment, 'the content under test has no assessment');
  const a = assessment!;

  test('an assessment page reads saved answers and a result link without a policy violation', async ({ page, assessmentPage }) => {
    const { scripts, violations } = await watch(page);
    await assessmentPage.goto(a.id, '', { ready: false });
    // Answering saves through the zod/mini store; a reload reads it back through the schema.
    const first = assessmentPage.question(1).getByRole('radio').first();
    await first.check();
    await page.reload();
    await expect(first).toBeChecked();
    // A result link loads the result module and parses it with zod.
    await page.goto(`assessments/${a.id}/${encodeResultLink(createResult(a, firstOptions(a), { takenAt: TAKEN, name: 'Ana' }))}`);
    await expect(assessmentPage.sharedHeading).toBeVisible();
    expect(await loadedZod(scripts)).toBe(true);
    expect(await violations()).toEqual([]);
  });

  test('the team roll-up parses result files and links without a policy violation', async ({ page, teamRollUpPage: team }) => {
    const { scripts, violations } = await watch(page);
    await team.goto();
    const result = createResult(a, firstOptions(a), { takenAt: TAKEN, name: 'Bo' });
    await team.rollUp({
      files: [{ name: 'bo.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(result)) }],
      links: encodeResultLink({ ...result, name: 'Cy' }),
    });
    await expect(team.status).toContainText('2 results read');
    expect(await loadedZod(scripts)).toBe(true);
    expect(await violations()).toEqual([]);
  });

  // 30 KB until safe storage (a notice on every page, entry-by-entry recovery) added about 2 KB.
  test('an assessment page opened with a result link loads under 34 KB of JavaScript, gzipped', async ({ page, assessmentPage }, testInfo) => {
    const { scripts } = await watch(page);
    await assessmentPage.goto(a.id, encodeResultLink(createResult(a, firstOptions(a), { takenAt: TAKEN })));
    await expect(assessmentPage.sharedHeading).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await gzippedScriptBytes(scripts, testInfo, 'assessment page with a result link')).toBeLessThan(34 * 1024);
  });
});
