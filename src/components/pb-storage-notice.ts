import { storageNotice, storageState } from '../browser/storage.ts';
import { SET_ASIDE_EVENT, anySetAside } from '../browser/set-aside.ts';
import { siteBase } from '../browser/data-attrs.ts';

/**
 * `<pb-storage-notice>`: shows, on every page, that this browser's storage is blocked or full, and
 * offers to download or discard stored data that was set aside because it could not be read.
 */
class PbStorageNotice extends HTMLElement {
  connectedCallback(): void {
    const text = storageNotice(storageState);
    const notice = this.querySelector<HTMLElement>('[data-storage-notice]');
    if (notice && text) {
      notice.textContent = text;
      notice.hidden = false;
    }
    // The stores set data aside as they load, which may be after this element: they say so with an event.
    void this.#showSetAside();
    addEventListener(SET_ASIDE_EVENT, () => void this.#showSetAside());
  }

  async #showSetAside(): Promise<void> {
    const box = this.querySelector<HTMLElement>('[data-set-aside]');
    const say = this.querySelector<HTMLElement>('[data-set-aside-text]');
    if (!box || !say || box.dataset['ready'] || !anySetAside()) return;
    // Only pages with something set aside load the code that lists, downloads and discards it.
    const [{ discardCopies, setAsideCopies, setAsideFile, setAsideText }, { downloadText }] = await Promise.all([
      import('../browser/set-aside-copies.ts'),
      import('../browser/download.ts'),
    ]);
    if (box.dataset['ready']) return;
    const copies = setAsideCopies(siteBase());
    if (copies.length === 0) return;
    box.dataset['ready'] = 'true';
    say.textContent = setAsideText(copies.length);
    box.hidden = false;
    const download = this.querySelector<HTMLButtonElement>('[data-set-aside-download]');
    const discard = this.querySelector<HTMLButtonElement>('[data-set-aside-discard]');
    download?.addEventListener('click', () => {
      const current = setAsideCopies(siteBase());
      const name = downloadText(`playbook-set-aside-${new Date().toISOString().slice(0, 10)}.json`, setAsideFile(current, new Date()), 'application/json');
      say.textContent = `Downloaded ${name}. You can now discard the copy kept in this browser.`;
    });
    discard?.addEventListener('click', () => {
      const gone = discardCopies(setAsideCopies(siteBase()));
      say.textContent = `Discarded ${gone === 1 ? 'the set-aside copy' : `${gone} set-aside copies`}.`;
      if (download) download.hidden = true;
      discard.hidden = true;
    });
  }
}

if (!customElements.get('pb-storage-notice')) customElements.define('pb-storage-notice', PbStorageNotice);
