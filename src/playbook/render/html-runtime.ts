// A JSX runtime that renders straight to an HTML string, escaping the way Astro's renderer does, so a
// chapter compiled from MDX comes out byte for byte as the page Astro would have rendered.

/** HTML that is already safe to insert. */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };
/** Escapes text for element content (as Astro's `escapeHTML`). */
export const escapeText = (text: string): string => text.replace(/[&<>'"]/g, (c) => ESCAPES[c]!);
/** Escapes an attribute value (as Astro's `toAttributeString`). */
export const escapeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Children as HTML: text escaped, nested arrays flattened, nothing for null, undefined and booleans. */
export function children(value: unknown): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(children).join('');
  return escapeText(String(value));
}

/** One attribute as Astro writes it (`name="value"`, bare for an empty string, left out when null). */
export function attribute(name: string, value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (value === true || value === '') return ` ${name}`;
  return ` ${name}="${escapeAttribute(String(value))}"`;
}

type Component = (props: Record<string, unknown>) => Html;

/** The runtime's `jsx`: an element or a component call. */
export function jsx(type: string | Component | typeof Fragment, props: Record<string, unknown>): Html {
  if (type === Fragment) return new Html(children(props['children']));
  if (typeof type === 'function') return type(props);
  let attrs = '';
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children') continue;
    attrs += attribute(name === 'className' ? 'class' : name, value);
  }
  if (VOID.has(type)) return new Html(`<${type}${attrs}>`);
  return new Html(`<${type}${attrs}>${children(props['children'])}</${type}>`);
}

/** The runtime's Fragment marker. */
export const Fragment = Symbol('Fragment');
