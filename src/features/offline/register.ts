/**
 * Registers the offline copy (`<base>sw.js`, scoped to the base path) and says, in the footer, when a
 * newer version of the playbook has been downloaded and will be used from the next visit. Does
 * nothing where service workers are unavailable (file://, old browsers, private modes that block them).
 */
import { siteBase } from '../../browser/data-attrs.ts';

const NEWER = 'A newer version of this playbook has been downloaded for offline reading. It is used from your next visit.';

function say(text: string): void {
  const status = document.querySelector<HTMLElement>('[data-offline-status]');
  if (!status) return;
  status.textContent = text;
  status.hidden = false;
}

/** Shows the note once a new worker is installed while an older one still serves the page. */
function watch(registration: ServiceWorkerRegistration): void {
  if (registration.waiting && navigator.serviceWorker.controller) say(NEWER);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) say(NEWER);
    });
  });
}

// Not while writing (astro dev): a cached copy would hide the edits being previewed.
/** Registers the worker; its first download (the whole site) waits until the page has loaded and the browser is idle. */
function register(): void {
  const base = siteBase();
  navigator.serviceWorker
    .register(`${base}sw.js`, { scope: base })
    .then(watch)
    .catch(() => {
      // No offline copy (blocked by policy or by the browser): the site works online as before.
    });
}

// Not while writing (astro dev): a cached copy would hide the edits being previewed.
if (import.meta.env.PROD && 'serviceWorker' in navigator && (location.protocol === 'https:' || location.protocol === 'http:')) {
  const whenIdle = (): void => void ('requestIdleCallback' in window ? requestIdleCallback(register, { timeout: 10_000 }) : setTimeout(register, 2000));
  if (document.readyState === 'complete') whenIdle();
  else addEventListener('load', whenIdle, { once: true });
}
