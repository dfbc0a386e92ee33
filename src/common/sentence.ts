/** Small helpers for building sentences out of titles and labels. */

/** A title used inside a sentence: "An agency" → "an agency"; a leading acronym ("SDR team") is left alone. */
export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
