import type { Locator, Page } from '@playwright/test';
import { open } from './site.ts';

/**
 * The pipeline cost calculator, as far as the specs other than calculator.spec.ts need it: the notice
 * about a share link it could not read, the shared inputs and the "results are out of date" notice.
 */
export class CalculatorPage {
  /** What the page says about values of a share link it could not use. */
  readonly linkNotice: Locator;
  /** The notice that the results wait for the inputs marked as wrong. */
  readonly staleNotice: Locator;
  readonly sharedInputs: Locator;

  constructor(readonly page: Page) {
    this.linkNotice = page.locator('[data-link-notice]');
    this.staleNotice = page.locator('[data-stale]');
    this.sharedInputs = page.getByRole('group', { name: 'Shared inputs' });
  }

  /** Opens the calculator, with a share link's query (`?…`) when given. */
  async goto(query = ''): Promise<void> {
    await open(this.page, `calculator/${query}`);
  }

  /** The message beside the shared input `field` (its error, once it has one). */
  sharedFieldMessage(field: string): Locator {
    return this.page.locator(`#e-shared-${field}`);
  }
}
