/**
 * Loading a page's interactive code when the reader first acts. A page that shows, as the server
 * wrote it, everything its code would show before any input (the calculator's defaults, an assessment
 * not started) needs the code only once the reader does something: the first touch, key, scroll or
 * focus loads it, and the page loads a few hundred bytes until then. Nothing the reader does while the
 * code loads is lost: a button pressed, a form sent or a choice changed is noted (a form is not sent
 * away from the page) and done again once the code is in place.
 */

/** What the reader does first that means the code is wanted (a link pasted into the address bar too). */
const ENGAGE_EVENTS = ['pointerdown', 'touchstart', 'keydown', 'focusin', 'wheel', 'scroll', 'hashchange'] as const;

/** What the reader does that the code must see, noted until it is in place. */
const KEPT_EVENTS = ['click', 'change', 'submit'] as const;

/** What the reader did before the code was in place, to be done again once it is. */
type Pending =
  | { kind: 'click'; target: HTMLButtonElement }
  | { kind: 'change'; target: Element; checked: boolean | undefined }
  | { kind: 'submit'; target: HTMLFormElement; submitter: HTMLElement | null };

export interface FirstActOptions {
  /** Load at once (the page opened on a link, or with something stored or typed that the code must show). */
  now: boolean;
  /** Loads the code; settles once its listeners are in place, and rejects when it cannot load. */
  load: () => Promise<unknown>;
  /** Called when the code could not load (what was noted is dropped), and with `false` once it has. */
  failed: (failed: boolean) => void;
}

/** Loads `root`'s code on the reader's first act (or at once with `now`), keeping what the reader does meanwhile. */
export function loadOnFirstAct(root: HTMLElement, { now, load, failed }: FirstActOptions): void {
  const pending: Pending[] = [];
  let loading = false;
  const engage = (): void => {
    if (loading) return;
    loading = true;
    for (const type of ENGAGE_EVENTS) window.removeEventListener(type, engage, true);
    load().then(
      () => {
        failed(false);
        for (const type of KEPT_EVENTS) root.removeEventListener(type, keep, true);
        for (const item of pending.splice(0)) replay(item);
      },
      () => {
        // What was asked is dropped (`failed` says so); the reader's next act tries again.
        pending.length = 0;
        loading = false;
        listen();
        failed(true);
      },
    );
  };
  const listen = () => {
    for (const type of ENGAGE_EVENTS) window.addEventListener(type, engage, { capture: true, passive: true });
  };
  const keep = (event: Event): void => {
    const target = event.target as Element;
    if (event.type === 'submit') {
      event.preventDefault();
      pending.push({ kind: 'submit', target: target as HTMLFormElement, submitter: (event as SubmitEvent).submitter });
    } else if (event.type === 'change') {
      pending.push({ kind: 'change', target, checked: target instanceof HTMLInputElement ? target.checked : undefined });
    } else {
      const button = target.closest('button');
      if (button?.type === 'button') pending.push({ kind: 'click', target: button });
    }
    engage();
  };
  for (const type of KEPT_EVENTS) root.addEventListener(type, keep, true);
  if (now) engage();
  else listen();
}

/** Does again, for the code's own listeners, what the reader did before they were in place. */
function replay(item: Pending): void {
  if (!item.target.isConnected) return;
  if (item.kind === 'click') item.target.click();
  else if (item.kind === 'submit') item.target.requestSubmit(item.submitter);
  else {
    // The code may have set the form from what it keeps (an assessment's saved answers): the reader's choice stands.
    if (item.target instanceof HTMLInputElement && item.checked !== undefined) item.target.checked = item.checked;
    item.target.dispatchEvent(new Event('change', { bubbles: true }));
  }
}
