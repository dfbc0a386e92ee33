import { $notice, $progress, markChapter, unmarkChapter, visit } from './store.ts';
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

if (!customElements.get('pb-chapter-progress')) customElements.define('pb-chapter-progress', PbChapterProgress);
