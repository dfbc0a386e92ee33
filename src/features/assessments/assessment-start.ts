import { siteBase } from '../../browser/data-attrs.ts';
import { loadOnFirstAct } from '../../browser/first-act.ts';
import { anyStored } from '../../browser/load-when-stored.ts';
import { STARTED_EVENT, assessmentPendingKey, assessmentStorageKey, notePendingAnswer } from './started.ts';

/**
 * An assessment page's script, and all of it until the reader acts. Not started yet, the page already
 * shows every question as the server wrote it, so the assessment's code (scoring, saving, the result)
 * loads when it is first needed: at once when this browser keeps answers or results for it, or answers
 * given before a reload, or when the page opens on a result link (or any fragment); otherwise on
 * the reader's first touch, key, scroll or focus. An answer given while it loads is noted in this
 * browser at once (started.ts) and saved by the code once it has started, even after a reload.
 */

/** Said when the assessment's code could not be loaded. */
const NOT_LOADED = 'Scoring is unavailable: part of the page did not load. You can read the questions; act again to retry, or reload the page.';

export function startAssessment(root: HTMLElement): void {
  // The progress line (none answered yet, or the code loads at once) and the button that scores work with the script.
  const progress = root.querySelector<HTMLElement>('[data-progress]');
  const submit = root.querySelector<HTMLButtonElement>('[data-submit]');
  if (progress) progress.hidden = false;
  if (submit) submit.disabled = false;
  // Unanswered questions are reported by the code, with their numbers, not by the browser's own bubble.
  root.querySelector<HTMLFormElement>('form[data-form]')?.setAttribute('novalidate', '');
  const notice = root.querySelector<HTMLElement>('[data-notice]');
  const id = root.dataset['id'] ?? '';
  // An answer given before the code has started is noted at once, so that leaving or reloading the page meanwhile loses nothing.
  root.addEventListener('change', (event) => {
    const input = event.target;
    if (!root.dataset['started'] && input instanceof HTMLInputElement && input.type === 'radio') notePendingAnswer(id, input.name, Number(input.value));
  });
  loadOnFirstAct(root, {
    // Kept answers or results, or answers noted before a reload (storage that cannot be read too: the store then says why).
    now: location.hash.length > 1 || anyStored([assessmentStorageKey(siteBase(), id), assessmentPendingKey(siteBase(), id)]),
    load: () =>
      import('./pb-assessment.ts').then(
        () =>
          new Promise<void>((resolve) => {
            if (root.dataset['started']) resolve();
            else root.addEventListener(STARTED_EVENT, () => resolve(), { once: true });
          }),
      ),
    failed: (failed) => {
      if (!notice || (!failed && notice.textContent !== NOT_LOADED)) return;
      notice.textContent = failed ? NOT_LOADED : '';
      notice.hidden = !failed;
    },
  });
}

const root = document.querySelector<HTMLElement>('pb-assessment');
if (root) startAssessment(root);
