/**
 * The path the reader is following, remembered in this browser (`pb-current-path:<base path>`) when
 * they open a chapter from a path, so step navigation and "Continue" follow it afterwards.
 */
import { currentPathStorageKey } from '../../browser/storage-keys.ts';

// The id pattern of formats.ts's KEBAB_ID, written out: this runs on every chapter page, which loads nothing else from there.
const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const base = typeof document === 'undefined' ? '/' : (document.documentElement.dataset['base'] ?? '/');
const KEY = currentPathStorageKey(base);

/** A path id as it may appear in `?path=` or storage; anything else is ignored. */
export function readPathId(value: string | null | undefined): string | undefined {
  return typeof value === 'string' && value.length <= 80 && KEBAB_ID.test(value) ? value : undefined;
}

/** The remembered current path, or undefined (nothing stored, storage blocked or damaged). */
export function currentPath(): string | undefined {
  try {
    return readPathId(localStorage.getItem(KEY));
  } catch {
    return undefined;
  }
}

/** Remembers `id` as the current path. */
export function rememberPath(id: string): void {
  try {
    localStorage.setItem(KEY, id);
  } catch {
    // Storage blocked: the links in the page still carry the path.
  }
}
