import { storageNotice, storageState } from '../browser/storage.ts';

/** `<pb-storage-notice>`: shows, on every page, that this browser's storage is blocked or full. */
class PbStorageNotice extends HTMLElement {
  connectedCallback(): void {
    const text = storageNotice(storageState);
    const notice = this.querySelector<HTMLElement>('[data-storage-notice]');
    if (!notice || !text) return;
    notice.textContent = text;
    notice.hidden = false;
  }
}

if (!customElements.get('pb-storage-notice')) customElements.define('pb-storage-notice', PbStorageNotice);
