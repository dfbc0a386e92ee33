import type { KnowledgeCheckController } from './knowledge-check-controller.ts';

/**
 * `<pb-knowledge-check>`: a small loader, itself loaded once the page is idle
 * (src/browser/idle-features.ts). Reading pages have a 3 KB script budget, so the check's logic and
 * stored results load only when the reader comes near the check (or focuses or submits it); until
 * then the "Answer" disclosures keep it usable.
 */
class PbKnowledgeCheck extends HTMLElement {
  #controller: KnowledgeCheckController | undefined;
  #loading: Promise<() => void> | undefined;
  #observer: IntersectionObserver | undefined;

  connectedCallback(): void {
    const form = this.querySelector<HTMLFormElement>('[data-check-form]');
    if (!form) return;
    for (const answer of this.querySelectorAll<HTMLElement>('[data-answer]')) answer.hidden = true;
    const submit = this.querySelector<HTMLElement>('[data-check-submit]');
    if (submit) submit.hidden = false;
    form.addEventListener('submit', this.#onEarlySubmit);
    this.addEventListener('focusin', this.#load, { once: true });
    if ('IntersectionObserver' in window) {
      this.#observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && void this.#load(), { rootMargin: '400px' });
      this.#observer.observe(this);
    } else void this.#load();
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    this.#controller?.stop();
  }

  #load = (): Promise<() => void> => {
    this.#observer?.disconnect();
    this.#loading ??= import('./knowledge-check-controller.ts').then(({ KnowledgeCheckController }) => {
      this.#controller = new KnowledgeCheckController(this);
      this.querySelector('[data-check-form]')?.removeEventListener('submit', this.#onEarlySubmit);
      return this.#controller.start();
    });
    return this.#loading;
  };

  // A submit before the logic has loaded waits for it, then counts.
  #onEarlySubmit = (event: Event): void => {
    event.preventDefault();
    void this.#load().then((submitNow) => submitNow());
  };
}

if (!customElements.get('pb-knowledge-check')) customElements.define('pb-knowledge-check', PbKnowledgeCheck);
