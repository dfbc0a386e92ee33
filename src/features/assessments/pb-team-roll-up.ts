import { parsePageData, type AssessmentPageData } from './page-data.ts';
import type { AssessmentResult } from './result-format.ts';
import type { Distribution } from './roll-up.ts';
import { el, part as partOf } from '../../browser/dom.ts';
import { dataText } from '../../browser/data-attrs.ts';
import { pageLocale } from '../../browser/locale.ts';

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

const part = <T extends HTMLElement = HTMLElement>(root: ParentNode, name: string): T => partOf<T>(root, name, 'pb-team-roll-up');

/** `<pb-team-roll-up>`: reads result files and links in this browser and summarises the team. */
class PbTeamRollUp extends HTMLElement {
  #data = new Map<string, AssessmentPageData>();
  #accepted: Accepted[] = [];
  #number!: Intl.NumberFormat;

  connectedCallback(): void {
    if (this.dataset['ready']) return;
    this.dataset['ready'] = 'true';
    try {
      this.#number = new Intl.NumberFormat(pageLocale(), { maximumFractionDigits: 1 });
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
          const response = await fetch(dataText(option, 'src'));
          return response.ok ? parsePageData(await response.json(), option.value) : undefined;
        }),
      );
      for (const data of loaded) if (data) this.#data.set(data.assessment.id, data);
    }
    return [...this.#data.values()];
  }

  async #process(): Promise<void> {
    this.#status('Reading…');
    const [results, team, data] = await Promise.all([import('./result-module.ts'), import('./roll-up-module.ts'), this.#loadData()]);
    const { readResultFile, parseResultLinks, fileRefusal, fileSource, linkSource, readStatus, assessmentChoice, teamLinkRefusal } = results;
    const { MAX_RESULT_FILE_CHARS, resultFileTooLarge, moreRefused } = results;
    const { distinctResults, MAX_REFUSALS_SHOWN } = team;
    const assessments = data.map((d) => d.assessment);
    const accepted: Accepted[] = [];
    const refused: Refused[] = [];

    for (const file of part<HTMLInputElement>(this, 'files').files ?? []) {
      const source = fileSource(file.name);
      // A file far larger than any result is refused by its size, before it is read at all.
      if (file.size > MAX_RESULT_FILE_CHARS * 4) {
        refused.push({ source, reason: resultFileTooLarge(file.size, MAX_RESULT_FILE_CHARS) });
        continue;
      }
      const text = await file.text().catch(() => undefined);
      if (text === undefined) {
        refused.push({ source, reason: 'The file could not be read.' });
        continue;
      }
      const { assessment, outcome } = readResultFile(text, assessments);
      if (outcome.ok) accepted.push({ result: outcome.value.result, source });
      else refused.push({ source, reason: fileRefusal(outcome.problems, { fileName: file.name, assessments, assessment }) });
    }
    for (const { line, assessment, outcome } of parseResultLinks(part<HTMLTextAreaElement>(this, 'links').value, assessments)) {
      const source = linkSource(line);
      if (outcome.ok) accepted.push({ result: outcome.value, source });
      else refused.push({ source, reason: teamLinkRefusal(outcome.problems, assessment) });
    }

    this.#accepted = accepted;
    part(this, 'refused').hidden = refused.length === 0;
    const shown = refused.slice(0, MAX_REFUSALS_SHOWN).map((r) => el('li', `${r.source}: ${r.reason}`));
    if (refused.length > MAX_REFUSALS_SHOWN) shown.push(el('li', moreRefused(refused.length - MAX_REFUSALS_SHOWN)));
    part(this, 'refused-list').replaceChildren(...shown);
    const { distinct, duplicates } = distinctResults(accepted);
    this.#status(readStatus(distinct.length, refused.length, duplicates));
    if (accepted.length === 0) {
      part(this, 'output').hidden = true;
      return;
    }
    // Show the assessment most people took; label each choice with its count.
    const select = part<HTMLSelectElement>(this, 'assessment');
    const counts = new Map<string, number>();
    for (const { result } of accepted) counts.set(result.assessment, (counts.get(result.assessment) ?? 0) + 1);
    for (const option of select.options) {
      option.textContent = assessmentChoice(this.#data.get(option.value)?.assessment.title ?? option.value, counts.get(option.value) ?? 0);
    }
    select.value = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? select.value;
    await this.#render();
    part(this, 'output').hidden = false;
  }

  async #render(): Promise<void> {
    const [{ teamSummary, leftOutText, personSource, chapterNeedText, resultsOfPerson }, { rollUp, peopleLines }] = await Promise.all([
      import('./result-module.ts'),
      import('./roll-up-module.ts'),
    ]);
    const data = this.#data.get(part<HTMLSelectElement>(this, 'assessment').value);
    if (!data) return;
    const { assessment, chapters } = data;
    const mine = this.#accepted.filter((a) => a.result.assessment === assessment.id);
    const team = rollUp(
      mine.map((a) => a.result),
      assessment,
    );

    part(this, 'summary').textContent = teamSummary(team, (n) => this.#number.format(n));
    const leftOut = leftOutText(team.skipped, this.#accepted.length - mine.length);
    part(this, 'skipped').textContent = leftOut;
    part(this, 'skipped').hidden = leftOut === '';
    part(this, 'has-people').hidden = team.people === 0;

    part(this, 'people').replaceChildren(
      ...peopleLines(mine).map(({ first, results }, i) => {
        // <bdi> keeps right-to-left characters in a name from reordering the text around it.
        const li = el('li');
        li.append(el('bdi', first.result.name ?? `Person ${i + 1}`), resultsOfPerson(results), personSource(first.source));
        return li;
      }),
    );
    const rows = team.overall
      ? [
          // A recommendation's "overall" is the best fit's score, whichever option that was: no row for it.
          ...(team.bestFits.length > 0 || team.tooClose > 0 ? [] : [this.#row('Overall', team.overall, team.people, true)]),
          ...team.dimensions.map((d) => this.#row(d.title, d, team.people, false)),
        ]
      : [];
    part(this, 'rows').replaceChildren(...rows);
    part(this, 'chapters').replaceChildren(
      ...team.chapters.map((need) => {
        const chapter = chapters[need.chapter];
        const item = el('li');
        const link = el('a', chapter?.title ?? need.chapter);
        link.href = chapter?.href ?? '#';
        item.append(link, ' ', el('span', chapterNeedText(need, team.people), 'muted'));
        return item;
      }),
    );
  }

  #row(title: string, spread: Distribution, people: number, strong: boolean): HTMLTableRowElement {
    const row = el('tr');
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
}

if (!customElements.get('pb-team-roll-up')) customElements.define('pb-team-roll-up', PbTeamRollUp);
