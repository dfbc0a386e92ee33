import { loadOnFirstAct } from '../../browser/first-act.ts';
import { anyStored } from '../../browser/load-when-stored.ts';
import { CALCULATOR_DAMAGED_KEY, CALCULATOR_SAVED_KEY } from './saved-keys.ts';
import { formChanged } from './form-changed.ts';
import { stampMemo } from './memo-stamp.ts';
import { PHONE_QUERY } from './phone-query.ts';

/**
 * The calculator page's script, and all of it until the reader acts. Opened on the defaults, the page
 * already shows what the server computed and drew for them, so the calculator's own code (the model,
 * the store and the drawing, about 35 KB gzipped) loads when it is first needed: at once when the page
 * opens on a link, with something typed or put back in the form before this ran, or with scenarios
 * saved in this browser; otherwise on the reader's first touch, key, scroll or focus. Nothing the
 * reader does meanwhile is lost (browser/first-act.ts), and what was typed is read from the form as
 * it stands.
 */

/** The controls that need the script: hidden in the server's page, shown as soon as a script runs. */
const SCRIPT_ONLY = '[data-actions], [data-tornado-control], [data-be-controls], [data-compare-control], [data-saved-box], [data-sc-box], [data-bar]';

/** Said when the calculator's code could not be loaded: the page still shows the defaults' results. */
const NOT_LOADED = 'The calculator’s code did not load, so the results still show the default figures. Act again to retry, or reload the page.';

export function startCalculator(root: HTMLElement): void {
  for (const el of root.querySelectorAll<HTMLElement>(SCRIPT_ONLY)) el.hidden = false;
  // From a tablet up every group's fields show, open or not; the groups are opened so that their state says so.
  if (!window.matchMedia(PHONE_QUERY).matches) {
    for (const box of root.querySelectorAll<HTMLDetailsElement>('[data-group-box]')) box.open = true;
    root.dataset['groups'] = 'open';
  }
  // Printed before the code has started (the browser's own menu), the memo is dated and has the page's link all the same.
  window.addEventListener('beforeprint', () => {
    if (!customElements.get('pb-calculator')) stampMemo(root, root.dataset['locale'] || 'en-US');
  });
  const line = root.querySelector<HTMLElement>('[data-action-status]');
  loadOnFirstAct(root, {
    // Saved scenarios are listed at once (storage that cannot be read too: the store then says why).
    now: location.search !== '' || anyStored([CALCULATOR_SAVED_KEY, CALCULATOR_DAMAGED_KEY]) || formChanged(root),
    // Defining the element wires it at once (its start is synchronous).
    load: () => import('./pb-calculator.ts'),
    failed: (failed) => {
      if (!line || (!failed && line.textContent !== NOT_LOADED)) return;
      line.textContent = failed ? NOT_LOADED : '';
      line.classList.toggle('calc__action-status--error', failed);
    },
  });
}

const root = document.querySelector<HTMLElement>('pb-calculator');
if (root) startCalculator(root);
