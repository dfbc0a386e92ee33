/** A piece of a search excerpt: plain text, or text the search engine highlighted. */
export interface ExcerptPart {
  text: string;
  highlight: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

const decode = (s: string): string => s.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (m) => ENTITIES[m] ?? m);

/**
 * Splits a Pagefind excerpt (escaped text with `<mark>` around matches) into parts, so it can be shown
 * with text nodes and `<mark>` elements: nothing from the index is ever parsed as markup.
 */
export function parseExcerpt(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const re = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (const match of excerpt.matchAll(re)) {
    const at = match.index;
    if (at > last) parts.push({ text: decode(excerpt.slice(last, at).replace(/<[^>]*>/g, '')), highlight: false });
    parts.push({ text: decode((match[1] ?? '').replace(/<[^>]*>/g, '')), highlight: true });
    last = at + match[0].length;
  }
  if (last < excerpt.length) parts.push({ text: decode(excerpt.slice(last).replace(/<[^>]*>/g, '')), highlight: false });
  return parts.filter((p) => p.text.length > 0);
}
