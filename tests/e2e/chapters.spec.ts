import { expect, test } from './fixtures.ts';
import { readChapters } from './content.ts';

for (const chapter of readChapters()) {
  test(`chapter "${chapter.id}" renders with its key takeaways and a practical element`, async ({ chapterPage }) => {
    await chapterPage.goto(chapter.id);
    await expect(chapterPage.heading(chapter.title)).toBeVisible();
    const takeaways = chapterPage.keyTakeaways;
    await expect(takeaways).toBeVisible();
    await expect(takeaways.getByRole('listitem').first()).toBeVisible();
    // An exercise, a checklist or a talk track: something to do with what was read.
    const { practical } = chapterPage;
    await expect(practical.first()).toBeVisible();
    await expect(practical.first().getByRole('heading', { level: 3 })).toBeVisible();
    await expect(chapterPage.doneBox).toBeVisible();
  });
}
