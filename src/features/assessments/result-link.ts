/**
 * The marks and limits of a portable result, without the parser: pages test for a result link and
 * word refusals with these before (or without) loading result-format.ts and its zod/mini schemas.
 */

/** The `format` value that marks a file as a self-assessment result. */
export const RESULT_FORMAT = 'pb-assessment-result';
/** The result format version this code writes and reads. */
export const RESULT_VERSION = 1;
/** Longest result file accepted, in characters (a real one is well under 2,000). */
export const MAX_RESULT_FILE_CHARS = 20_000;
/** Longest result link accepted, in characters. */
export const MAX_RESULT_LINK_CHARS = 4_000;
/** The parameter that marks a link as a result link, written once: `#pb-result=1&…`. */
export const RESULT_LINK_MARKER = 'pb-result';

const MARKED = new RegExp(`[#&]${RESULT_LINK_MARKER}=`);

/** True when a page address's hash carries a result link, e.g. `#pb-result=1&a=…`. */
export function hasResultLink(hash: string): boolean {
  return MARKED.test(hash);
}
