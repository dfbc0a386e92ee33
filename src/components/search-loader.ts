// Reading pages carry only this: the search code (pb-search.ts) loads when a search box is first used:
// focused, clicked, tapped or reached with the "/" or Ctrl/Cmd+K shortcut. Until then the box is a
// plain form that goes to the search page, and the phones' search button a link to it, so neither is
// ever a dead control. A page with a full search box (home, search page) loads it straight away.
let loading: Promise<unknown> | undefined;
const load = (): Promise<unknown> => (loading ??= import('./pb-search.ts'));

if (document.querySelector('pb-search[data-variant="page"]')) void load();
else {
  document.addEventListener('keydown', (e) => {
    // Once loaded, the search code answers the shortcut itself (the full-screen panel on phones).
    if (
      customElements.get('pb-search') ||
      !(
        (e.key === '/' && !document.activeElement?.matches('input,textarea,select,[contenteditable]')) ||
        (e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey))
      )
    )
      return;
    e.preventDefault();
    const { key, ctrlKey, metaKey } = e;
    void load().then(() => document.dispatchEvent(new KeyboardEvent('keydown', { key, ctrlKey, metaKey, bubbles: true, cancelable: true })));
  });
  for (const box of document.querySelectorAll('pb-search')) {
    box.addEventListener('focusin', load, { once: true });
    box.addEventListener('pointerdown', load, { once: true });
    // The phones' search button opens the search over the page once the code is there.
    const opener = box.querySelector<HTMLElement>('[data-search-open]');
    opener?.addEventListener(
      'click',
      (e) => {
        if (customElements.get('pb-search')) return;
        e.preventDefault();
        void load().then(() => opener.click());
      },
      { once: true },
    );
  }
}
