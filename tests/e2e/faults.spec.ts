/**
 * The fault suite: the browser refusing storage, storage full, damaged stored data, two tabs, old
 * exports, content at its limits. Each test injects the fault and checks what the reader sees and that
 * nothing they did is lost or misreported.
 */
import type { Page } from '@playwright/test';
import { expect, open, test } from './fixtures.ts';
import { readChapters } from './content.ts';

const chapter = readChapters()[0]!;
const ASSESSMENT = 'prospecting-habits';
const sharedNotice = (page: Page) => page.locator('[data-storage-notice]');
const doneBox = (page: Page) => page.getByRole('checkbox', { name: 'Mark this chapter as done' });

/** Answers every question of the open assessment with its first option. */
async function answerAll(page: Page): Promise<void> {
  const groups = page.getByRole('group', { name: /^Question \d+ of/ });
  const count = await groups.count();
  for (let i = 0; i < count; i++) await groups.nth(i).getByRole('radio').first().check();
}

const faults = {
  /** Site data blocked: reading `localStorage` throws, as in Chromium with cookies blocked. */
  blocked: () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  },
  /** Firefox with storage disabled: `localStorage` is null. */
  null: () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      value: null,
    });
  },
} as const;

for (const [name, fault] of Object.entries(faults)) {
  test.describe(`storage ${name}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript(fault);
    });

    test('every page says nothing is saved, and chapters and assessments keep working for the visit', async ({ page }) => {
      test.setTimeout(90_000);
      await open(page, `chapters/${chapter.id}/`);
      await expect(sharedNotice(page)).toBeVisible();
      await expect(sharedNotice(page)).toContainText('not letting this site save anything');
      // Ticking cannot be kept: the box says so rather than pretending.
      await doneBox(page)
        .check({ force: true })
        .catch(() => undefined);
      await expect(doneBox(page)).not.toBeChecked();
      await expect(page.locator('[data-progress-notice]')).toContainText('could not be saved');

      await open(page, `assessments/${ASSESSMENT}/`);
      await expect(sharedNotice(page)).toBeVisible();
      const submit = page.getByRole('button', { name: 'See my result' });
      await expect(submit).toBeEnabled();
      await answerAll(page);
      await submit.click();
      await expect(page.getByRole('heading', { level: 2, name: 'Your result' })).toBeVisible();
      await expect(page.locator('[data-notice]').first()).toContainText('cannot be saved');
    });
  });
}

test.describe('storage full', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
  });

  test('"done" is not left ticked when nothing was saved, and the page says why', async ({ page }) => {
    await open(page, `chapters/${chapter.id}/`);
    await expect(sharedNotice(page)).toContainText('storage for this site is full');
    await doneBox(page).click();
    await expect(doneBox(page)).not.toBeChecked();
    await expect(page.locator('[data-progress-notice]')).toContainText('could not be saved');
  });
});

test('with storage working, no storage notice is shown and "done" is kept', async ({ page }) => {
  await open(page, `chapters/${chapter.id}/`);
  await doneBox(page).check();
  await page.reload();
  await expect(doneBox(page)).toBeChecked();
  await expect(sharedNotice(page)).toBeHidden();
});
