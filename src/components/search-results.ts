/**
 * What a search found, said honestly. Pagefind matches similar words too (stems and prefixes: a
 * search for "voicemailing" finds "voicemail"), and counts those pages as results; this module tells
 * pages that contain every word searched for from related ones, words the status line, and picks the
 * address to open: a glossary result opens its term, a chapter result the section that matched.
 * DOM-free; pb-search.ts renders what it returns.
 */
import { plural } from '../common/plural.ts';
import { parseExcerpt } from './search-excerpt.ts';

/** The part of a Pagefind result's data these functions read. */
export interface SearchHit {
  url: string;
  content: string;
  excerpt: string;
  /** Word positions of the matches in the page. */
  locations?: number[] | undefined;
  /** Elements with an id, with their word position. */
  anchors?: { element: string; id?: string | undefined; text?: string | undefined; location: number }[] | undefined;
  /** Pagefind's best sections of the page, best first. */
  sub_results?: { url: string }[] | undefined;
}

const normalise = (text: string): string => text.normalize('NFKC').toLocaleLowerCase('en');

/** The words of a query, lowercased: letters and digits, split on everything else. */
export function queryWords(term: string): string[] {
  return normalise(term).match(/[\p{L}\p{N}]+/gu) ?? [];
}

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * True when every word appears in `content` as a word or the start of one ("voicemail" in
 * "voicemails"), never inside a longer word's middle and never as a shorter word ("voice").
 */
export function containsWords(content: string, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const text = normalise(content);
  return words.every((word) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${escape(word)}`, 'u').test(text));
}

/** Words Pagefind highlighted that are not the ones searched for (e.g. "voicemail" for "voicemailing"), at most three. */
export function similarWords(hits: readonly SearchHit[], words: readonly string[]): string[] {
  const found = new Set<string>();
  for (const hit of hits) {
    for (const part of parseExcerpt(hit.excerpt)) {
      if (!part.highlight) continue;
      for (const word of queryWords(part.text)) if (!words.some((w) => word.startsWith(w))) found.add(word);
    }
  }
  return [...found].slice(0, 3);
}

/**
 * Where a result should open. A glossary result (its anchors are `<dt id>` terms) opens the term the
 * search names, or else the term with the most matches; any other result opens Pagefind's best
 * section when that is a heading further down, else the page.
 */
export function hitUrl(hit: SearchHit, words: readonly string[]): string {
  const page = hit.url.split('#')[0] ?? hit.url;
  const terms = (hit.anchors ?? []).filter((a) => a.element === 'dt' && a.id).sort((a, b) => a.location - b.location);
  if (terms.length > 0) {
    const named = terms.find((t) => {
      const name = queryWords(t.text ?? '');
      return words.length > 0 && words.every((w) => name.some((n) => n.startsWith(w) || (w.length >= 4 && w.startsWith(n))));
    });
    if (named) return `${page}#${named.id}`;
    const counts = new Map<string, number>();
    for (const at of hit.locations ?? []) {
      const term = terms.filter((t) => t.location <= at).pop();
      if (term?.id) counts.set(term.id, (counts.get(term.id) ?? 0) + 1);
    }
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    return best ? `${page}#${best[0]}` : hit.url;
  }
  const section = hit.sub_results?.[0]?.url;
  return section && section.includes('#') ? section : hit.url;
}

/** Results that contain the words searched for, then related ones, each in Pagefind's order. */
export function splitHits<T extends SearchHit>(hits: readonly T[], words: readonly string[]): { exact: T[]; related: T[] } {
  const exact: T[] = [];
  const related: T[] = [];
  for (const hit of hits) (containsWords(hit.content, words) ? exact : related).push(hit);
  return { exact, related };
}

/** What the status line says, given what was found (`checked` results were read; `total` Pagefind counted). */
export function searchStatus(
  term: string,
  found: { exact: number; related: number; total: number; checked: number; shown: number; similar: readonly string[] },
): string {
  const { exact, related, total, checked, shown, similar } = found;
  if (total === 0) return `No results for “${term}”.`;
  const such = similar.length > 0 ? ` such as ${similar.map((w) => `“${w}”`).join(', ')}` : '';
  const more = total > checked ? ` Showing the best ${checked} of ${total}.` : '';
  const showing = exact + related > shown ? ` Showing the first ${shown}.` : '';
  if (exact === 0) return `No page contains “${term}”. ${plural(related, 'related result')} for similar words${such}:${more}${showing}`;
  const then = related > 0 ? `, then ${plural(related, 'related result')} for similar words${such}` : '';
  return `${plural(exact, 'result')} for “${term}”${then}.${more}${showing}`;
}
