import {
  cappedRefusals,
  collect,
  personRow,
  rollUpCsv,
  sortRows,
  stepTotals,
  type PersonRow,
  type ReadinessSource,
  type SortKey,
  type TeamStep,
} from './roll-up.ts';
import { READINESS_LIMITS } from './format.ts';
import { decodeTarget } from '../progress/progress.ts';
import { downloadText } from '../../browser/download.ts';
import { el, part as partOf } from '../../browser/dom.ts';
import { plural } from '../../common/plural.ts';

const part = <T extends HTMLElement = HTMLElement>(root: ParentNode, name: string): T => partOf<T>(root, name, 'pb-readiness-team');
const KINDS = new Set(['chapter', 'assessment', 'check', 'calculator', 'task']);
const MAX_FILES = 500;

/** A path's steps as the server listed them; a malformed item is skipped. */
function readSteps(list: HTMLElement): TeamStep[] {
  return [...list.querySelectorAll<HTMLElement>('li')].flatMap((li) => {
    const kind = li.dataset['kind'] ?? '';
    const target = decodeTarget(li.dataset['target'] ?? '');
    if (!KINDS.has(kind) || !target) return [];
    return [{ title: li.textContent?.trim() ?? '', kind: kind as TeamStep['kind'], ref: li.dataset['ref'] || undefined, target }];
  });
}

/** `<pb-readiness-team>`: reads readiness files in this browser and shows who is ready on a path. */
class PbReadinessTeam extends HTMLElement {
  #people: ReturnType<typeof collect>['people'] = [];
  #sort: { key: SortKey; descending: boolean } = { key: 'name', descending: false };
  #rows: PersonRow[] = [];
  #steps: TeamStep[] = [];

  connectedCallback(): void {
    if (this.dataset['ready']) return;
    this.dataset['ready'] = 'true';
    part<HTMLFormElement>(this, 'team-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#read();
    });
    part(this, 'team-path').addEventListener('change', () => this.#render());
    part(this, 'team-stuck').addEventListener('change', () => this.#render());
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-sort]')) {
      button.addEventListener('click', () => {
        const key = button.dataset['sort'] as SortKey;
        this.#sort = { key, descending: this.#sort.key === key ? !this.#sort.descending : key !== 'name' };
        this.#render();
      });
    }
    part(this, 'team-csv').addEventListener('click', () => {
      const path = part<HTMLSelectElement>(this, 'team-path').value;
      downloadText(`readiness-${path}-${new Date().toISOString().slice(0, 10)}.csv`, rollUpCsv(this.#rows, this.#steps), 'text/csv');
    });
    part(this, 'team-print').addEventListener('click', () => window.print());
    for (const node of this.querySelectorAll<HTMLElement>('[data-reveal]')) node.hidden = false;
  }

  async #read(): Promise<void> {
    const files = [...(part<HTMLInputElement>(this, 'team-files').files ?? [])];
    const status = part(this, 'team-status');
    if (files.length === 0) {
      status.textContent = 'Choose one or more readiness files first.';
      return;
    }
    status.textContent = 'Reading…';
    const sources: ReadinessSource[] = [];
    for (const file of files.slice(0, MAX_FILES)) {
      // Measured before it is read: a file over the limit is never loaded.
      const text = file.size > READINESS_LIMITS.bytes ? undefined : await file.text().catch(() => '');
      sources.push({ source: file.name.slice(0, 120), bytes: file.size, text });
    }
    const collected = collect(sources);
    if (files.length > MAX_FILES) collected.notes.push(`Only the first ${MAX_FILES} files were read; ${plural(files.length - MAX_FILES, 'file')} left out.`);
    this.#people = collected.people;
    const notes = part(this, 'team-notes');
    notes.replaceChildren(...collected.notes.map((n) => el('li', n)));
    part(this, 'team-notes-section').hidden = collected.notes.length === 0;
    const { shown, more } = cappedRefusals(collected.refused);
    part(this, 'team-refused').replaceChildren(
      ...shown.map((r) => {
        const li = el('li');
        li.append(el('strong', r.source), document.createTextNode(` was not included: ${r.reason}.`));
        return li;
      }),
      ...(more ? [el('li', more)] : []),
    );
    part(this, 'team-refused-section').hidden = collected.refused.length === 0;
    status.textContent = `${plural(collected.people.length, 'person', 'people')} included from ${plural(files.length, 'file')}${collected.refused.length ? `; ${plural(collected.refused.length, 'file')} not included` : ''}.`;
    this.#render();
  }

  #render(): void {
    const output = part(this, 'team-output');
    if (this.#people.length === 0) {
      output.hidden = true;
      return;
    }
    const pathId = part<HTMLSelectElement>(this, 'team-path').value;
    const list = this.querySelector<HTMLElement>(`[data-team-steps="${CSS.escape(pathId)}"]`);
    this.#steps = list ? readSteps(list) : [];
    const stuckInput = part<HTMLInputElement>(this, 'team-stuck');
    const days = Number(stuckInput.value);
    const stuckDays = Number.isInteger(days) && days >= 1 && days <= 365 ? days : 7;
    stuckInput.setAttribute('aria-invalid', String(stuckInput.value !== String(stuckDays)));
    const now = new Date();
    this.#rows = sortRows(
      this.#people.map((p) => personRow(p, pathId, this.#steps, now, stuckDays)),
      this.#sort.key,
      this.#sort.descending,
    );
    const pathTitle = list?.dataset['title'] ?? pathId;
    const stuck = this.#rows.filter((r) => r.stuck).length;
    part(this, 'team-people-caption').textContent =
      `${pathTitle}: ${plural(this.#rows.length, 'person', 'people')}, ${plural(stuck, 'person', 'people')} stuck (no activity in more than ${plural(stuckDays, 'day')}).`;
    for (const th of this.querySelectorAll<HTMLElement>('[data-sort-col]')) {
      if (th.dataset['sortCol'] === this.#sort.key) th.setAttribute('aria-sort', this.#sort.descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    }
    const date = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'medium', timeZone: 'UTC' });
    part(this, 'team-people').replaceChildren(
      ...this.#rows.map((r) => {
        const tr = el('tr');
        const name = el('th', r.name);
        name.scope = 'row';
        const status = el(
          'td',
          r.stuck ? (r.daysIdle === undefined ? 'Stuck: no activity yet' : `Stuck: ${plural(r.daysIdle, 'day')} idle`) : 'Active',
          r.stuck ? 'is-stuck' : '',
        );
        tr.append(
          name,
          el('td', `${r.done} of ${r.total}`),
          el('td', `${r.checksPassed} of ${r.checksTaken} taken`),
          el('td', r.certifiedAt ? `Certified ${date.format(new Date(r.certifiedAt))}` : 'Not yet'),
          el('td', r.lastActivity ? date.format(new Date(r.lastActivity)) : 'None'),
          status,
        );
        return tr;
      }),
    );
    const head = el('tr');
    const corner = el('th', 'Step');
    corner.scope = 'col';
    head.append(corner, ...this.#rows.map((r) => Object.assign(el('th', r.name), { scope: 'col' })));
    const done = el('th', 'People done');
    done.scope = 'col';
    head.append(done);
    part(this, 'team-heat-head').replaceChildren(head);
    const totals = stepTotals(this.#rows, this.#steps.length);
    part(this, 'team-heat-body').replaceChildren(
      ...this.#steps.map((step, i) => {
        const tr = el('tr');
        const th = el('th', `${i + 1}. ${step.title}`);
        th.scope = 'row';
        tr.append(
          th,
          ...this.#rows.map((r) => el('td', r.cells[i]?.text ?? '', `heat heat--${r.cells[i]?.state ?? 'none'}`)),
          el('td', `${totals[i]} of ${this.#rows.length}`),
        );
        return tr;
      }),
    );
    output.hidden = false;
  }
}

if (!customElements.get('pb-readiness-team')) customElements.define('pb-readiness-team', PbReadinessTeam);
