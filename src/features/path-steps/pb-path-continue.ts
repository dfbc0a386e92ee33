import { $progress } from '../progress/store.ts';
import { decodeTarget, doneAt } from '../progress/progress.ts';
import { currentPath } from './current-path.ts';

/**
 * `<pb-path-continue>`: shows a link to the first unfinished step of the current path, and hides the
 * "Continue where you left off" link beside it (which points at the chapter read last) while it does.
 */
class PbPathContinue extends HTMLElement {
  #unbind: (() => void) | undefined;

  connectedCallback(): void {
    const path = currentPath();
    const link = this.querySelector<HTMLAnchorElement>('[data-continue-step]');
    if (!path || !link) return;
    const steps = [...this.querySelectorAll<HTMLElement>('li[data-path]')].filter((li) => li.dataset['path'] === path);
    if (steps.length === 0) return;
    this.#unbind = $progress.subscribe((progress) => {
      const next = steps.find((li) => {
        const target = decodeTarget(li.dataset['target'] ?? '');
        return !target || doneAt(progress, target) === undefined;
      });
      const source = next?.querySelector('a');
      this.hidden = !source;
      for (const old of document.querySelectorAll<HTMLElement>('[data-continue]')) old.classList.toggle('superseded', Boolean(source));
      if (source) {
        link.href = source.href;
        link.textContent = source.textContent;
      }
    });
  }

  disconnectedCallback(): void {
    this.#unbind?.();
  }
}

if (!customElements.get('pb-path-continue')) customElements.define('pb-path-continue', PbPathContinue);
