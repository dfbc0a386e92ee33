// What a chapter page carries of reading progress before the reader touches it (kept small for the
// reading pages' 3 KB script budget): a quick look at the stored document that shows this chapter's
// "done" box as stored and records the visit. The full element and its store (pb-chapter-progress.ts,
// with the parser that checks every field) load when the reader first marks the chapter, and at once
// when what is stored does not look like progress, so that the reader is told.
// Only the fields this page owns change here (this chapter's date, the visit); all else is kept as it is.
// The format's name, version and title rule are format.ts's (PROGRESS_FORMAT, PROGRESS_VERSION,
// isVisitedTitle), written out here: taking them from there would load that module and its helpers up front.
import type { Progress } from './schema.ts';

const PROGRESS_FORMAT = 'pb-progress';
const PROGRESS_VERSION = 1;
const isVisitedTitle = (title: string | undefined): title is string =>
  !!title && title.length <= 200 && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(title);

const KEY = `pb-progress:${document.documentElement.dataset['base'] ?? '/'}`;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The stored document when it is plainly progress (a new one when nothing is stored); undefined otherwise. */
function peek(): Progress | undefined {
  try {
    const text = localStorage.getItem(KEY);
    if (text === null) return { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, chapters: {}, steps: {} };
    const doc: unknown = JSON.parse(text);
    return isObject(doc) && doc['format'] === PROGRESS_FORMAT && doc['version'] === PROGRESS_VERSION && isObject(doc['chapters']) && isObject(doc['steps'])
      ? (doc as unknown as Progress)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Stores the document; false when this browser would not. */
function store(progress: Progress): boolean {
  try {
    localStorage.setItem(KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

const full = (): Promise<unknown> => import('./pb-chapter-progress.ts');

for (const element of document.querySelectorAll<HTMLElement>('pb-chapter-progress')) {
  const { chapter = '', title } = element.dataset;
  const toggle = element.querySelector<HTMLElement>('[data-chapter-toggle]');
  const box = element.querySelector<HTMLInputElement>('[data-chapter-done]');
  const stored = peek();
  if (!chapter || !toggle || !box || !stored) {
    void full();
    continue;
  }
  box.checked = typeof stored.chapters[chapter] === 'string';
  const at = new Date().toISOString();
  store({ ...stored, lastVisited: isVisitedTitle(title) ? { chapter, at, title } : { chapter, at } });
  box.addEventListener('change', () => {
    if (customElements.get('pb-chapter-progress')) return; // the full element has taken over
    const done = box.checked;
    const current = peek() ?? stored;
    const { [chapter]: was, ...others } = current.chapters;
    // Written at once (keeping the first time it was marked), so a reader who marks and leaves keeps the mark.
    const saved = store({ ...current, chapters: done ? { ...others, [chapter]: was ?? new Date().toISOString() } : others });
    // Not stored: the store tries again and tells the reader why it could not keep the mark.
    void (saved ? full() : import('./store.ts').then((s) => (done ? s.markChapter(chapter) : s.unmarkChapter(chapter))).then(full));
  });
  toggle.hidden = false;
}
