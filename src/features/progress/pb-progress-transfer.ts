import { PROGRESS_LIMITS } from './format.ts';
import { $progress, importProgress, reset } from './store.ts';
import { exportFileName, exportedMessage, fileTooLarge, fileUnreadable, importRefused, importedMessage } from './transfer-wording.ts';
import { downloadText } from '../../browser/download.ts';
import { loadCertificates, saveCertificates } from '../certification/store.ts';
import { mergeCertificates, splitCertificates, withCertificates } from '../certification/transfer.ts';
import { certificatesMessage } from './transfer-wording.ts';

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
    const { state } = loadCertificates();
    const name = downloadText(exportFileName(new Date()), `${JSON.stringify(withCertificates(progress, state), null, 2)}\n`, 'application/json');
    this.#say(exportedMessage(name, progress, Object.keys(state.certificates).length));
  }

  async #import(file: File): Promise<void> {
    if (file.size > PROGRESS_LIMITS.text * 4) {
      this.#say(fileTooLarge(file.name, file.size), true);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      this.#say(fileUnreadable(file.name), true);
      return;
    }
    const split = splitCertificates(text);
    // This playbook's chapters, written by the page: chapters a file has beyond them are kept aside.
    const known = new Set((this.dataset['chapters'] ?? '').split(' ').filter(Boolean));
    const result = importProgress(split.progressText, known.size > 0 ? known : undefined);
    if (!result.ok) {
      this.#say(importRefused(file.name, result.problems), true);
      return;
    }
    const merged = mergeCertificates(loadCertificates().state, split.certificates);
    const saved = split.certificates.length === 0 || saveCertificates(merged.state);
    const certificates = certificatesMessage(saved ? merged.added : 0, split.refused, saved);
    this.#say(`${importedMessage(file.name, result.value.added, result.value.unknown)}${certificates ? ` ${certificates}` : ''}`, split.refused > 0 || !saved);
  }
}

if (!customElements.get('pb-progress-transfer')) customElements.define('pb-progress-transfer', PbProgressTransfer);
