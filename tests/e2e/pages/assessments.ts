import { readFileSync } from 'node:fs';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { open } from './site.ts';

/** A file as a test hands it to a file input. */
export interface FileToAdd {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A self-assessment page: the questionnaire, the result, sharing and history. */
export class AssessmentPage {
  readonly form: Locator;
  readonly questions: Locator;
  readonly submitButton: Locator;
  readonly resultHeading: Locator;
  readonly sharedHeading: Locator;
  /** The result and everything under it (hidden until there is one). */
  readonly results: Locator;
  readonly overall: Locator;
  readonly band: Locator;
  readonly recommendationLead: Locator;
  readonly reasonsFor: Locator;
  readonly readNext: Locator;
  readonly gaps: Locator;
  readonly strengths: Locator;
  /** The "favours …" note beside each reviewed answer. */
  readonly reviewPoints: Locator;
  readonly history: Locator;
  /** When each past result was taken. */
  readonly historyTimes: Locator;
  readonly historyHeading: Locator;
  /** The banner of a shared result: who took it, read-only. */
  readonly sharedBanner: Locator;
  /** What the page says about saved answers ("could not be read", "cannot be saved"). */
  readonly notice: Locator;
  /** The answered-so-far bar, shown once a question is answered. */
  readonly progressBar: Locator;
  readonly nameField: Locator;
  readonly retakeButton: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Questions' });
    this.questions = page.getByRole('group', { name: /^Question \d+ of/ });
    this.submitButton = page.getByRole('button', { name: 'See my result' });
    this.resultHeading = page.getByRole('heading', { level: 2, name: 'Your result' });
    this.sharedHeading = page.getByRole('heading', { level: 2, name: 'Shared result' });
    const root = page.locator('pb-assessment');
    this.results = root.locator('[data-results]');
    this.overall = this.results.locator('[data-overall]');
    this.band = this.results.locator('[data-band-label]');
    this.recommendationLead = this.results.locator('[data-recommendation-lead]');
    this.reasonsFor = this.results.locator('[data-reasons-for]');
    this.readNext = this.results.locator('[data-read-next] a');
    this.gaps = this.results.locator('[data-gaps]');
    this.strengths = this.results.locator('[data-strengths]');
    this.reviewPoints = this.results.locator('[data-review] [data-points]');
    const historyList = root.locator('[data-history-list]');
    this.history = historyList.locator('li');
    this.historyTimes = historyList.locator('time');
    this.historyHeading = page.getByRole('heading', { name: 'Your past results in this browser' });
    this.sharedBanner = this.results.locator('[data-shared]');
    this.notice = root.locator('[data-notice]');
    this.progressBar = root.locator('[data-progress]');
    this.nameField = page.getByLabel(/Your name/);
    this.retakeButton = page.getByRole('button', { name: 'Retake' });
  }

  /** Opens an assessment, with a result link's fragment when given; waits for its script unless `ready` is false. */
  async goto(id: string, link = '', { ready = !link } = {}): Promise<void> {
    await open(this.page, `assessments/${id}/${link}`);
    if (ready) await this.started();
  }

  /**
   * Waits until the assessment's code has started. It starts with the page when answers or results are
   * kept, on a link, and otherwise on the reader's first touch, key, scroll or focus: a press of Shift,
   * which changes nothing, stands for that here.
   */
  async started(): Promise<void> {
    const started = () => this.page.locator('pb-assessment[data-started]').count();
    if ((await started()) === 0) await this.page.keyboard.press('Shift');
    await this.page.locator('pb-assessment[data-started]').waitFor({ state: 'attached' });
  }

  /** Question `n` (1-based) of `total`. */
  question(n: number, total?: number): Locator {
    return this.page.getByRole('group', { name: new RegExp(`^Question ${n} of ${total ?? '\\d+'}\\b`) });
  }

  /** "n of total answered". */
  answered(n: number, total: number): Locator {
    return this.page.getByText(`${n} of ${total} answered`);
  }

  /** Answers questions `from`..`to` (1-based, inclusive) with the option at each index, by clicking. */
  async answer(indices: readonly number[], from = 1, to = indices.length): Promise<void> {
    for (let n = from; n <= to; n++)
      await this.question(n)
        .getByRole('radio')
        .nth(indices[n - 1]!)
        .check();
  }

  /** Answers every question with its first (or last) option. */
  async answerAll(pick: 'first' | 'last' = 'first'): Promise<void> {
    const count = await this.questions.count();
    for (let i = 0; i < count; i++) await this.questions.nth(i).getByRole('radio')[pick]().check();
  }

  /** Checks the options with these exact labels. */
  async answerByLabel(labels: readonly string[]): Promise<void> {
    for (const label of labels) await this.page.getByRole('radio', { name: label, exact: true }).check();
  }

  /** Asks for the result. */
  async submit(): Promise<void> {
    await this.submitButton.click();
  }

  /** Answers with `indices`, asks for the result and waits until it has focus. */
  async finish(indices: readonly number[]): Promise<void> {
    await this.answer(indices);
    await this.submit();
    await expect(this.resultHeading).toBeFocused();
  }

  /** A score bar of the result, by its area's (or option's) name. */
  meter(name?: string): Locator {
    return this.results.getByRole('meter', name === undefined ? {} : { name });
  }

  /** Makes a result link (with a name when given) and returns it. */
  async copyResultLink(name?: string): Promise<string> {
    if (name !== undefined) await this.nameField.fill(name);
    await this.page.getByRole('button', { name: 'Copy result link' }).click();
    const link = this.page.getByRole('textbox', { name: 'Result link' });
    await expect(link).toHaveValue(/#pb-result=/);
    return link.inputValue();
  }

  /** Downloads the result as a JSON file (with a name when given). */
  async downloadResult(name?: string): Promise<Download> {
    if (name !== undefined) await this.nameField.fill(name);
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: 'Download result (JSON)' }).click()]);
    return download;
  }

  /** Downloads the result and returns it as a file to hand to a file input. */
  async resultFile(fileName: string, name?: string): Promise<FileToAdd> {
    const download = await this.downloadResult(name);
    return { name: fileName, mimeType: 'application/json', buffer: readFileSync(await download.path()) };
  }

  async retake(): Promise<void> {
    await this.retakeButton.click();
  }
}

/** The team roll-up: result files and links in, the team's scores out. */
export class TeamRollUpPage {
  readonly files: Locator;
  readonly links: Locator;
  readonly status: Locator;
  readonly summary: Locator;
  readonly people: Locator;
  readonly refused: Locator;
  readonly chapters: Locator;

  constructor(readonly page: Page) {
    this.files = page.getByLabel(/Result files/);
    this.links = page.getByLabel('Result links, one per line');
    const root = page.locator('pb-team-roll-up');
    this.status = root.getByRole('status');
    this.summary = root.locator('[data-summary]');
    this.people = root.locator('[data-people] li');
    this.refused = page.getByRole('region', { name: 'Not included' }).getByRole('listitem');
    this.chapters = root.locator('[data-chapters] li');
  }

  async goto(): Promise<void> {
    await open(this.page, 'assessments/team/');
  }

  /** Adds result files and pasted links (one per line), then shows the team's results. */
  async rollUp({ files = [], links }: { files?: FileToAdd[]; links?: string }): Promise<void> {
    if (files.length > 0) await this.files.setInputFiles(files);
    if (links !== undefined) await this.links.fill(links);
    await this.page.getByRole('button', { name: 'Show the team’s results' }).click();
  }

  /** The figures of one area's row: lowest, median, mean, highest, then the counts per range. */
  area(name: string): Locator {
    return this.page.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell');
  }
}
