import type { Locator, Page } from '@playwright/test';
import { open } from './site.ts';

/** The home page: the reader's progress and where to continue. */
export class HomePage {
  readonly heading: Locator;
  readonly progress: Locator;
  readonly continueReading: Locator;
  readonly continuePath: Locator;
  /** Questions of knowledge checks due for review today. */
  readonly todayReview: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.progress = page.getByRole('region', { name: 'Your progress' });
    this.continueReading = page.getByRole('link', { name: /Continue where you left off/ });
    this.continuePath = page.getByRole('link', { name: /^Continue your path/ }).first();
    this.todayReview = page.locator('pb-today-review');
  }

  async goto(): Promise<void> {
    await open(this.page, '');
  }
}

/** A section's page: its title and its chapters. */
export class SectionPage {
  constructor(readonly page: Page) {}

  async goto(id: string): Promise<void> {
    await open(this.page, `sections/${id}/`);
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title });
  }

  /** Follows the link to a chapter in the page's main content. */
  async openChapter(title: string): Promise<void> {
    await this.page.getByRole('main').getByRole('link', { name: title }).first().click();
  }
}

/** A chapter page: the text, its navigation, "done", and the practical parts (checklist, worksheet, check). */
export class ChapterPage {
  readonly doneBox: Locator;
  /** What the page says about saving progress ("could not be saved", "could not be read"). */
  readonly progressNotice: Locator;
  readonly keyTakeaways: Locator;
  /** An exercise, a checklist or a talk track. */
  readonly practical: Locator;
  readonly breadcrumb: Locator;
  readonly toc: Locator;
  readonly sectionsNav: Locator;
  readonly nextLink: Locator;
  /** The first checklist's boxes. */
  readonly checklistBoxes: Locator;
  /** The first funnel worksheet. */
  readonly worksheet: Locator;
  /** The knowledge check at the end of the chapter. */
  readonly check: Locator;

  constructor(readonly page: Page) {
    this.doneBox = page.getByRole('checkbox', { name: 'Mark this chapter as done' });
    this.progressNotice = page.locator('[data-progress-notice]');
    this.keyTakeaways = page.getByRole('region', { name: 'Key takeaways' });
    this.practical = page.locator('article').locator('.exercise, .checklist, .talk-track');
    this.breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
    this.toc = page.getByRole('navigation', { name: 'On this page' });
    this.sectionsNav = page.getByRole('navigation', { name: 'Playbook sections' });
    this.nextLink = page.getByRole('navigation', { name: 'Reading order' }).getByRole('link', { name: /Next/ });
    this.checklistBoxes = this.checklist.getByRole('checkbox');
    this.worksheet = page.locator('pb-funnel-worksheet').first();
    this.check = page.locator('#check');
  }

  /** The first checklist, keyed in storage by its `data-checklist` name. */
  get checklist(): Locator {
    return this.page.locator('[data-checklist]').first();
  }

  /** The first checklist's name, which keys its ticks in storage. */
  async checklistName(): Promise<string | null> {
    return this.checklist.getAttribute('data-checklist');
  }

  /** Opens a chapter; `path` opens it as a step of that onboarding path; `file` opens its index.html address. */
  async goto(id: string, options: { path?: string; file?: boolean } = {}): Promise<void> {
    await open(this.page, `chapters/${id}/${options.file ? 'index.html' : ''}${options.path ? `?path=${options.path}` : ''}`);
  }

  heading(title?: string): Locator {
    return this.page.getByRole('heading', { level: 1, ...(title === undefined ? {} : { name: title }) });
  }

  async markDone(): Promise<void> {
    await this.doneBox.check();
  }

  async markNotDone(): Promise<void> {
    await this.doneBox.uncheck();
  }

  /** A worksheet result by its name (`dealsPerYear`, `opportunitiesPerMonth`, `attemptsPerDay`). */
  worksheetOutput(name: string): Locator {
    return this.worksheet.locator(`[data-output="${name}"]`);
  }

  /** Submits the knowledge check. */
  async submitCheck(): Promise<void> {
    await this.check.getByRole('button', { name: 'Check my answers' }).click();
  }

  /** Brings the check into view (its code loads as the reader reaches it). */
  async scrollToCheck(): Promise<void> {
    await this.check.scrollIntoViewIfNeeded();
  }
}

/** The glossary: one linkable term after another. */
export class GlossaryPage {
  constructor(readonly page: Page) {}

  /** Opens the glossary, at a term when `term` is given. */
  async goto(term?: string): Promise<void> {
    await open(this.page, `glossary/${term ? `#${term}` : ''}`);
  }

  term(id: string): Locator {
    return this.page.locator(`dt#${id}`);
  }
}
