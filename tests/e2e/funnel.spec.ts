// The funnel worksheet in a chapter: a worked example without JavaScript, a form with it.
import { expect, test } from './fixtures.ts';
import { readChapters } from './content.ts';

const chapter = readChapters().find((c) => c.body.includes('<FunnelWorksheet'));
test.skip(!chapter, 'no chapter in the content under test places a funnel worksheet');

test('a rep types their own quota and rates and reads what a day takes @subpath', async ({ chapterPage }) => {
  await chapterPage.goto(chapter!.id);
  const sheet = chapterPage.worksheet;
  const quota = sheet.getByLabel(/^Annual quota/);
  await expect(quota).toBeVisible();
  await quota.fill('1.2m');
  await sheet.getByLabel(/^Average deal size/).fill('$40,000');
  await sheet.getByLabel(/^Win rate/).fill('25%');
  // 1,200,000 / 40,000 = 30 deals; / 0.25 / 12 = 10 opportunities a month.
  await expect(chapterPage.worksheetOutput('dealsPerYear')).toHaveText('30');
  await expect(chapterPage.worksheetOutput('opportunitiesPerMonth')).toHaveText('10');
  // Text it cannot read is explained next to the field, and the results wait for a fix.
  await sheet.getByLabel(/^Win rate/).fill('lots');
  await expect(sheet.getByText('“lots” is not a number we can read')).toBeVisible();
  await expect(sheet.getByLabel(/^Win rate/)).toHaveAttribute('aria-invalid', 'true');
  await expect(chapterPage.worksheetOutput('dealsPerYear')).toHaveText('—');
  await expect(sheet.getByRole('status')).toHaveText('Fix the figure marked above to see what it takes.');
  await sheet.getByLabel(/^Win rate/).fill('0');
  await expect(sheet.getByText('Enter a value above 0 %.')).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the worksheet is a worked example: figures and results, no dead form', async ({ chapterPage }) => {
    await chapterPage.goto(chapter!.id);
    const sheet = chapterPage.worksheet;
    await expect(sheet.getByText('A worked example with these figures:')).toBeVisible();
    await expect(sheet.locator('dl')).toContainText('Annual quota');
    await expect(sheet.getByRole('textbox')).toHaveCount(0);
    await expect(chapterPage.worksheetOutput('attemptsPerDay')).toHaveText(/^\d+$/);
  });
});
