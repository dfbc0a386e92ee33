// What a chapter page carries of reading progress before the reader touches it (kept small for the
// reading pages' 3 KB script budget): it shows this chapter's "done" box as stored and notes the visit.
// It never writes the progress document itself: the visit, and a mark made before the store has
// loaded, go to a side key (store.ts's pendingStorageKey) that the store applies through its own
// checks when it loads. The full element and its store (pb-chapter-progress.ts) load when the reader
// first marks the chapter; at once when what is stored does not look like progress; and, when progress
// is stored, once the browser is idle, because only the store's parser checks every field and a
// damaged document must be reported on every page. A first-time reader loads none of it.
import type { Progress } from './schema.ts';
import { pendingStorageKey, progressStorageKey } from '../../browser/storage-keys.ts';

const base = document.documentElement.dataset['base'] ?? '/';
const KEY = progressStorageKey(base);
const PENDING = pendingStorageKey(base);
// This tab's own key for marks (see storage-keys.ts).
const MARKS = `${PENDING}#${Math.random()}`;

interface Pending {
  visit?: { chapter: string; at: string; title?: string | undefined };
  marks?: Record<string, string | null>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What is stored under `key`, parsed; null when nothing is, undefined when it cannot be read. */
function read(key: string): unknown {
  try {
    const text = localStorage.getItem(key);
    return text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/** Stores `value` under `key`; false when this browser would not. */
function write(key: string, value: unknown): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

const pending = (key = PENDING): Pending => {
  const value = read(key);
  return isObject(value) ? (value as Pending) : {};
};

const full = () => import('./pb-chapter-progress.ts');

for (const element of document.querySelectorAll<HTMLElement>('pb-chapter-progress')) {
  const { chapter = '', title } = element.dataset;
  const toggle = element.querySelector<HTMLElement>('[data-chapter-toggle]');
  const box = element.querySelector<HTMLInputElement>('[data-chapter-done]');
  const stored = read(KEY);
  // The format's name and version are format.ts's PROGRESS_FORMAT and PROGRESS_VERSION.
  const doc =
    stored === null ? undefined : isObject(stored) && stored['format'] === 'pb-progress' && stored['version'] === 1 ? (stored as unknown as Progress) : 0;
  if (!chapter || !toggle || !box || doc === 0) {
    void full();
    continue;
  }
  // A mark any tab noted that the store has not applied yet (storage was read above, so it is there).
  let mark: string | null | undefined;
  for (const key of Object.keys(localStorage)) {
    const marks = key.startsWith(`${PENDING}#`) ? pending(key).marks : undefined;
    if (marks && chapter in marks) mark = marks[chapter];
  }
  box.checked = mark === undefined ? typeof doc?.chapters[chapter] === 'string' : mark !== null;
  write(PENDING, { ...pending(), visit: { chapter, at: new Date().toISOString(), title } });
  box.addEventListener('change', () => {
    if (customElements.get('pb-chapter-progress')) return; // the full element has taken over
    const done = box.checked;
    // Noted at once, so a reader who marks the chapter and leaves straight away keeps the mark.
    if (write(MARKS, { marks: { ...pending(MARKS).marks, [chapter]: done ? new Date().toISOString() : null } })) void full();
    // Not noted: the store tries itself and tells the reader why it could not keep the mark.
    else void full().then((m) => m.mark(chapter, done));
  });
  toggle.hidden = false;
  // Safari has no requestIdleCallback.
  if (doc) (window.requestIdleCallback ?? setTimeout)(() => void full());
}
