import { $notice, $progress, markChapter, markStep, unmarkChapter } from './store.ts';
import { decodeTarget, decodeTargets, doneAt, isEmptyProgress, pathCompletion, type StepTarget } from './progress.ts';
import { stepsDone } from './wording.ts';
import type { Progress } from './schema.ts';
import { dataText, readData } from '../../browser/data-attrs.ts';
import { pageLocale } from '../../browser/locale.ts';

/** The target a `data-<name>` attribute names (`c:<chapter>` or `s:<step key>`), if it names one. */
const targetOf = (element: HTMLElement, name: string): StepTarget | undefined => readData(element, name, decodeTarget, undefined);

/**
 * `<pb-progress-view>`: fills in the reader's progress inside server-rendered HTML and keeps it current
 * (other tabs included). It works through data attributes on its descendants, which the components
 * in this folder write (ProgressNotice, PathProgress, PathStep, DoneWhen, DoneGroup, ContinueLink, ShowWhen):
 * - `data-reveal`: shown once the script runs; `data-show-if-progress`: shown when anything is done or visited;
 * - `data-path-progress` + `data-targets`: a path's `<progress>` and `[data-count]` ("3 of 9 steps done"),
 *   hidden when nothing is done if `data-hide-empty`; inside it, `[data-step-row]` rows are marked done or next;
 * - `input[data-target]`: a "Done" checkbox for a chapter (`c:id`) or a step (`s:key`);
 * - `data-done-when`: shown only when its target is done, with `[data-done-date]` filled in; a
 *   `[data-done-group]` shows its `[data-none]` message when none of its items is done;
 * - `data-continue` + `data-href-prefix`: a link to the chapter read last, its text the link's `data-label`
 *   followed by the title stored with the visit (or `data-fallback` for progress saved without one);
 * - `data-progress-notice`: the notice about stored data that could not be read.
 */
class PbProgressView extends HTMLElement {
  #unbind: (() => void)[] = [];

  connectedCallback(): void {
    for (const box of this.querySelectorAll<HTMLInputElement>('input[type="checkbox"][data-target]')) {
      box.addEventListener('change', () => {
        const target = targetOf(box, 'target');
        if (!target) return;
        if ('chapter' in target) (box.checked ? markChapter : unmarkChapter)(target.chapter);
        else markStep(target.step, box.checked);
      });
    }
    for (const el of this.querySelectorAll<HTMLElement>('[data-reveal]')) el.hidden = false;
    this.#unbind.push(
      $progress.subscribe((progress) => this.#render(progress)),
      $notice.subscribe((text) => {
        for (const el of this.querySelectorAll<HTMLElement>('[data-progress-notice]')) {
          el.textContent = text ?? '';
          el.hidden = !text;
        }
      }),
    );
  }

  disconnectedCallback(): void {
    for (const unbind of this.#unbind.splice(0)) unbind();
  }

  #render(progress: Progress): void {
    const empty = isEmptyProgress(progress);
    for (const el of this.querySelectorAll<HTMLElement>('[data-show-if-progress]')) el.hidden = empty;

    for (const block of this.querySelectorAll<HTMLElement>('[data-path-progress]')) {
      const completion = pathCompletion(progress, decodeTargets(block.dataset['targets']));
      const bar = block.querySelector('progress');
      if (bar) {
        bar.max = Math.max(completion.total, 1);
        bar.value = completion.done;
      }
      const count = block.querySelector<HTMLElement>('[data-count]');
      if (count) count.textContent = stepsDone(completion.done, completion.total);
      block.hidden = completion.done === 0 && block.hasAttribute('data-hide-empty');
    }

    const rows = [...this.querySelectorAll<HTMLElement>('[data-step-row]')];
    const doneRows = rows.map((row) => {
      const target = targetOf(row, 'stepRow');
      return target !== undefined && doneAt(progress, target) !== undefined;
    });
    const next = doneRows.indexOf(false);
    rows.forEach((row, i) => {
      row.classList.toggle('is-done', doneRows[i] === true);
      const badge = row.querySelector<HTMLElement>('[data-next-badge]');
      if (badge) badge.hidden = i !== next;
    });

    for (const box of this.querySelectorAll<HTMLInputElement>('input[type="checkbox"][data-target]')) {
      const target = targetOf(box, 'target');
      box.checked = target !== undefined && doneAt(progress, target) !== undefined;
    }

    // Made only when a date is shown: a date format costs the browser 70–190 ms to make (its calendar
    // data), which every page with progress on it would otherwise spend on load, done or not.
    let dates: Intl.DateTimeFormat | undefined;
    for (const item of this.querySelectorAll<HTMLElement>('[data-done-when]')) {
      const target = targetOf(item, 'doneWhen');
      const at = target && doneAt(progress, target);
      item.hidden = at === undefined;
      const date = item.querySelector<HTMLTimeElement>('[data-done-date]');
      if (date && at) {
        date.dateTime = at;
        dates ??= new Intl.DateTimeFormat(pageLocale(), { dateStyle: 'medium' });
        date.textContent = dates.format(new Date(at));
      }
    }
    for (const group of this.querySelectorAll<HTMLElement>('[data-done-group]')) {
      const none = group.querySelector<HTMLElement>('[data-none]');
      if (none) none.hidden = group.querySelector('[data-done-when]:not([hidden])') !== null;
    }

    for (const el of this.querySelectorAll<HTMLElement>('[data-continue]')) {
      const link = el.querySelector<HTMLAnchorElement>('a');
      const chapters = dataText(el, 'chapters').split(' ');
      const visited = progress.lastVisited && chapters.includes(progress.lastVisited.chapter) ? progress.lastVisited : undefined;
      el.hidden = !link || !visited;
      if (link && visited) {
        link.href = `${dataText(el, 'hrefPrefix')}${visited.chapter}/`;
        // The title was stored with the visit (pages do not carry every chapter's title).
        link.textContent = visited.title ? `${dataText(link, 'label')}${visited.title}` : dataText(link, 'fallback', 'Continue reading');
      }
    }
  }
}

if (!customElements.get('pb-progress-view')) customElements.define('pb-progress-view', PbProgressView);
