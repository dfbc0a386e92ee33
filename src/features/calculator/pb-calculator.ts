import {
  FIELD_SPECS,
  NUMERIC_FIELD_PATHS,
  SCENARIO_FIELDS,
  isFieldPath,
  readField,
  readNumber,
  withField,
  type FieldPath,
  type NumericFieldPath,
  type Scenario,
} from './fields.ts';
import { LINKED_PATHS, fieldBounds } from './rules.ts';
import { findBreakEven } from './model/break-even.ts';
import { fieldId, inputText, rangeText, readCurrency, readInput, unitText } from './view/form.ts';
import {
  breakEvenText,
  comparisonRows,
  cumulativeChart,
  cumulativeTable,
  fieldName,
  formatFieldValue,
  monthlyCsv,
  sensitivityChart,
  sensitivityTable,
  tornadoRows,
  verdict,
} from './view/wording.ts';
import { MODEL_IDS, MODEL_LABELS, evaluate, isModelId, type Evaluation, type ModelId } from './model/cost-model.ts';
import { createFormatters, type Formatters } from '../../common/format.ts';
import { sensitivity } from './model/sensitivity.ts';
import { decodeLink, encodeLink, parseScenario, parseScenarioText, resultsJson, MAX_FILE_LENGTH } from './codec.ts';
import { downloadText } from '../../browser/download.ts';
import type { SvgNode } from './view/svg-chart.ts';
import type { Problem } from '../../common/problems.ts';

/** Problems listed at most for one link or file; the rest are counted. */
const MAX_LISTED = 20;

// No zod here: the scenario is checked against the field table (codec.ts), which keeps
// the page's script small and needs no 'unsafe-eval' under the site's security policy.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Builds DOM nodes from a chart tree (attributes and text only; never markup). */
function toSvg(node: SvgNode): Element {
  const element = document.createElementNS(SVG_NS, node.tag);
  for (const [name, value] of Object.entries(node.attrs)) element.setAttribute(name, String(value));
  if (node.text !== undefined) element.textContent = node.text;
  for (const child of node.children ?? []) element.append(toSvg(child));
  return element;
}

/** Replaces a table's body: the first cell of each row is its header. */
function fillTable(table: HTMLTableElement | null, rows: readonly string[][]): void {
  const body = table?.tBodies[0];
  if (!body) return;
  body.replaceChildren(
    ...rows.map((cells) => {
      const tr = document.createElement('tr');
      cells.forEach((text, i) => {
        const cell = document.createElement(i === 0 ? 'th' : 'td');
        if (cell instanceof HTMLTableCellElement && i === 0) cell.scope = 'row';
        cell.textContent = text;
        tr.append(cell);
      });
      return tr;
    }),
  );
}

const item = (text: string): HTMLLIElement => {
  const li = document.createElement('li');
  li.textContent = text;
  return li;
};

/** Reads the page's default scenario from `data-defaults`; null if it is missing or invalid. */
function parseDefaults(text: string | undefined): Scenario | null {
  try {
    const result = parseScenario(JSON.parse(text ?? ''));
    return result.ok ? result.value : null;
  } catch {
    return null;
  }
}

/**
 * `<pb-calculator>`: re-evaluates the three models on every input (no submit), checks each field
 * against its range, keeps the last valid results (marked out of date) while a field is invalid,
 * and keeps the page's address in step with the scenario so it can be shared.
 */
class PbCalculator extends HTMLElement {
  #defaults!: Scenario;
  #ready = false;
  #scenario!: Scenario;
  #evaluation!: Evaluation;
  #fmt!: Formatters;
  #locale = 'en-US';
  /** The scenario (as link text) the break-even sentence was computed for, and that sentence. */
  #breakEven = { key: '', text: '' };
  #resize = 0;

  connectedCallback(): void {
    // Moving the element in the page calls this again; the listeners are already in place.
    if (this.#ready) return;
    this.#ready = true;
    const defaults = parseDefaults(this.dataset['defaults']);
    if (!defaults) {
      this.#say('The calculator’s defaults could not be read, so it cannot update. The numbers shown are the defaults.', true);
      return;
    }
    this.#defaults = defaults;
    this.#locale = this.dataset['locale'] || 'en-US';
    this.#fmt = createFormatters(this.#locale, defaults.currency);
    for (const el of this.querySelectorAll<HTMLElement>('[data-actions], [data-tornado-control], [data-be-controls]')) el.hidden = false;

    const { scenario, problems } = decodeLink(location.search, defaults);
    this.#showLinkProblems(problems);
    this.#scenario = scenario;
    this.#setForm(scenario);
    this.#render();
    this.#breakEven = { key: encodeLink(defaults, defaults), text: this.#one('[data-be-result]').textContent ?? '' };
    if (location.search) this.#writeUrl();
    if (encodeLink(scenario, defaults) !== '') this.#runBreakEven();
    this.#one('[data-status]').textContent = problems.length > 0 ? 'From the link, with defaults for the values it could not use' : 'Up to date';
    this.#wire();
  }

  disconnectedCallback(): void {
    cancelAnimationFrame(this.#resize);
  }

  #one<T extends Element = HTMLElement>(selector: string): T {
    const element = this.querySelector<T>(selector);
    if (!element) throw new Error(`pb-calculator: missing ${selector}`);
    return element;
  }

  #field(path: FieldPath): HTMLElement | null {
    return this.querySelector<HTMLElement>(`[data-field="${path}"]`);
  }

  #input(path: FieldPath): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>(`#f-${fieldId(path)}`);
  }

  #wire(): void {
    const form = this.#one<HTMLFormElement>('[data-form]');
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('input', (event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement && target.dataset['solve']) this.#toggleSolve(target);
      this.#update();
    });
    this.#one('[data-stale-list]').addEventListener('click', (event) => {
      const link = (event.target as Element).closest('a');
      const input = link ? document.getElementById(link.getAttribute('href')?.slice(1) ?? '') : null;
      if (input) {
        event.preventDefault();
        input.focus();
      }
    });
    this.#one('[data-copy]').addEventListener('click', () => void this.#copyLink());
    this.#one('[data-download-csv]').addEventListener('click', () => {
      downloadText('pipeline-cost-monthly.csv', monthlyCsv(this.#evaluation), 'text/csv;charset=utf-8');
      this.#say(`Downloaded pipeline-cost-monthly.csv: ${this.#scenario.horizonMonths} months of each model.`);
    });
    this.#one('[data-download-json]').addEventListener('click', () => {
      downloadText('pipeline-cost-results.json', resultsJson(this.#scenario, this.#evaluation), 'application/json');
      this.#say('Downloaded pipeline-cost-results.json: the scenario and the results of the three models.');
    });
    const importInput = this.#one<HTMLInputElement>('[data-import]');
    importInput.addEventListener('change', () => {
      const file = importInput.files?.[0];
      if (file) void this.#import(file).finally(() => (importInput.value = ''));
    });
    this.#one('[data-reset]').addEventListener('click', () => {
      this.#scenario = this.#defaults;
      this.#setForm(this.#defaults);
      this.#showLinkProblems([]);
      this.#showImportProblems('', []);
      this.#commit();
      this.#say('Back to the defaults.');
    });
    this.#one('[data-print]').addEventListener('click', () => window.print());
    this.#one('[data-tornado-model]').addEventListener('change', () => this.#drawTornado());
    this.#one('[data-be-run]').addEventListener('click', () => this.#runBreakEven());
    for (const select of this.querySelectorAll('[data-be-controls] select')) select.addEventListener('change', () => this.#runBreakEven());
    const charts = this.#one('[data-charts]');
    let width = charts.clientWidth;
    new ResizeObserver(() => {
      if (charts.clientWidth === width) return;
      width = charts.clientWidth;
      cancelAnimationFrame(this.#resize);
      this.#resize = requestAnimationFrame(() => this.#drawCharts());
    }).observe(charts);
  }

  /** Ticking "solve" empties and locks the seats box; unticking offers the solved number to edit. */
  #toggleSolve(box: HTMLInputElement): void {
    const path = box.dataset['solve'] ?? '';
    const input = isFieldPath(path) ? this.#input(path) : null;
    if (!input) return;
    input.disabled = box.checked;
    if (box.checked) input.value = '';
    else if (input.value === '') {
      const model = path.split('.')[0] ?? '';
      const spec = FIELD_SPECS[path as NumericFieldPath];
      const solved = isModelId(model) ? this.#evaluation[model].seats : 1;
      input.value = String(Math.min(spec.max, Math.max(spec.min, solved)));
    }
  }

  /** Puts a scenario into the form and clears every field message. */
  #setForm(scenario: Scenario): void {
    for (const field of SCENARIO_FIELDS) {
      const value = readField(scenario, field.path);
      const box = this.#field(field.path);
      if (!box) continue;
      if (field.unit === 'enum') {
        for (const radio of box.querySelectorAll<HTMLInputElement>('input[type="radio"]')) radio.checked = radio.value === value;
      } else if (field.unit === 'boolean') {
        const input = this.#input(field.path);
        if (input) input.checked = value === true;
      } else {
        const input = this.#input(field.path);
        if (!input) continue;
        if (field.unit === 'currency') input.value = String(value);
        else input.value = inputText(field.path as NumericFieldPath, value as number | null);
        const solve = box.querySelector<HTMLInputElement>('[data-solve]');
        if (solve) {
          solve.checked = value === null;
          input.disabled = value === null;
        }
      }
      this.#showFieldError(field.path, '');
    }
  }

  #showFieldError(path: FieldPath, message: string): void {
    const box = this.#field(path);
    const slot = box?.querySelector('[data-error]');
    if (slot) slot.textContent = message;
    const input = this.#input(path);
    if (message) input?.setAttribute('aria-invalid', 'true');
    else input?.removeAttribute('aria-invalid');
  }

  /** Reads every field: the scenario they describe, or the message for each field that is not valid. */
  #readForm(): { scenario: Scenario; errors: Map<FieldPath, string> } {
    let scenario = this.#scenario;
    const errors = new Map<FieldPath, string>();
    const currencyInput = this.#input('currency');
    const currency = readCurrency(currencyInput?.value ?? scenario.currency);
    if (currency.ok) scenario = withField(scenario, 'currency', currency.value);
    else errors.set('currency', currency.message);
    const fmt = currency.ok ? createFormatters(this.#locale, currency.value) : this.#fmt;

    for (const field of SCENARIO_FIELDS) {
      const path = field.path;
      if (field.unit === 'currency') continue;
      if (field.unit === 'boolean') {
        scenario = withField(scenario, path, this.#input(path)?.checked === true);
        continue;
      }
      if (field.unit === 'enum') {
        const chosen = this.#field(path)?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value;
        if (chosen !== undefined && (field.options as readonly string[]).includes(chosen)) scenario = withField(scenario, path, chosen);
        continue;
      }
      const numeric = path as NumericFieldPath;
      if (this.#field(path)?.querySelector<HTMLInputElement>('[data-solve]')?.checked) {
        scenario = withField(scenario, path, null);
        continue;
      }
      const input = this.#input(path);
      if (!input) continue;
      const current = readNumber(this.#scenario, numeric);
      // Unchanged text keeps the exact value (a linked 0.123456789012345 is not cut to 12 digits).
      if (current !== null && input.value === inputText(numeric, current) && !input.validity.badInput) {
        scenario = withField(scenario, path, current);
        continue;
      }
      const spec = FIELD_SPECS[numeric];
      const reading = readInput(numeric, input.value, input.validity.badInput, { min: spec.min, max: spec.max }, fmt, scenario.currency);
      if (reading.ok) scenario = withField(scenario, path, reading.value);
      else errors.set(path, reading.message);
    }

    // Days out must stay below working days: checked on the scenario the other fields describe.
    for (const path of LINKED_PATHS) {
      if (errors.has(path)) continue;
      const value = readNumber(scenario, path) ?? 0;
      const bounds = fieldBounds(scenario, path);
      if (value < bounds.min || value > bounds.max) {
        errors.set(path, `${value > bounds.max ? 'Too high' : 'Too low'}. Allowed: ${rangeText(path, bounds, fmt, scenario.currency)}.`);
      }
    }
    return { scenario, errors };
  }

  /** After every input: show field messages; recompute when all fields are valid, else mark results out of date. */
  #update(): void {
    const { scenario, errors } = this.#readForm();
    for (const field of SCENARIO_FIELDS) this.#showFieldError(field.path, errors.get(field.path) ?? '');
    const staleList = this.#one('[data-stale-list]');
    if (errors.size > 0) {
      this.classList.add('is-stale');
      this.#one('[data-stale]').hidden = false;
      staleList.replaceChildren(
        ...[...errors].map(([path, message]) => {
          const li = document.createElement('li');
          const link = document.createElement('a');
          link.href = `#f-${fieldId(path)}`;
          link.textContent = `${fieldName(path)}: ${message}`;
          li.append(link);
          return li;
        }),
      );
      this.#one('[data-status]').textContent = `Out of date: ${errors.size === 1 ? '1 input needs' : `${errors.size} inputs need`} fixing`;
      return;
    }
    this.#scenario = scenario;
    this.#commit();
  }

  /** Renders the current scenario and records it in the page's address. */
  #commit(): void {
    this.classList.remove('is-stale');
    this.#one('[data-stale]').hidden = true;
    this.#one('[data-stale-list]').replaceChildren();
    this.#render();
    this.#writeUrl();
    this.#one('[data-status]').textContent = 'Up to date';
  }

  #writeUrl(): void {
    const query = encodeLink(this.#scenario, this.#defaults);
    history.replaceState(history.state, '', query ? `?${query}` : location.pathname);
  }

  #render(): void {
    const scenario = this.#scenario;
    if (scenario.currency !== this.#fmt.currency) this.#fmt = createFormatters(this.#locale, scenario.currency);
    const fmt = this.#fmt;
    const evaluation = (this.#evaluation = evaluate(scenario));

    for (const row of comparisonRows(evaluation, scenario, fmt)) {
      const tr = this.querySelector(`tr[data-row="${row.id}"]`);
      if (!tr) continue;
      const label = tr.querySelector('[data-row-label]');
      if (label) label.textContent = row.label;
      for (const model of MODEL_IDS) {
        const cell = tr.querySelector<HTMLElement>(`[data-cell="${row.id}:${model}"]`);
        if (!cell) continue;
        const { text, note, best } = row.cells[model];
        cell.querySelector('[data-text]')!.textContent = text;
        cell.querySelector('[data-note]')!.textContent = note;
        cell.classList.toggle('is-best', best);
        cell.querySelector<HTMLElement>('[data-best]')!.hidden = !best;
      }
    }
    const summary = verdict(evaluation, scenario, fmt);
    this.#one('[data-verdict]').textContent = summary.headline;
    this.#one('[data-verdict-details]').replaceChildren(...summary.details.map(item));
    this.#one('[data-errors]').replaceChildren(
      ...summary.errors.map((error) => {
        const p = document.createElement('p');
        p.className = 'notice notice--error';
        p.textContent = error.message;
        return p;
      }),
    );

    for (const model of MODEL_IDS) {
      const solved = this.#field(`${model}.seats`)?.querySelector('[data-solved]');
      if (!solved) continue;
      const result = evaluation[model];
      solved.textContent =
        scenario[model].seats !== null
          ? 'Entered by you'
          : result.error
            ? 'Cannot be sized for the target: see the results.'
            : `Sized for the target: ${fmt.number(result.seats, 0)}`;
    }
    for (const path of NUMERIC_FIELD_PATHS) {
      const box = this.#field(path);
      const range = box?.querySelector('[data-range]');
      const bounds = fieldBounds(scenario, path);
      if (range) range.textContent = rangeText(path, bounds, fmt, scenario.currency);
      const unit = box?.querySelector('[data-unit]');
      if (unit) unit.textContent = unitText(FIELD_SPECS[path], scenario.currency);
    }
    for (const path of LINKED_PATHS) {
      const input = this.#input(path);
      const bounds = fieldBounds(scenario, path);
      input?.setAttribute('min', String(bounds.min));
      input?.setAttribute('max', String(bounds.max));
    }
    this.#drawCharts();
    this.#markBreakEven();
  }

  #drawCharts(): void {
    const fmt = this.#fmt;
    for (const key of ['cost', 'opportunities'] as const) {
      const figure = this.querySelector(`[data-chart="${key}"]`);
      const holder = figure?.querySelector('[data-svg]');
      if (!figure || !holder) continue;
      const width = Math.round(Math.min(900, Math.max(280, holder.clientWidth || 560)));
      holder.replaceChildren(toSvg(cumulativeChart(this.#evaluation, key, fmt, { width, height: width < 480 ? 250 : 300 })));
      fillTable(figure.querySelector('table'), cumulativeTable(this.#evaluation, key, fmt));
    }
    this.#drawTornado();
  }

  #drawTornado(): void {
    const choice = this.#one<HTMLSelectElement>('[data-tornado-model]').value;
    const model: ModelId = isModelId(choice) ? choice : 'inHouse';
    const figure = this.#one('[data-chart="tornado"]');
    const holder = figure.querySelector('[data-svg]');
    if (!holder) return;
    const rows = tornadoRows(sensitivity(this.#scenario, { base: this.#evaluation }), model);
    const width = Math.round(Math.min(900, Math.max(280, holder.clientWidth || 560)));
    holder.replaceChildren(toSvg(sensitivityChart(rows, this.#evaluation[model].costPerOpportunity, model, this.#fmt, width)));
    fillTable(figure.querySelector('table'), sensitivityTable(rows, this.#fmt));
    this.#one('[data-tornado-name]').textContent = MODEL_LABELS[model];
  }

  #runBreakEven(): void {
    const path = this.#one<HTMLSelectElement>('[data-be-path]').value;
    const [a, b] = [...this.querySelectorAll<HTMLSelectElement>('[data-be-model]')].map((select) => select.value);
    const output = this.#one('[data-be-result]');
    if (!isFieldPath(path) || !(NUMERIC_FIELD_PATHS as readonly string[]).includes(path) || !a || !b || !isModelId(a) || !isModelId(b)) return;
    const text =
      a === b
        ? 'Choose two different models to compare.'
        : breakEvenText(findBreakEven(this.#scenario, { path: path as NumericFieldPath, models: [a, b] }), this.#fmt);
    this.#breakEven = { key: encodeLink(this.#scenario, this.#defaults), text };
    output.textContent = text;
    output.classList.remove('is-stale');
  }

  /** The break-even sentence is computed on request only; after a change it says it is out of date. */
  #markBreakEven(): void {
    const output = this.querySelector('[data-be-result]');
    if (!output || !this.#breakEven.text) return;
    const stale = encodeLink(this.#scenario, this.#defaults) !== this.#breakEven.key;
    output.classList.toggle('is-stale', stale);
    output.textContent = stale
      ? `Out of date: the inputs changed since this was found. Press “Find break-even” to update it. (Was: ${this.#breakEven.text})`
      : this.#breakEven.text;
  }

  async #copyLink(): Promise<void> {
    const url = location.href;
    const field = this.#one<HTMLInputElement>('[data-share-url]');
    field.value = url;
    this.#one('[data-share]').hidden = false;
    try {
      await navigator.clipboard.writeText(url);
      this.#say('Link copied. Whoever opens it sees these inputs and can check the numbers with npm run calc.');
    } catch {
      field.focus();
      field.select();
      this.#say('Copy the link from the box above (Ctrl+C or ⌘C): this browser did not let the page copy it.');
    }
  }

  async #import(file: File): Promise<void> {
    if (file.size > MAX_FILE_LENGTH * 4) {
      this.#showImportProblems(file.name, [{ code: 'too_large', field: '', expected: `a file of at most ${MAX_FILE_LENGTH} characters`, given: `${Math.round(file.size / 1024)} KB` }]);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      this.#showImportProblems(file.name, [{ code: 'not_parseable', field: '', expected: 'a readable file', given: 'a file the browser could not read' }]);
      return;
    }
    const result = parseScenarioText(text, this.#defaults);
    if (!result.ok) {
      this.#showImportProblems(file.name, result.problems);
      return;
    }
    this.#showImportProblems('', []);
    this.#showLinkProblems([]);
    this.#scenario = result.value;
    this.#setForm(result.value);
    this.#commit();
    this.#say(`Imported “${file.name}”.`);
  }

  #describe(problem: Problem, fallback: boolean): string {
    if (problem.code === 'unknown_field') {
      return `“${problem.field}” is not an input of the calculator (given ${problem.given}); it was ignored.`;
    }
    if (!isFieldPath(problem.field)) {
      return `${problem.field ? `“${problem.field}”` : 'The file'}: expected ${problem.expected}; given ${problem.given}.`;
    }
    const use = fallback ? ` Using the default, ${formatFieldValue(problem.field, readField(this.#defaults, problem.field), this.#fmt)}.` : '';
    return `${fieldName(problem.field)} (${problem.field}): expected ${problem.expected}; given ${problem.given}.${use}`;
  }

  #showLinkProblems(problems: readonly Problem[]): void {
    const notice = this.#one('[data-link-notice]');
    notice.hidden = problems.length === 0;
    this.#one('[data-link-problems]').replaceChildren(...this.#problemItems(problems, true));
  }

  /** One list item per problem, at most MAX_LISTED of them (a crafted file can carry thousands). */
  #problemItems(problems: readonly Problem[], fallback: boolean): HTMLLIElement[] {
    const shown = problems.slice(0, MAX_LISTED).map((p) => item(this.#describe(p, fallback)));
    if (problems.length > MAX_LISTED) shown.push(item(`…and ${problems.length - MAX_LISTED} more.`));
    return shown;
  }

  #showImportProblems(fileName: string, problems: readonly Problem[]): void {
    const box = this.#one('[data-import-problems]');
    box.hidden = problems.length === 0;
    this.#one('[data-import-title]').textContent =
      problems.length === 0
        ? ''
        : `“${fileName}” was not imported (${problems.length === 1 ? '1 problem' : `${problems.length} problems`}); nothing was changed:`;
    this.#one('[data-import-list]').replaceChildren(...this.#problemItems(problems, false));
  }

  #say(message: string, error = false): void {
    const status = this.querySelector<HTMLElement>('[data-action-status]');
    if (!status) return;
    status.textContent = message;
    status.classList.toggle('calc__action-status--error', error);
  }
}

if (!customElements.get('pb-calculator')) customElements.define('pb-calculator', PbCalculator);
