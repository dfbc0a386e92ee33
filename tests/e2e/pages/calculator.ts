import type { Locator, Page } from '@playwright/test';
import { open } from './site.ts';

/** A pattern matching exactly `text`. */
const exactly = (text: string): RegExp => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/**
 * The pipeline cost calculator, as far as the specs other than calculator.spec.ts need it: the notice
 * about a share link it could not read, the shared inputs and the "results are out of date" notice,
 * and the input groups, which on a phone are disclosures that start closed.
 */
export class CalculatorPage {
  /** What the page says about values of a share link it could not use. */
  readonly linkNotice: Locator;
  /** The notice that the results wait for the inputs marked as wrong. */
  readonly staleNotice: Locator;
  readonly sharedInputs: Locator;
  /** The status line over the answer ("Up to date", "Out of date: …"). */
  readonly status: Locator;
  /** The "How sure are you?" block (closed until opened). */
  readonly spreads: Locator;

  constructor(readonly page: Page) {
    this.linkNotice = page.locator('[data-link-notice]');
    this.staleNotice = page.locator('[data-stale]');
    this.sharedInputs = page.getByRole('group', { name: 'Shared inputs' });
    this.status = page.locator('[data-status]');
    this.spreads = page.locator('[data-spreads]');
  }

  /** Opens the calculator, with a share link's query (`?…`) when given. */
  async goto(query = ''): Promise<void> {
    await open(this.page, `calculator/${query}`);
  }

  /** The message beside the shared input `field` (its error, once it has one). */
  sharedFieldMessage(field: string): Locator {
    return this.page.locator(`#e-shared-${field}`);
  }

  /** The disclosure around an input group, by the group's name ("Shared inputs", "In-house SDRs"…). */
  groupBox(name: string): Locator {
    return this.page.locator('details[data-group-box]').filter({ has: this.page.locator(':scope > fieldset > legend', { hasText: exactly(name) }) });
  }

  /** The summary that opens and closes an input group on a phone: the group's name and the digest of its values. */
  groupToggle(name: string): Locator {
    return this.groupBox(name).locator(':scope > summary');
  }

  /** Waits until the input groups are set for the screen (closed on a phone, open from a tablet up): on a phone their script loads on its own. */
  async groupsReady(): Promise<void> {
    await this.page.locator('pb-calculator[data-groups]').waitFor({ state: 'attached' });
  }

  /** The inputs of a group, opened first when it is closed (on a phone). */
  async openGroup(name: string): Promise<Locator> {
    await this.groupsReady();
    const box = this.groupBox(name);
    if (!(await box.evaluate((el) => (el as HTMLDetailsElement).open))) await this.groupToggle(name).click();
    return this.page.getByRole('group', { name, exact: true });
  }

  /** An input of a group, by its label, with the group opened first. */
  async field(group: string, label: RegExp): Promise<Locator> {
    return (await this.openGroup(group)).getByLabel(label);
  }

  /** Opens "How sure are you?" and the group of spreads named `group`; returns that group's spread inputs. */
  async openSpreads(group: string): Promise<Locator> {
    await this.groupsReady();
    if (!(await this.spreads.evaluate((el) => (el as HTMLDetailsElement).open))) await this.spreads.locator(':scope > summary').click();
    const box = this.spreads
      .locator('details[data-spread-group-box]')
      .filter({ has: this.page.locator(':scope > fieldset > legend', { hasText: exactly(group) }) });
    if (!(await box.evaluate((el) => (el as HTMLDetailsElement).open))) await box.locator(':scope > summary').click();
    return box.getByRole('group', { name: group, exact: true });
  }
}
