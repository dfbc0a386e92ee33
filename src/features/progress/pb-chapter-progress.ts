import { $notice, $progress, applyPending, markChapter, unmarkChapter, visit } from './store.ts';
import { doneAt } from './progress.ts';
import { dataText } from '../../browser/data-attrs.ts';

/** `<pb-chapter-progress data-chapter="id">`: a "done" checkbox for the chapter; records it as read last. */
class PbChapterProgress extends HTMLElement {
  #unbind: (() => void)[] = [];

  connectedCallback(): void {
    const chapter = dataText(this, 'chapter');
    const toggle = this.querySelector<HTMLElement>('[data-chapter-toggle]');
    const box = this.querySelector<HTMLInputElement>('[data-chapter-done]');
    const notice = this.querySelector<HTMLElement>('[data-progress-notice]');
    if (!chapter || !toggle || !box) return;
    // The store applies what was noted when it loads; when something else on the page (a knowledge
    // check) loaded it first, the mark the reader just made was noted after that, so it is applied now.
    applyPending();
    visit(chapter, this.dataset['title']);
    box.addEventListener('change', () => {
      if (box.checked) markChapter(chapter);
      else unmarkChapter(chapter);
      // A refused save leaves the stored state as it was: the box shows that, not what was clicked.
      box.checked = doneAt($progress.get(), { chapter }) !== undefined;
    });
    this.#unbind.push(
      $progress.subscribe((progress) => {
        box.checked = doneAt(progress, { chapter }) !== undefined;
      }),
      $notice.subscribe((text) => {
        if (!notice) return;
        notice.textContent = text ?? '';
        notice.hidden = !text;
      }),
    );
    toggle.hidden = false;
  }

  disconnectedCallback(): void {
    for (const unbind of this.#unbind.splice(0)) unbind();
  }
}

/** Marks a chapter done or not through the store, which says why when it cannot keep the mark (for progress-peek.ts, when it could not note it). */
export function mark(chapter: string, done: boolean): void {
  if (done) markChapter(chapter);
  else unmarkChapter(chapter);
}

if (!customElements.get('pb-chapter-progress')) customElements.define('pb-chapter-progress', PbChapterProgress);
