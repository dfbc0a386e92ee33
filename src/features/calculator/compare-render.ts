import type { DiffRow, ScenarioDiff } from './view/scenario-diff.ts';

/**
 * Draws two saved scenarios side by side (view/scenario-diff.ts) into the comparison section: the
 * inputs that differ, then each option's results, each row with its difference in words; rows that
 * differ are also highlighted. Loaded with the comparison, when first used. Text goes in with
 * `textContent` only: the names come from the browser's storage.
 */

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  return el;
}

function row(diff: DiffRow): HTMLTableRowElement {
  const tr = element('tr', undefined, diff.differs ? 'is-diff' : undefined);
  const th = element('th', diff.label);
  th.scope = 'row';
  tr.append(th, element('td', diff.a), element('td', diff.b), element('td', diff.change, 'calc__sc-change'));
  return tr;
}

function table(caption: string, first: string, names: readonly [string, string], bodies: HTMLTableSectionElement[]): HTMLTableElement {
  const t = element('table', undefined, 'calc__sc-table');
  // The table scrolls sideways on a phone: it takes the focus so that it can be scrolled by keyboard.
  t.tabIndex = 0;
  const cap = element('caption', caption, 'visually-hidden');
  const head = element('thead');
  const tr = element('tr');
  for (const text of [first, `“${names[0]}”`, `“${names[1]}”`, 'Difference']) {
    const th = element('th', text);
    th.scope = 'col';
    tr.append(th);
  }
  head.append(tr);
  t.append(cap, head, ...bodies);
  return t;
}

/** Replaces the comparison shown with `diff`. */
export function renderSavedDiff(root: ParentNode, diff: ScenarioDiff): void {
  const holder = root.querySelector('[data-sc-result]');
  if (!holder) return;
  const { names } = diff;
  const title = element('h3', `“${names[0]}” and “${names[1]}” side by side`);
  const notes = diff.notes.map((note) => element('p', note, 'notice'));
  const inputsTitle = element('h4', 'Inputs that differ');
  const summary = element('p', diff.inputsSummary);
  const parts: Node[] = [title, ...notes, inputsTitle, summary];
  if (diff.inputs.length > 0) {
    const body = element('tbody');
    body.append(...diff.inputs.map(row));
    parts.push(table(`Inputs that differ between “${names[0]}” and “${names[1]}”`, 'Input', names, [body]));
  }
  const bodies = diff.results.map((option) => {
    const body = element('tbody');
    const head = element('tr', undefined, 'calc__sc-option');
    const th = element('th', option.label);
    th.scope = 'rowgroup';
    th.colSpan = 4;
    head.append(th);
    body.append(head, ...option.rows.map(row));
    return body;
  });
  const verdict = element('tbody');
  verdict.append(row(diff.cheapest));
  parts.push(element('h4', 'Results'), table(`Results of “${names[0]}” and “${names[1]}” per option`, 'Result', names, [...bodies, verdict]));
  holder.replaceChildren(...parts);
  holder.closest('[data-sc-box]')?.classList.add('has-diff');
}
