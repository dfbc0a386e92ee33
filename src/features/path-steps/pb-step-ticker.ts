import { markStep } from '../progress/store.ts';
import { isStepKey } from '../progress/format.ts';

/** `<pb-step-ticker data-steps="…">`: marks its steps done when the page's assessment is finished. */
class PbStepTicker extends HTMLElement {
  #onFinish = (): void => {
    for (const key of (this.dataset['steps'] ?? '').split(/\s+/)) if (isStepKey(key)) markStep(key);
  };

  connectedCallback(): void {
    document.addEventListener('pb-assessment-finished', this.#onFinish);
  }

  disconnectedCallback(): void {
    document.removeEventListener('pb-assessment-finished', this.#onFinish);
  }
}

if (!customElements.get('pb-step-ticker')) customElements.define('pb-step-ticker', PbStepTicker);
