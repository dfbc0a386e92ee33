import { expect, type Download, type Locator, type Page } from '@playwright/test';
import type { FieldPath } from '../../../src/features/calculator/fields.ts';
import type { ModelId } from '../../../src/features/calculator/model/cost-model.ts';
import { fieldId } from '../../../src/features/calculator/view/form.ts';
import type { FileToAdd } from './assessments.ts';
import { open } from './site.ts';

/** A pattern matching exactly `text`. */
const exactly = (text: string): RegExp => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** Whether a disclosure is open. */
const isOpen = (box: Locator): Promise<boolean> => box.evaluate((el) => (el as HTMLDetailsElement).open);

/** A result line of the comparison table, by its id: its label changes with the inputs ("Total cost over 36 months"). */
export type ResultRow = 'seats' | 'totalCost' | 'costPerOpportunity' | 'roi' | (string & {});

/** What a spread input says under it: how sure its value means, that it differs from the default, or its error. */
export type SpreadLine = 'hint' | 'changed' | 'error';

/**
 * The pipeline cost calculator: the answer, the inputs (groups that are disclosures on a phone), the
 * table of results with its actions and saved scenarios, the analysis with "how sure are you?", the
 * charts and the break-even.
 *
 * Locators go by role and by the names readers see. A `data-*` hook is used only for the parts that
 * have no accessible name: the verdict, its details and figures, the notices and message lines
 * (several unnamed status lines share the page), a cell of the results table (the row's label changes
 * with the inputs and cells are named by their own text), the summary bar, the print-only memo and the disclosures. The specs use none of them directly.
 */
export class CalculatorPage {
  /** The answer at the top of the page. */
  readonly answer: Locator;
  /** The status line over the answer ("Up to date", "Out of date: …"). */
  readonly status: Locator;
  /** "Your question": which options the answer compares. */
  readonly question: Locator;
  /** The answer in one sentence. */
  readonly verdict: Locator;
  /** The lines under the verdict: what each team makes against the target. */
  readonly verdictDetails: Locator;
  /** Each compared option's key figures. */
  readonly figures: Locator;
  /** The key figures of the cheapest option. */
  readonly cheapestFigure: Locator;
  /** The cheapest option's name and its cost per opportunity. */
  readonly cheapestLabel: Locator;
  readonly cheapestCost: Locator;
  /** "How sure" the answer is, in words. */
  readonly sure: Locator;
  /** Why an option could not be computed. */
  readonly errors: Locator;
  /** The notice that the results wait for the inputs marked as wrong. */
  readonly staleNotice: Locator;
  /** What the page says about values of a share link it could not use. */
  readonly linkNotice: Locator;
  /** The form of inputs ("Your numbers"). */
  readonly inputs: Locator;
  readonly sharedInputs: Locator;
  /** The bar that keeps the cheapest option in view while editing on a phone. */
  readonly summaryBar: Locator;
  /** The results column: the table, the actions and the saved scenarios. */
  readonly results: Locator;
  /** The table of results, options side by side. */
  readonly comparison: Locator;
  /** Every figure of the results table. */
  readonly tableFigures: Locator;
  readonly copyLinkButton: Locator;
  readonly downloadCsvButton: Locator;
  readonly downloadJsonButton: Locator;
  readonly resetButton: Locator;
  readonly importInput: Locator;
  /** The share link shown once copied. */
  readonly shareLink: Locator;
  /** The line under the action buttons ("Link copied.", "Downloaded …"). */
  readonly actionStatus: Locator;
  /** Why an imported file was refused. */
  readonly importProblems: Locator;
  readonly scenarioName: Locator;
  readonly saveButton: Locator;
  /** The line under the save form ("Saved “…” in this browser."). */
  readonly savedStatus: Locator;
  /** The notice that saved scenarios could not be read. */
  readonly savedNotice: Locator;
  /** "Saved scenarios side by side". */
  readonly compareSaved: Locator;
  readonly firstScenario: Locator;
  readonly secondScenario: Locator;
  readonly compareButton: Locator;
  /** The two saved scenarios compared. */
  readonly compareResult: Locator;
  /** "How sure, and what would have to be true" (busy while it follows the inputs). */
  readonly analysis: Locator;
  readonly rangeChart: Locator;
  readonly rangeTable: Locator;
  /** "What would have to be true" for each other option. */
  readonly whatIf: Locator;
  /** The "How sure are you?" block (closed until opened). */
  readonly spreads: Locator;
  /** The summary that opens "How sure are you?". */
  readonly spreadsToggle: Locator;
  /** The spread inputs. */
  readonly spreadForm: Locator;
  readonly resetSpreadsButton: Locator;
  readonly costChart: Locator;
  readonly opportunitiesChart: Locator;
  /** The option the tornado chart is drawn for. */
  readonly tornadoModel: Locator;
  /** The tornado's option in words (printed instead of the choice). */
  readonly tornadoName: Locator;
  readonly breakEvenInput: Locator;
  readonly breakEvenCompare: Locator;
  readonly breakEvenWith: Locator;
  readonly findBreakEvenButton: Locator;
  /** The break-even in words. */
  readonly breakEvenResult: Locator;
  /** The printed memo's heading lines, and its link. */
  readonly memo: Locator;
  readonly memoLink: Locator;

  /** CSS selectors of the parts that accessibility checks are scoped to. */
  readonly scopes = { analysis: '[data-analysis]', spreads: '[data-spreads]', compareSaved: '[data-sc-box]' } as const;

  constructor(readonly page: Page) {
    this.answer = page.getByRole('region', { name: 'The answer', exact: true });
    this.status = this.answer.getByRole('status');
    this.question = page.getByLabel('Your question');
    this.verdict = page.locator('[data-verdict]');
    this.verdictDetails = page.locator('[data-verdict-details]');
    this.figures = page.locator('[data-figures]');
    this.cheapestFigure = this.figures.locator('.calc__key.is-best');
    this.cheapestLabel = this.cheapestFigure.locator('.calc__key-label');
    this.cheapestCost = this.cheapestFigure.locator('.calc__key-cost');
    this.sure = page.locator('[data-sure]');
    this.errors = page.locator('[data-errors]');
    this.staleNotice = page.locator('[data-stale]');
    this.linkNotice = page.locator('[data-link-notice]');
    this.inputs = page.getByRole('form', { name: 'Your numbers' });
    this.sharedInputs = this.group('Shared inputs');
    this.summaryBar = page.locator('[data-bar]');
    this.results = page.getByRole('region', { name: 'The numbers side by side', exact: true });
    this.comparison = page.getByRole('table', { name: 'The options side by side', exact: true });
    this.tableFigures = page.locator('[data-cell] [data-text]');
    this.copyLinkButton = page.getByRole('button', { name: 'Copy link' });
    this.downloadCsvButton = page.getByRole('button', { name: 'Download CSV' });
    this.downloadJsonButton = page.getByRole('button', { name: 'Download JSON' });
    this.resetButton = page.getByRole('button', { name: 'Reset to defaults' });
    this.importInput = page.getByLabel('Import scenario JSON');
    this.shareLink = page.getByLabel('Link to these numbers');
    this.actionStatus = page.locator('[data-action-status]');
    this.importProblems = page.locator('[data-import-problems]');
    this.scenarioName = page.getByLabel('Name this scenario');
    this.saveButton = page.getByRole('button', { name: 'Save in this browser' });
    this.savedStatus = page.locator('[data-saved-status]');
    this.savedNotice = page.locator('[data-saved-notice]');
    this.compareSaved = page.getByRole('region', { name: 'Saved scenarios side by side', exact: true });
    this.firstScenario = page.getByLabel('First scenario');
    this.secondScenario = page.getByLabel('Second scenario');
    this.compareButton = page.getByRole('button', { name: 'Compare' });
    this.compareResult = page.locator('[data-sc-result]');
    this.analysis = page.getByRole('region', { name: 'How sure, and what would have to be true', exact: true });
    this.rangeChart = page.getByRole('img', { name: /^Range of cost per opportunity per option/ });
    this.rangeTable = page.getByRole('table', { name: 'Range of cost per opportunity per option' });
    this.whatIf = page.locator('[data-whatif]');
    this.spreads = page.locator(this.scopes.spreads);
    this.spreadsToggle = page.getByText('How sure are you? Change how far each input may be off');
    this.spreadForm = page.getByRole('form', { name: 'How sure are you about each input' });
    this.resetSpreadsButton = page.getByRole('button', { name: 'Reset the spreads to defaults' });
    this.costChart = page.getByRole('img', { name: /^Cumulative cost by month\. After/ });
    this.opportunitiesChart = page.getByRole('img', { name: /^Cumulative opportunities by month\. After/ });
    this.tornadoModel = page.getByLabel('Model', { exact: true });
    this.tornadoName = page.locator('[data-tornado-name]');
    this.breakEvenInput = page.getByLabel('Input', { exact: true });
    this.breakEvenCompare = page.getByLabel('Compare');
    this.breakEvenWith = page.getByLabel('with', { exact: true });
    this.findBreakEvenButton = page.getByRole('button', { name: 'Find break-even' });
    this.breakEvenResult = page.locator('[data-be-result]');
    this.memo = page.locator('[data-memo]');
    this.memoLink = page.locator('[data-memo-link]');
  }

  /** Opens the calculator, with a share link's query (`?…`) when given. */
  async goto(query = ''): Promise<void> {
    await open(this.page, `calculator/${query}`);
  }

  /** An input group of the form, by its name ("Shared inputs", "In-house SDR team"…); hidden while closed on a phone. */
  group(name: string): Locator {
    return this.inputs.getByRole('group', { name, exact: true });
  }

  /** An input of an open group, by its label. */
  inGroup(group: string, label: string | RegExp): Locator {
    return this.group(group).getByLabel(label);
  }

  /** The shared input "Target opportunities per month". */
  get target(): Locator {
    return this.inGroup('Shared inputs', /^Target opportunities per month/);
  }

  /** The input of `path`, open or not (its id is made from the path): for checks of a field inside a closed group or by its place in the form. */
  input(path: FieldPath): Locator {
    return this.page.locator(`#f-${fieldId(path)}`);
  }

  /** The message beside the input of `path` (its error, once it has one). */
  message(path: FieldPath): Locator {
    return this.page.locator(`#e-${fieldId(path)}`);
  }

  /** The shared input `field`'s message. */
  sharedFieldMessage(field: string): Locator {
    return this.message(`shared.${field}` as FieldPath);
  }

  /** CSS selector of the field of `path` with its label and messages (for scoped accessibility checks). */
  fieldScope(path: FieldPath): string {
    return `[data-field="${path}"]`;
  }

  /** The typing-slip warning beside the input of `path`. */
  warning(path: FieldPath): Locator {
    return this.page.locator(`${this.fieldScope(path)} [data-warning]`);
  }

  /** A figure of the results table: the text of `row` for `model`. */
  cell(row: ResultRow, model: ModelId): Locator {
    return this.page.locator(`[data-cell="${row}:${model}"] [data-text]`);
  }

  /** The note under a figure of the results table ("as entered"…). */
  cellNote(row: ResultRow, model: ModelId): Locator {
    return this.page.locator(`[data-cell="${row}:${model}"] [data-note]`);
  }

  /** The label of a row of the results table. */
  rowLabel(row: ResultRow): Locator {
    return this.comparison.locator(`tr[data-row="${row}"]`).getByRole('rowheader');
  }

  /** The disclosure around an input group, by the group's name ("Shared inputs", "In-house SDR team"…). */
  groupBox(name: string): Locator {
    return this.byLegend(this.groupBoxes, name);
  }

  /** The disclosures around the input groups, in page order. */
  private get groupBoxes(): Locator {
    return this.page.locator('details[data-group-box]');
  }

  /** The disclosures around the groups of spreads, in page order. */
  private get spreadGroupBoxes(): Locator {
    return this.spreads.locator('details[data-spread-group-box]');
  }

  /** The one of `boxes` (disclosures around a fieldset) whose legend is `name`. */
  private byLegend(boxes: Locator, name: string): Locator {
    return boxes.filter({ has: this.page.locator(':scope > fieldset > legend', { hasText: exactly(name) }) });
  }

  /** The legend of an input group (the name shown above it on wider screens). */
  groupLegend(name: string): Locator {
    return this.groupBox(name).locator(':scope > fieldset > legend');
  }

  /** The summary that opens and closes an input group on a phone: the group's name and the digest of its values. */
  groupToggle(name: string): Locator {
    return this.groupBox(name).locator(':scope > summary');
  }

  /** The digest of a group's values in its summary. */
  digest(name: string): Locator {
    return this.groupToggle(name).locator('[data-digest]');
  }

  /** The ids of the input groups that are open ("shared", "inHouse"…), in page order. */
  async openGroupIds(): Promise<string[]> {
    return this.groupBoxes.evaluateAll((boxes) => boxes.filter((b) => (b as HTMLDetailsElement).open).map((b) => b.getAttribute('data-group-box') ?? ''));
  }

  /** Whether the input group `name` is open. */
  async isGroupOpen(name: string): Promise<boolean> {
    return isOpen(this.groupBox(name));
  }

  /**
   * Waits until the calculator's code has started. It starts with the page on a link, with something
   * typed or saved scenarios, and otherwise on the reader's first touch, key, scroll or focus: a press
   * of Shift, which changes nothing, stands for that here.
   */
  async started(): Promise<void> {
    const started = () => this.page.evaluate(() => customElements.get('pb-calculator') !== undefined);
    if (!(await started())) await this.page.keyboard.press('Shift');
    await this.page.waitForFunction(() => customElements.get('pb-calculator') !== undefined);
  }

  /** Waits until the input groups are set for the screen (closed on a phone, open from a tablet up): on a phone their script loads once the calculator's has started. */
  async groupsReady(): Promise<void> {
    await this.started();
    await this.page.locator('pb-calculator[data-groups]').waitFor({ state: 'attached' });
  }

  /** The inputs of a group, opened first when it is closed (on a phone). */
  async openGroup(name: string): Promise<Locator> {
    await this.groupsReady();
    if (!(await this.isGroupOpen(name))) await this.groupToggle(name).click();
    return this.group(name);
  }

  /** An input of a group, by its label, with the group opened first. */
  async field(group: string, label: RegExp): Promise<Locator> {
    return (await this.openGroup(group)).getByLabel(label);
  }

  /** The disclosure around a group of spreads, by the group's name. */
  spreadGroupBox(name: string): Locator {
    return this.byLegend(this.spreadGroupBoxes, name);
  }

  /** The summary of a group of spreads: its name and how many spreads differ from the defaults. */
  spreadGroupToggle(name: string): Locator {
    return this.spreadGroupBox(name).locator(':scope > summary');
  }

  /** How many groups of spreads are open. */
  async openSpreadGroupCount(): Promise<number> {
    return this.spreadGroupBoxes.evaluateAll((boxes) => boxes.filter((b) => (b as HTMLDetailsElement).open).length);
  }

  /** A spread input, by its label. */
  spreadInput(label: RegExp): Locator {
    return this.spreadForm.getByLabel(label);
  }

  /** A line under the spread input of `key` (a field path such as "inHouse.meetingsPerMonth"). */
  spreadLine(key: string, line: SpreadLine): Locator {
    return this.page.locator(`[data-spread="${key}"] [data-spread-${line}]`);
  }

  /** Opens "How sure are you?" when it is closed. */
  async openSpreadsBlock(): Promise<void> {
    if (!(await isOpen(this.spreads))) await this.spreads.locator(':scope > summary').click();
  }

  /** Opens "How sure are you?" and the group of spreads named `group`; returns that group's spread inputs. */
  async openSpreads(group: string): Promise<Locator> {
    await this.groupsReady();
    await this.openSpreadsBlock();
    const box = this.spreadGroupBox(group);
    if (!(await isOpen(box))) await box.locator(':scope > summary').click();
    return box.getByRole('group', { name: group, exact: true });
  }

  /** The P10–P90 bars of the range chart, one per option. */
  get rangeBars(): Locator {
    return this.rangeChart.locator('.range__bar');
  }

  /** The marks of each option's value on the inputs, on the range chart. */
  get rangeBases(): Locator {
    return this.rangeChart.locator('.range__base');
  }

  /** The rows of the range chart, one per option, cheapest first (each carries its option in `data-model`). */
  get rangeRows(): Locator {
    return this.rangeChart.locator('.range__row');
  }

  /** The range bar of `model`. */
  rangeBar(model: ModelId): Locator {
    return this.rangeChart.locator(`[data-model="${model}"] .range__bar`);
  }

  /** The P10 (low) end of `model`'s range, in money. */
  async rangeLow(model: ModelId): Promise<number> {
    return Number(await this.rangeBar(model).getAttribute('data-low'));
  }

  /** The width of `model`'s range: P90 minus P10. */
  async rangeSpan(model: ModelId): Promise<number> {
    const bar = this.rangeBar(model);
    return Number(await bar.getAttribute('data-high')) - Number(await bar.getAttribute('data-low'));
  }

  /** Waits until the analysis shown is for the inputs shown (it follows typing after a pause). */
  async analysisSettled(): Promise<void> {
    await expect(this.analysis).toHaveAttribute('aria-busy', 'false');
  }

  /** The texts of the answer, the results table and the analysis, with white space collapsed. */
  async resultTexts(): Promise<string[]> {
    const parts = [this.verdict, this.figures, this.comparison.locator('tbody'), this.sure, this.rangeTable.locator('tbody'), this.whatIf];
    return Promise.all(parts.map(async (part) => ((await part.first().textContent()) ?? '').replace(/\s+/g, ' ').trim()));
  }

  /** Each figure of the results (the table's and the answer's) whose text takes more than one line, named by its cell or option. */
  async wrappedFigures(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-cell] [data-text], .calc__key-cost')]
        .filter((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          return tops.size > 1;
        })
        .map((el) => `${el.closest('[data-cell]')?.getAttribute('data-cell') ?? el.closest('[data-model]')?.getAttribute('data-model')}: ${el.textContent}`),
    );
  }

  /** The cells of the results table whose figure reaches past the edge of the table's column. */
  async figuresCutOff(): Promise<(string | null | undefined)[]> {
    return this.page.evaluate(() => {
      const box = document.querySelector('[data-results] .calc__table-wrap')?.getBoundingClientRect();
      return [...document.querySelectorAll('[data-cell] [data-text]')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return !box || r.left < box.left || r.right > box.right;
        })
        .map((el) => el.closest('[data-cell]')?.getAttribute('data-cell'));
    });
  }

  /** The scrolling box around the results table. */
  get tableWrap(): Locator {
    return this.page.getByRole('region', { name: 'The options side by side', exact: true });
  }

  /** The vertical gap between a control and the line that answers it, when both are in view (else Infinity). */
  async gapBetween(control: Locator, line: Locator): Promise<number> {
    const edges = (part: Locator) => part.evaluate((el) => ({ top: el.getBoundingClientRect().top, bottom: el.getBoundingClientRect().bottom }));
    const [a, b, height] = await Promise.all([edges(control), edges(line), this.page.evaluate(() => window.innerHeight)]);
    if (b.top < 0 || b.bottom > height) return Infinity;
    return b.top >= a.bottom ? b.top - a.bottom : a.top - b.bottom;
  }

  /** Presses Tab until `target` has the focus, as a keyboard-only person would. */
  async tabTo(target: Locator, limit = 250): Promise<void> {
    for (let i = 0; i < limit; i++) {
      await this.page.keyboard.press('Tab');
      if (await target.evaluate((el) => el === document.activeElement)) return;
    }
    throw new Error('the element was not reached with Tab');
  }

  /** Makes the share link and returns it. */
  async copyLink(): Promise<string> {
    await this.copyLinkButton.click();
    return this.shareLink.inputValue();
  }

  /** Clicks `button` and resolves to the download it starts. */
  private async downloadFrom(button: Locator): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    return download;
  }

  async downloadCsv(): Promise<Download> {
    return this.downloadFrom(this.downloadCsvButton);
  }

  async downloadJson(): Promise<Download> {
    return this.downloadFrom(this.downloadJsonButton);
  }

  /** Imports a scenario file. */
  async importScenario(file: FileToAdd): Promise<void> {
    await this.importInput.setInputFiles(file);
  }

  /** Names the scenario and saves it in this browser. */
  async saveScenario(name: string): Promise<void> {
    await this.scenarioName.fill(name);
    await this.saveButton.click();
  }

  /** The button that opens the saved scenario `name`. */
  openSavedButton(name: string): Locator {
    return this.page.getByRole('button', { name: `Open “${name}”` });
  }

  async deleteSaved(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Delete “${name}”` }).click();
  }

  async reset(): Promise<void> {
    await this.resetButton.click();
  }
}
