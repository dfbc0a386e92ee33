import type { Download, Locator, Page } from '@playwright/test';
import type { FileToAdd } from './assessments.ts';
import { open } from './site.ts';

/** Clicks `button` and resolves to the download it starts. */
async function downloadFrom(page: Page, button: Locator): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return download;
}

/** The progress page: chapters done, import and export, reset, the readiness file and today's review. */
export class ProgressPage {
  readonly heading: Locator;
  readonly chaptersDone: Locator;
  readonly importInput: Locator;
  /** What the page says after an import ("Imported …", "… is not a progress file …"). */
  readonly transferStatus: Locator;
  readonly continueLink: Locator;
  /** The "continue where you left off" block, hidden when there is nowhere to continue. */
  readonly continueBlock: Locator;
  readonly resetDialog: Locator;
  readonly readinessName: Locator;
  readonly todayReview: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Your progress' });
    this.chaptersDone = page.getByRole('region', { name: 'Chapters done' });
    this.importInput = page.getByLabel('Import a progress file');
    this.transferStatus = page.locator('[data-transfer-status]');
    this.continueLink = page.getByRole('link', { name: /^Continue where you left off/ });
    this.continueBlock = page.locator('[data-continue]');
    this.resetDialog = page.getByRole('dialog', { name: 'Reset all progress?' });
    this.readinessName = page.getByLabel('Your name, as your manager knows you');
    this.todayReview = page.locator('pb-today-review');
  }

  async goto(): Promise<void> {
    await open(this.page, 'progress/');
  }

  /** "n of total steps done" of the path in progress. */
  stepsDone(n: number, total: number): Locator {
    return this.page.getByText(`${n} of ${total} steps done`).first();
  }

  /** A status line of the page that mentions `text`. */
  status(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  async importFile(file: string | FileToAdd): Promise<void> {
    await this.importInput.setInputFiles(file);
  }

  async exportProgress(): Promise<Download> {
    return downloadFrom(this.page, this.page.getByRole('button', { name: 'Export progress' }));
  }

  async exportReadiness(): Promise<Download> {
    return downloadFrom(this.page, this.page.getByRole('button', { name: 'Export readiness file' }));
  }

  async downloadReminder(): Promise<Download> {
    return downloadFrom(this.page, this.page.getByRole('button', { name: 'Download a calendar reminder (.ics)' }));
  }

  /** Opens the reset dialog. */
  async askToReset(): Promise<void> {
    await this.page.getByRole('button', { name: 'Reset progress…' }).click();
  }
}

/** An onboarding path: its steps, each with a "done" box, and how many are done. */
export class PathPage {
  readonly steps: Locator;

  constructor(readonly page: Page) {
    this.steps = page.locator('.path-step');
  }

  async goto(id: string): Promise<void> {
    await open(this.page, `paths/${id}/`);
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title });
  }

  /** The "done" box of the step titled `title`. */
  doneBox(title: string): Locator {
    return this.page.getByRole('checkbox', { name: `Done: ${title}` });
  }

  /** The "done" box of step `n` (1-based). */
  stepDoneBox(n: number): Locator {
    return this.page.locator(`#step-${n}`).getByRole('checkbox');
  }

  /** "n of total steps done". */
  stepsDone(n: number, total: number): Locator {
    return this.page.getByText(`${n} of ${total} steps done`).first();
  }

  progressBar(title: string): Locator {
    return this.page.getByRole('progressbar', { name: `Steps done: ${title}` });
  }

  async markDone(title: string): Promise<void> {
    await this.doneBox(title).check();
  }

  /** Follows the first step's link. */
  async openFirstStep(): Promise<void> {
    await this.steps.first().getByRole('link').click();
  }
}

/** A path's certificate page. */
export class CertificatePage {
  readonly nameField: Locator;

  constructor(readonly page: Page) {
    this.nameField = page.getByLabel('Your name, as it should appear on the certificate');
  }

  async goto(pathId: string): Promise<void> {
    await open(this.page, `paths/${pathId}/certificate/`);
  }

  async saveName(name?: string): Promise<void> {
    if (name !== undefined) await this.nameField.fill(name);
    await this.page.getByRole('button', { name: 'Save name' }).click();
  }

  certificate(title: string): Locator {
    return this.page.getByRole('region', { name: title });
  }
}

/** The team readiness page: readiness files in, a table per person and a step-by-step heatmap out. */
export class ReadinessPage {
  readonly files: Locator;
  readonly people: Locator;
  readonly heatmap: Locator;
  readonly stuckDays: Locator;

  constructor(readonly page: Page) {
    this.files = page.getByLabel(/Readiness files/);
    this.people = page.getByRole('table', { name: /people/ });
    this.heatmap = page.getByRole('table', { name: 'Step by step' });
    this.stuckDays = page.getByLabel('Stuck after this many days without activity');
  }

  async goto(): Promise<void> {
    await open(this.page, 'readiness/');
  }

  /** Adds files, picks the path and shows readiness. */
  async rollUp(files: FileToAdd[], pathTitle: string): Promise<void> {
    await this.files.setInputFiles(files);
    await this.page.getByLabel('Path').selectOption({ label: pathTitle });
    await this.page.getByRole('button', { name: 'Show readiness' }).click();
  }

  /** The cells of a person's row. */
  person(name: string): Locator {
    return this.people.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell');
  }

  async downloadCsv(): Promise<Download> {
    return downloadFrom(this.page, this.page.getByRole('button', { name: 'Download the roll-up (CSV)' }));
  }
}
