import { GUARDED_PATHS, NUMERIC_FIELD_PATHS, SCENARIO_FIELDS, readField, type FieldPath, type NumericFieldPath, type Scenario } from './fields.ts';
import { MODEL_IDS, isModelId, type Evaluation } from './model/cost-model.ts';
import type { ActionMessage, AnalysisShown, BreakEvenShown, ImportNotice } from './store.ts';
import type { SavedScenario } from './view/saved-scenarios.ts';
import type { WarningView } from './view/plausibility.ts';
import { fieldId, inputText, seatsToOffer, type FieldEntry, type FormEntries } from './view/form.ts';
import { staleItems } from './view/notices.ts';
import { hasChartKey, type SvgNode } from './view/svg-chart.ts';
import type { CalculatorView, ChartView, ChartWidths } from './view/view-model.ts';

/**
 * The calculator's DOM side: draws a view model (view/view-model.ts) into the server-rendered
 * markup of Calculator.astro, and reads the form back into plain entries for the store. Text goes
 * in with `textContent` and charts are built node by node, never from markup.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Fired on the calculator once the spread inputs are built from their template (on first opening their block). */
export const SPREADS_BUILT = 'pb-spreads-built';

/** The element inside `root` that `selector` names; the markup always has it. */
export function part<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`pb-calculator: missing ${selector}`);
  return element;
}

/**
 * Each calculator's field boxes by path, found in one pass over the form the first time one is asked
 * for (looking each one up on its own walked the whole form once per field, on every keystroke). The
 * server writes the boxes; no script adds or replaces one.
 */
const fieldBoxes = new WeakMap<ParentNode, Map<string, HTMLElement>>();
function fieldBox(root: ParentNode, path: FieldPath): HTMLElement | null {
  let boxes = fieldBoxes.get(root);
  if (!boxes) fieldBoxes.set(root, (boxes = new Map([...root.querySelectorAll<HTMLElement>('[data-field]')].map((box) => [box.dataset['field'] ?? '', box]))));
  return boxes.get(path) ?? null;
}
const fieldInput = (root: ParentNode, path: FieldPath): HTMLInputElement | null => root.querySelector<HTMLInputElement>(`#f-${fieldId(path)}`);

/**
 * Writing a text, an attribute or a list that the page already shows still costs the browser a
 * fresh style and layout pass over the calculator's many elements. Opened on the defaults, the page
 * already shows (from the server) almost everything the script would draw, so these helpers write
 * only what differs.
 */
export function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/** Shows or hides an element, touching it only when that changes. */
export function setHidden(element: HTMLElement, hidden: boolean): void {
  if (element.hidden !== hidden) element.hidden = hidden;
}

/** True when `parent`'s children are, in order, elements with these texts (and, where given, these class names). */
function showsTexts(parent: Element, texts: readonly string[], classNames?: readonly string[]): boolean {
  const children = parent.children;
  if (children.length !== texts.length) return false;
  for (let i = 0; i < texts.length; i++) {
    const child = children[i]!;
    if (child.textContent !== texts[i]) return false;
    if (classNames && child.className !== classNames[i]) return false;
  }
  return true;
}

/** Builds DOM nodes from a chart tree (attributes and text only; never markup). */
export function toSvg(node: SvgNode): Element {
  const element = document.createElementNS(SVG_NS, node.tag);
  for (const [name, value] of Object.entries(node.attrs)) element.setAttribute(name, String(value));
  if (node.text !== undefined) element.textContent = node.text;
  for (const child of node.children ?? []) element.append(toSvg(child));
  return element;
}

/** Replaces a table's body: the first cell of each row is its header. */
export function fillTable(table: HTMLTableElement | null, rows: readonly string[][]): void {
  const body = table?.tBodies[0];
  if (!body) return;
  const shown = body.rows;
  const same =
    shown.length === rows.length &&
    rows.every((cells, r) => {
      const row = shown[r]!.cells;
      return row.length === cells.length && cells.every((text, i) => row[i]!.textContent === text && row[i]!.tagName === (i === 0 ? 'TH' : 'TD'));
    });
  if (same) return;
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

/** List items holding the texts. */
export function listItems(texts: readonly string[]): HTMLLIElement[] {
  return texts.map((text) => {
    const li = document.createElement('li');
    li.textContent = text;
    return li;
  });
}

/** How wide each chart's holder is now. */
export function measureCharts(root: ParentNode): ChartWidths {
  const width = (key: keyof ChartWidths) => root.querySelector(`[data-chart="${key}"] [data-svg]`)?.clientWidth ?? 0;
  return { cost: width('cost'), opportunities: width('opportunities'), tornado: width('tornado'), ranges: width('ranges') };
}

function drawChart(root: ParentNode, key: keyof ChartWidths, chart: ChartView): void {
  const figure = root.querySelector(`[data-chart="${key}"]`);
  const holder = figure?.querySelector<HTMLElement>('[data-svg]');
  if (!figure || !holder) return;
  drawSvg(holder, chart.svg);
  fillTable(figure.querySelector('table'), chart.table);
}

/** The JSON of the tree each chart holder shows, once drawn here; until then the server's key says what it shows. */
const drawnCharts = new WeakMap<HTMLElement, string>();

/** Draws a chart tree into its holder unless the holder shows that very tree already (the server marks what it drew with a key). */
function drawSvg(holder: HTMLElement, svg: SvgNode): void {
  const text = JSON.stringify(svg);
  const drawn = drawnCharts.get(holder);
  const same = drawn === undefined ? hasChartKey(holder.dataset['chartKey'], text) : drawn === text;
  if (!same) holder.replaceChildren(toSvg(svg));
  drawnCharts.set(holder, text);
  delete holder.dataset['chartKey'];
}

/** Draws the results, the charts and the form's hints for a scenario. */
export function renderView(root: ParentNode, view: CalculatorView): void {
  for (const row of view.rows) {
    const tr = root.querySelector(`tr[data-row="${row.id}"]`);
    if (!tr) continue;
    const label = tr.querySelector('[data-row-label]');
    if (label) setText(label, row.label);
    for (const model of MODEL_IDS) {
      const cell = tr.querySelector<HTMLElement>(`[data-cell="${row.id}:${model}"]`);
      if (!cell) continue;
      const { text, note, best } = row.cells[model];
      setText(part(cell, '[data-text]'), text);
      setText(part(cell, '[data-note]'), note);
      if (cell.classList.contains('is-best') !== best) cell.classList.toggle('is-best', best);
      setHidden(part(cell, '[data-best]'), !best);
    }
  }
  setText(part(root, '[data-verdict]'), view.verdict.headline);
  const figures = part(root, '[data-figures]');
  const figureTexts = view.verdict.figures.map((figure) => `${figure.label}${figure.cost}per opportunity${figure.runRate}`);
  const figureClasses = view.verdict.figures.map((figure) => (figure.cheapest ? 'calc__key is-best' : 'calc__key'));
  if (!showsTexts(figures, figureTexts, figureClasses))
    figures.replaceChildren(
      ...view.verdict.figures.map((figure) => {
        const li = document.createElement('li');
        li.className = figure.cheapest ? 'calc__key is-best' : 'calc__key';
        li.dataset['model'] = figure.model;
        const span = (className: string, text: string) => {
          const el = document.createElement('span');
          el.className = className;
          el.textContent = text;
          return el;
        };
        li.append(
          span('calc__key-label', figure.label),
          span('calc__key-cost', figure.cost),
          span('calc__key-unit', 'per opportunity'),
          span('calc__key-run', figure.runRate),
        );
        return li;
      }),
    );
  const compare = part<HTMLSelectElement>(root, '[data-compare]');
  if (compare.value !== view.verdict.comparison) compare.value = view.verdict.comparison;
  const details = part(root, '[data-verdict-details]');
  if (!showsTexts(details, view.verdict.details)) details.replaceChildren(...listItems(view.verdict.details));
  const errors = part(root, '[data-errors]');
  if (
    !showsTexts(
      errors,
      view.verdict.errors.map((error) => error.message),
    )
  )
    errors.replaceChildren(
      ...view.verdict.errors.map((error) => {
        const p = document.createElement('p');
        p.className = 'notice notice--error';
        p.textContent = error.message;
        return p;
      }),
    );
  for (const model of MODEL_IDS) {
    if (model === 'bridge') continue; // D has no seats of its own: it uses A's and B's.
    const solved = fieldBox(root, `${model}.seats`)?.querySelector('[data-solved]');
    if (solved) setText(solved, view.seats[model]);
  }
  for (const path of NUMERIC_FIELD_PATHS) {
    const box = fieldBox(root, path);
    const field = view.fields[path];
    const range = box?.querySelector('[data-range]');
    if (range) setText(range, field.range);
    const unit = box?.querySelector('[data-unit]');
    if (unit) setText(unit, field.unit);
  }
  drawChart(root, 'cost', view.cost);
  drawChart(root, 'opportunities', view.opportunities);
  drawChart(root, 'tornado', view.tornado);
  setText(part(root, '[data-tornado-name]'), view.tornado.name);
}

/** Shows each input's message (none clears it), and the out-of-date list and marking. */
export function renderFieldErrors(root: HTMLElement, errors: ReadonlyMap<FieldPath, string>): void {
  for (const field of SCENARIO_FIELDS) {
    const message = errors.get(field.path) ?? '';
    const slot = fieldBox(root, field.path)?.querySelector('[data-error]');
    if (slot) setText(slot, message);
    const input = fieldInput(root, field.path);
    if (message) input?.setAttribute('aria-invalid', 'true');
    else input?.removeAttribute('aria-invalid');
  }
  if (root.classList.contains('is-stale') !== errors.size > 0) root.classList.toggle('is-stale', errors.size > 0);
  setHidden(part(root, '[data-stale]'), errors.size === 0);
  const staleList = part(root, '[data-stale-list]');
  if (errors.size === 0 && staleList.childElementCount === 0) return;
  staleList.replaceChildren(
    ...staleItems(errors).map(({ href, text }) => {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = href;
      link.textContent = text;
      li.append(link);
      return li;
    }),
  );
}

/** Puts a scenario into the form. */
export function fillForm(root: ParentNode, scenario: Scenario, locale: string): void {
  for (const field of SCENARIO_FIELDS) {
    const value = readField(scenario, field.path);
    const box = fieldBox(root, field.path);
    const input = fieldInput(root, field.path);
    if (!box) continue;
    if (field.unit === 'enum') {
      for (const radio of box.querySelectorAll<HTMLInputElement>('input[type="radio"]')) radio.checked = radio.value === value;
    } else if (field.unit === 'boolean') {
      if (input) input.checked = value === true;
    } else if (input) {
      input.value = field.unit === 'currency' ? String(value) : inputText(field.path as NumericFieldPath, value as number | null, locale);
      const solve = box.querySelector<HTMLInputElement>('[data-solve]');
      if (solve) {
        solve.checked = value === null;
        input.disabled = value === null;
      }
    }
  }
}

/** What every input of the form holds. */
export function readFormEntries(root: ParentNode): FormEntries {
  const entries = new Map<FieldPath, FieldEntry>();
  for (const field of SCENARIO_FIELDS) {
    const box = fieldBox(root, field.path);
    if (field.unit === 'enum') {
      entries.set(field.path, { text: box?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value ?? '' });
      continue;
    }
    const input = fieldInput(root, field.path);
    if (!input) continue;
    entries.set(field.path, {
      text: input.value,
      badInput: input.validity.badInput,
      checked: input.checked,
      solve: box?.querySelector<HTMLInputElement>('[data-solve]')?.checked === true,
    });
  }
  return entries;
}

/** Ticking "solve" empties and locks the seats box; unticking offers the solved number to edit. */
export function toggleSolve(root: ParentNode, box: HTMLInputElement, evaluation: Evaluation): void {
  const path = box.dataset['solve'] ?? '';
  const model = path.split('.')[0] ?? '';
  if (!isModelId(model) || model === 'bridge') return;
  const input = fieldInput(root, `${model}.seats`);
  if (!input) return;
  input.disabled = box.checked;
  if (box.checked) input.value = '';
  else if (input.value === '') input.value = seatsToOffer(model, evaluation);
}

/** The break-even sentence, marked while out of date. */
export function renderBreakEven(root: ParentNode, shown: BreakEvenShown | null): void {
  if (!shown) return;
  const output = part(root, '[data-be-result]');
  setText(output, shown.text);
  if (output.classList.contains('is-stale') !== shown.stale) output.classList.toggle('is-stale', shown.stale);
}

/** What the opening link could not use. */
export function renderLinkNotice(root: ParentNode, items: readonly string[]): void {
  setHidden(part(root, '[data-link-notice]'), items.length === 0);
  const list = part(root, '[data-link-problems]');
  if (!showsTexts(list, items)) list.replaceChildren(...listItems(items));
}

/** Why an imported file was refused. */
export function renderImportNotice(root: ParentNode, notice: ImportNotice | null): void {
  setHidden(part(root, '[data-import-problems]'), notice === null);
  setText(part(root, '[data-import-title]'), notice?.title ?? '');
  const list = part(root, '[data-import-list]');
  const items = notice?.items ?? [];
  if (!showsTexts(list, items)) list.replaceChildren(...listItems(items));
}

/** What an action did, beside the control that did it: under the action buttons, or beside the saved scenarios; the other line is cleared. */
export function renderMessage(root: ParentNode, message: ActionMessage): void {
  const lines = [
    [root.querySelector<HTMLElement>('[data-action-status]'), message.near === undefined],
    [root.querySelector<HTMLElement>('[data-saved-status]'), message.near === 'saved'],
  ] as const;
  for (const [line, here] of lines) {
    if (!line) continue;
    setText(line, here ? message.text : '');
    const error = here && message.error;
    if (line.classList.contains('calc__action-status--error') !== error) line.classList.toggle('calc__action-status--error', error);
  }
}

/** Marks the analysis as out of date (busy) or current; shown before the code that draws it has loaded. */
export function renderAnalysisPending(root: ParentNode, pending: boolean): void {
  const section = part(root, '[data-analysis]');
  if (section.classList.contains('is-pending') !== pending) section.classList.toggle('is-pending', pending);
  if (section.getAttribute('aria-busy') !== String(pending)) section.setAttribute('aria-busy', String(pending));
}

/** How sure the answer is and what would have to be true; says it is being worked out while the inputs have changed since (renderAnalysisPending marks the section). */
export function renderAnalysis(root: ParentNode, shown: AnalysisShown | null): void {
  if (!shown) return;
  const { view, pending } = shown;
  setText(part(root, '[data-sure]'), pending ? `Working out how sure this is… (${view.sure})` : view.sure);
  setHidden(part(root, '[data-ranges]'), !view.hasRanges);
  const holder = root.querySelector<HTMLElement>('[data-chart="ranges"] [data-svg]');
  if (holder) drawSvg(holder, view.chart);
  fillTable(root.querySelector<HTMLTableElement>('.calc__range-table'), view.ranges);
  setText(part(root, '[data-whatif-intro]'), view.whatIfIntro);
  const whatIf = part(root, '[data-whatif]');
  if (
    showsTexts(
      whatIf,
      view.whatIf.map((option) => option.title + option.items.join('')),
    )
  )
    return;
  whatIf.replaceChildren(
    ...view.whatIf.map((option) => {
      const box = document.createElement('div');
      box.className = 'calc__whatif-option';
      const title = document.createElement('h4');
      title.textContent = option.title;
      const list = document.createElement('ul');
      list.append(...listItems(option.items));
      box.append(title, list);
      return box;
    }),
  );
}

/** The saved scenarios: each with its date and its Open and Delete buttons (named for screen readers). */
export function renderSaved(root: ParentNode, items: readonly SavedScenario[], locale: () => string): void {
  setHidden(part(root, '[data-saved-empty]'), items.length > 0);
  const list = part(root, '[data-saved-list]');
  if (items.length === 0 && list.childElementCount === 0) return;
  list.replaceChildren(
    ...items.map((item, index) => {
      const li = document.createElement('li');
      const name = document.createElement('span');
      name.className = 'calc__saved-name';
      name.textContent = item.name;
      const when = document.createElement('span');
      when.className = 'muted';
      const date = new Date(item.savedAt);
      when.textContent = ` saved ${date.toLocaleDateString(locale(), { year: 'numeric', month: 'short', day: 'numeric' })}`;
      const button = (action: string, label: string) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.dataset['savedAction'] = action;
        b.dataset['index'] = String(index);
        b.textContent = label;
        b.setAttribute('aria-label', `${label} “${item.name}”`);
        return b;
      };
      li.append(name, when, button('open', 'Open'), button('delete', 'Delete'));
      return li;
    }),
  );
}

/** Why the saved list could not (all) be read. */
export function renderSavedNotice(root: ParentNode, text: string): void {
  const notice = part(root, '[data-saved-notice]');
  setHidden(notice, text === '');
  setText(notice, text);
}

/** The two choices of saved scenarios to compare (the two newest chosen at first), or how to get two. */
export function renderSavedChoices(root: ParentNode, items: readonly SavedScenario[]): void {
  const enough = items.length >= 2;
  setHidden(part(root, '[data-sc-empty]'), enough);
  setHidden(part(root, '[data-sc-form]'), !enough);
  const selects = [part<HTMLSelectElement>(root, '[data-sc-a]'), part<HTMLSelectElement>(root, '[data-sc-b]')] as const;
  if (items.length === 0 && selects.every((select) => select.options.length === 0)) return;
  // A choice is kept (by name) once there were two to choose from; else, and when both would be the
  // same, the older of the two newest comes first and the newest second: "before" and "after".
  const hadChoice = selects[0].options.length >= 2;
  const kept = selects.map((select) => (hadChoice ? items.findIndex((item) => item.name === select.selectedOptions[0]?.textContent) : -1));
  const keep = kept[0] !== undefined && kept[1] !== undefined && kept[0] >= 0 && kept[1] >= 0 && kept[0] !== kept[1];
  selects.forEach((select, i) => {
    select.replaceChildren(
      ...items.map((item, index) => {
        const option = document.createElement('option');
        option.value = String(index);
        option.textContent = item.name;
        return option;
      }),
    );
    select.value = String(keep ? kept[i] : Math.max(0, Math.min(items.length - 1, 1 - i)));
  });
}
/** The warning next to each field whose value looks like a typing slip, with its two choices (none clears it). */
export function renderWarnings(root: ParentNode, warnings: readonly WarningView[]): void {
  for (const path of GUARDED_PATHS) {
    const slot = fieldBox(root, path)?.querySelector<HTMLElement>('[data-warning]');
    if (!slot) continue;
    const warning = warnings.find((w) => w.path === path);
    setHidden(slot, !warning);
    if (!warning) {
      if (slot.firstChild) slot.replaceChildren();
      continue;
    }
    const text = document.createElement('p');
    text.textContent = warning.text;
    const button = (action: 'keep' | 'fix', label: string) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset['warningAction'] = action;
      b.dataset['path'] = path;
      if (action === 'fix') b.dataset['value'] = warning.fixText;
      b.textContent = label;
      return b;
    };
    const choices = document.createElement('p');
    choices.className = 'field__warning-choices';
    choices.append(button('keep', warning.keep), button('fix', warning.fix));
    slot.replaceChildren(text, choices);
  }
}
