/**
 * Format checks shared by the build schemas and the runtime parsers: one copy of each rule.
 */

/** An id as used in file names and URLs: lowercase words joined by hyphens, e.g. `leads-versus-targets`. */
export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A moment as `Date.prototype.toISOString` writes it, e.g. `2026-03-02T09:30:00.000Z`. */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/** Control characters (C0, DEL, C1) and the two Unicode line separators: never in a name or title. */
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** A plain object (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * True when an object carries its own `__proto__` key (JSON.parse makes one; zod's records drop it
 * without a word), so such input is refused rather than silently changed.
 */
export function hasOwnProtoKey(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__');
}
