import { CALCULATOR_DAMAGED_KEY, CALCULATOR_SAVED_KEY } from '../../browser/storage-keys.ts';
import { formChanged } from './form-changed.ts';
import { PHONE_QUERY } from './phone-query.ts';

/**
 * The calculator page's script, and all of it until the reader acts. Opened on the defaults, the page
 * already shows what the server computed and drew for them, so the calculator's own code (the model,
 * the store and the drawing, about 35 KB gzipped) loads when it is first needed: at once when the page
 * opens on a link, with something typed or put back in the form before this ran, or with scenarios
 * saved in this browser; otherwise on the reader's first touch, key, scroll or focus. Nothing the
 * reader does meanwhile is lost: a button pressed, a form sent or a choice changed is passed on once
 * the code has started, and what was typed is read from the form as it stands.
 */

/** The controls that need the script: hidden in the server's page, shown as soon as a script runs. */
const SCRIPT_ONLY = '[data-actions], [data-tornado-control], [data-be-controls], [data-compare-control], [data-saved-box], [data-sc-box], [data-bar]';

/** What the reader does first that means the calculator's code is wanted. */
const ENGAGE_EVENTS = ['pointerdown', 'touchstart', 'keydown', 'focusin', 'wheel', 'scroll'] as const;

/** Said when the calculator's code could not be loaded: the page still shows the defaults' results. */
const NOT_LOADED = 'The calculator’s code did not load, so the results still show the default figures. Act again to retry, or reload the page.';

/** What the reader did before the code had started, to be done again once it has. */
type Pending =
  | { kind: 'click'; target: HTMLButtonElement }
  | { kind: 'change'; target: Element }
  | { kind: 'submit'; target: HTMLFormElement; submitter: HTMLElement | null };

export function startCalculator(root: HTMLElement): void {
  for (const el of root.querySelectorAll<HTMLElement>(SCRIPT_ONLY)) el.hidden = false;
  // From a tablet up every group's fields show, open or not; the groups are opened so that their state says so.
  if (!window.matchMedia(PHONE_QUERY).matches) {
    for (const box of root.querySelectorAll<HTMLDetailsElement>('[data-group-box]')) box.open = true;
    root.dataset['groups'] = 'open';
  }
  const pending: Pending[] = [];
  let loading: Promise<void> | null = null;
  let started = false;
  // Printed before the code has started (the browser's own menu), the memo is dated and has the page's link all the same.
  window.addEventListener('beforeprint', () => {
    if (started) return;
    const date = root.querySelector('[data-memo-date]');
    const link = root.querySelector('[data-memo-link]');
    if (date) date.textContent = new Date().toLocaleDateString(root.dataset['locale'] || 'en-US', { year: 'numeric', month: 'long', day: 'numeric' });
    if (link) link.textContent = location.href;
  });
  const load = (): void => {
    if (loading) return;
    for (const type of ENGAGE_EVENTS) window.removeEventListener(type, load, true);
    const line = root.querySelector<HTMLElement>('[data-action-status]');
    loading = import('./pb-calculator.ts').then(
      () => {
        started = true;
        if (line?.textContent === NOT_LOADED) {
          line.textContent = '';
          line.classList.remove('calc__action-status--error');
        }
        for (const type of KEPT_EVENTS) root.removeEventListener(type, keep, true);
        for (const item of pending.splice(0)) replay(item);
      },
      () => {
        // What was asked is dropped (the line below says so); the reader's next act tries again.
        pending.length = 0;
        loading = null;
        for (const type of ENGAGE_EVENTS) window.addEventListener(type, load, { capture: true, passive: true });
        if (line) {
          line.textContent = NOT_LOADED;
          line.classList.add('calc__action-status--error');
        }
      },
    );
  };
  // Until the code has started, what the reader does is noted, and a form is not sent away from the page.
  const keep = (event: Event): void => {
    const target = event.target as Element;
    if (event.type === 'submit') {
      event.preventDefault();
      pending.push({ kind: 'submit', target: target as HTMLFormElement, submitter: (event as SubmitEvent).submitter });
    } else if (event.type === 'change') pending.push({ kind: 'change', target });
    else {
      const button = target.closest('button');
      if (button?.type === 'button') pending.push({ kind: 'click', target: button });
    }
    load();
  };
  const KEPT_EVENTS = ['click', 'change', 'submit'] as const;
  for (const type of KEPT_EVENTS) root.addEventListener(type, keep, true);
  if (location.search || stored() || formChanged(root)) return load();
  for (const type of ENGAGE_EVENTS) window.addEventListener(type, load, { capture: true, passive: true });
}

/** Does again, for the calculator's own listeners, what the reader did before they were in place. */
function replay(item: Pending): void {
  if (!item.target.isConnected) return;
  if (item.kind === 'click') item.target.click();
  else if (item.kind === 'submit') item.target.requestSubmit(item.submitter);
  else item.target.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Whether this browser keeps saved scenarios (or storage cannot be read: the store then says why). */
function stored(): boolean {
  try {
    return localStorage.getItem(CALCULATOR_SAVED_KEY) !== null || localStorage.getItem(CALCULATOR_DAMAGED_KEY) !== null;
  } catch {
    return true;
  }
}

const root = document.querySelector<HTMLElement>('pb-calculator');
if (root) startCalculator(root);
