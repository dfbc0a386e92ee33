import { PROGRESS_LIMITS, importRefusal, isEmptyProgress } from './progress.ts';
import { $progress, importProgress, reset } from './store.ts';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The file name of an export, e.g. `playbook-progress-2026-03-01.json`. */
const exportName = (): string => `playbook-progress-${new Date().toISOString().slice(0, 10)}.json`;

/** `<pb-progress-transfer>`: export progress to a JSON file, import one, reset with confirmation. */
class PbProgressTransfer extends HTMLElement {
  #status: HTMLElement | null = null;

  connectedCallback(): void {
    this.#status = this.querySelector('[data-transfer-status]');
    this.querySelector('[data-export]')?.addEventListener('click', () => this.#export());
    const input = this.querySelector<HTMLInputElement>('[data-import]');
    input?.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) void this.#import(file).finally(() => (input.value = ''));
    });
    const dialog = this.querySelector<HTMLDialogElement>('[data-reset-dialog]');
    this.querySelector('[data-reset]')?.addEventListener('click', () => dialog?.showModal());
    this.querySelector('[data-reset-cancel]')?.addEventListener('click', () => dialog?.close());
    this.querySelector('[data-reset-confirm]')?.addEventListener('click', () => {
      reset();
      dialog?.close();
      this.#say('Your progress in this browser has been reset.');
    });
    for (const el of this.querySelectorAll<HTMLElement>('[data-transfer-controls]')) el.hidden = false;
  }

  #say(message: string, refused = false): void {
    if (!this.#status) return;
    this.#status.textContent = message;
    this.#status.classList.toggle('notice--error', refused);
    this.#status.hidden = false;
  }

  #export(): void {
    const progress = $progress.get();
    const blob = new Blob([`${JSON.stringify(progress, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = exportName();
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    // Give the browser time to start the download before the file's address is released.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.#say(
      isEmptyProgress(progress)
        ? `Exported ${link.download}. Nothing is marked done yet, so the file is empty.`
        : `Exported ${link.download}: ${plural(Object.keys(progress.chapters).length, 'chapter')} and ${plural(Object.keys(progress.steps).length, 'step')} done.`,
    );
  }

  async #import(file: File): Promise<void> {
    if (file.size > PROGRESS_LIMITS.text * 4) {
      this.#say(importRefusal(file.name, `it is ${Math.round(file.size / 1024)} KB, far larger than any progress file`), true);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      this.#say(importRefusal(file.name, 'it could not be read'), true);
      return;
    }
    const result = importProgress(text, file.name);
    if (!result.ok) {
      this.#say(result.message, true);
      return;
    }
    const { chapters, steps } = result.added;
    this.#say(
      chapters + steps === 0
        ? `Imported “${file.name}”: everything in it was already marked done here.`
        : `Imported “${file.name}”: ${plural(chapters, 'more chapter')} and ${plural(steps, 'more step')} marked done.`,
    );
  }
}

if (!customElements.get('pb-progress-transfer')) customElements.define('pb-progress-transfer', PbProgressTransfer);
