import { parsePageData, type AssessmentPageData } from './page-data.ts';
import type { AssessmentResult, Distribution, TeamRollUp } from './result-format.ts';
import { describeValue } from '../../common/problems.ts';

/** An accepted result and where it came from. */
interface Accepted {
  result: AssessmentResult;
  source: string;
}

/** One input that was refused, and why. */
interface Refused {
  source: string;
  reason: string;
}

function el(tag: string, text?: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function part<T extends HTMLElement = HTMLElement>(root: ParentNode, name: string): T {
  const found = root.querySelector<T>(`[data-${name}]`);
  if (!found) throw new Error(`pb-team-roll-up: missing [data-${name}]`);
  return found;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `<pb-team-roll-up>`: reads result files and links in this browser and summarises the team. */
class PbTeamRollUp extends HTMLElement {
  #data = new Map<string, AssessmentPageData>();
  #accepted: Accepted[] = [];
  #number!: Intl.NumberFormat;

  connectedCallback(): void {
    if (this.dataset['ready']) return;
    this.dataset['ready'] = 'true';
    try {
      this.#number = new Intl.NumberFormat(document.documentElement.lang || undefined, { maximumFractionDigits: 1 });
    } catch {
      this.#number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
    }
    const form = part<HTMLFormElement>(this, 'form');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#process().catch(() => this.#status('The results could not be read: part of the page did not load. Reload the page to try again.'));
    });
    form.addEventListener('reset', () => {
      this.#accepted = [];
      part(this, 'output').hidden = true;
      part(this, 'refused').hidden = true;
      this.#status('');
    });
    part(this, 'assessment').addEventListener('change', () => void this.#render());
    part<HTMLButtonElement>(this, 'submit').disabled = false;
  }

  #status(text: string): void {
    part(this, 'status').textContent = text;
  }

  /** Fetches every assessment's data file once (this site's own files only). */
  async #loadData(): Promise<AssessmentPageData[]> {
    if (this.#data.size === 0) {
      const options = [...part<HTMLSelectElement>(this, 'assessment').options];
      const loaded = await Promise.all(
        options.map(async (option) => {
          const response = await fetch(option.dataset['src'] ?? '');
          return response.ok ? parsePageData(await response.json(), option.value) : undefined;
        }),
      );
      for (const data of loaded) if (data) this.#data.set(data.assessment.id, data);
    }
    return [...this.#data.values()];
  }

  async #process(): Promise<void> {
    this.#status('Reading…');
    const [{ parseResultFile, decodeResultLink }, data] = await Promise.all([import('./result-module.ts'), this.#loadData()]);
    const assessments = data.map((d) => d.assessment);
    const accepted: Accepted[] = [];
    const refused: Refused[] = [];

    for (const file of part<HTMLInputElement>(this, 'files').files ?? []) {
      const source = `File ${describeValue(file.name)}`;
      const text = await file.text().catch(() => undefined);
      const outcome = text === undefined ? { ok: false as const, reason: 'The file could not be read.' } : parseResultFile(text, assessments, file.name);
      if (outcome.ok) accepted.push({ result: outcome.result, source });
      else refused.push({ source, reason: outcome.reason });
    }

    const lines = part<HTMLTextAreaElement>(this, 'links').value.split(/\r?\n/);
    lines.forEach((raw, index) => {
      const line = raw.trim();
      if (!line) return;
      const source = `Link on line ${index + 1}`;
      const at = line.indexOf('#');
      const params = new URLSearchParams(at >= 0 ? line.slice(at + 1) : '');
      if (!params.has('pb-result')) {
        refused.push({ source, reason: 'This is not a result link: it has no “#pb-result=…” part. Copy the link from the “Copy result link” button on a results page.' });
        return;
      }
      const assessment = assessments.find((a) => a.id === params.get('a'));
      if (!assessment) {
        refused.push({ source, reason: `This link is for a self-assessment this site does not have (${describeValue(params.get('a') ?? '')}).` });
        return;
      }
      const outcome = decodeResultLink(line, assessment);
      if (outcome.ok) accepted.push({ result: outcome.result, source });
      else refused.push({ source, reason: outcome.reason });
    });

    this.#accepted = accepted;
    part(this, 'refused').hidden = refused.length === 0;
    part(this, 'refused-list').replaceChildren(...refused.map((r) => el('li', `${r.source}: ${r.reason}`)));
    this.#status(`${plural(accepted.length, 'result', 'results')} read${refused.length > 0 ? `, ${refused.length} not included (see below)` : ''}. Nothing was uploaded.`);
    if (accepted.length === 0) {
      part(this, 'output').hidden = true;
      return;
    }
    // Show the assessment most people took; label each choice with its count.
    const select = part<HTMLSelectElement>(this, 'assessment');
    const counts = new Map<string, number>();
    for (const { result } of accepted) counts.set(result.assessment, (counts.get(result.assessment) ?? 0) + 1);
    for (const option of select.options) {
      const title = this.#data.get(option.value)?.assessment.title ?? option.value;
      option.textContent = `${title} (${plural(counts.get(option.value) ?? 0, 'result', 'results')})`;
    }
    select.value = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? select.value;
    await this.#render();
    part(this, 'output').hidden = false;
  }

  async #render(): Promise<void> {
    const { rollUp } = await import('./result-module.ts');
    const data = this.#data.get(part<HTMLSelectElement>(this, 'assessment').value);
    if (!data) return;
    const { assessment, chapters } = data;
    const mine = this.#accepted.filter((a) => a.result.assessment === assessment.id);
    const team = rollUp(mine.map((a) => a.result), assessment);
    const fmt = (n: number) => this.#number.format(n);

    part(this, 'summary').textContent = team.overall
      ? `${plural(team.people, 'person', 'people')}. Overall mean ${fmt(team.overall.mean)} out of 100 (median ${fmt(team.overall.median)}, from ${fmt(team.overall.min)} to ${fmt(team.overall.max)}).`
      : 'No results of this self-assessment have been added.';
    const skipped = [
      team.skipped.duplicate > 0 ? `${plural(team.skipped.duplicate, 'duplicate', 'duplicates')} counted once` : '',
      team.skipped.notFitting > 0 ? `${plural(team.skipped.notFitting, 'result does', 'results do')} not fit this version of the self-assessment` : '',
      this.#accepted.length > mine.length ? `${plural(this.#accepted.length - mine.length, 'result is', 'results are')} of another self-assessment (choose it above)` : '',
    ].filter(Boolean);
    part(this, 'skipped').textContent = skipped.length > 0 ? `Left out: ${skipped.join('; ')}.` : '';
    part(this, 'skipped').hidden = skipped.length === 0;
    part(this, 'has-people').hidden = team.people === 0;

    part(this, 'people').replaceChildren(
      ...mine.map((a, i) => {
        // <bdi> keeps right-to-left characters in a name from reordering the text around it.
        const li = el('li');
        li.append(el('bdi', a.result.name ?? `Person ${i + 1}`), ` (${a.source.charAt(0).toLowerCase()}${a.source.slice(1)})`);
        return li;
      }),
    );
    const rows = team.overall ? [this.#row('Overall', team.overall, team.people, true), ...team.dimensions.map((d) => this.#row(d.title, d, team.people, false))] : [];
    part(this, 'rows').replaceChildren(...rows);
    part(this, 'chapters').replaceChildren(...team.chapters.map((need) => this.#chapter(need, chapters[need.chapter], team)));
  }

  #row(title: string, spread: Distribution, people: number, strong: boolean): HTMLTableRowElement {
    const row = document.createElement('tr');
    const head = el('th', title);
    head.setAttribute('scope', 'row');
    if (strong) head.className = 'team-table__overall';
    row.append(head, ...[spread.min, spread.median, spread.mean, spread.max].map((n) => el('td', this.#number.format(n))));
    for (const bucket of spread.buckets) {
      const cell = el('td', String(bucket.count));
      const bar = el('span', undefined, bucket.count === 0 ? 'bar bar--empty' : 'bar');
      bar.style.width = `${Math.round((100 * bucket.count) / Math.max(1, people))}%`;
      bar.setAttribute('aria-hidden', 'true');
      cell.append(bar);
      row.append(cell);
    }
    return row;
  }

  #chapter(need: TeamRollUp['chapters'][number], chapter: { title: string; href: string } | undefined, team: TeamRollUp): HTMLElement {
    const item = el('li');
    const link = el('a', chapter?.title ?? need.chapter) as HTMLAnchorElement;
    link.href = chapter?.href ?? '#';
    const readNext = need.readNext > 0 ? `; among the three to read next for ${need.readNext}` : '';
    item.append(link, ' ', el('span', `(recommended for ${need.people} of ${team.people}${readNext})`, 'muted'));
    return item;
  }
}

if (!customElements.get('pb-team-roll-up')) customElements.define('pb-team-roll-up', PbTeamRollUp);
