import { expect, open, test } from './fixtures.ts';
import { readChapters } from './content.ts';

for (const chapter of readChapters()) {
  test(`chapter "${chapter.id}" renders with its key takeaways and a practical element`, async ({ page }) => {
    await open(page, `chapters/${chapter.id}/`);
    await expect(page.getByRole('heading', { level: 1, name: chapter.title })).toBeVisible();
    const takeaways = page.getByRole('region', { name: 'Key takeaways' });
    await expect(takeaways).toBeVisible();
    await expect(takeaways.getByRole('listitem').first()).toBeVisible();
    // An exercise, a checklist or a talk track: something to do with what was read.
    const practical = page.locator('article').locator('.exercise, .checklist, .talk-track');
    await expect(practical.first()).toBeVisible();
    await expect(practical.first().getByRole('heading', { level: 3 })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Mark this chapter as done' })).toBeVisible();
  });
}
