/**
 * Loads a feature's script at once when this browser keeps something under one of `keys` (a returning
 * reader sees their progress without waiting), else once the page is idle, or at once when another
 * tab stores something under one of them meanwhile. Storage that cannot be read counts as something
 * stored: the feature's own store then says what went wrong.
 */
export function loadWhenStored(keys: readonly string[], load: () => Promise<unknown>): void {
  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    window.removeEventListener('storage', onStorage);
    void load().catch(() => undefined);
  };
  const onStorage = (event: StorageEvent): void => {
    if (event.key === null || keys.includes(event.key)) start();
  };
  if (anyStored(keys)) return start();
  window.addEventListener('storage', onStorage);
  if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: 3000 });
  else setTimeout(start, 1000);
}

/**
 * Whether this browser keeps something under one of `keys`. Storage that cannot be read counts as
 * something stored: the feature's own store then says what went wrong. (A page's first script asks
 * this too before loading its code: calculator-start.ts, assessment-start.ts.)
 */
export function anyStored(keys: readonly string[]): boolean {
  try {
    return keys.some((key) => localStorage.getItem(key) !== null);
  } catch {
    return true;
  }
}
