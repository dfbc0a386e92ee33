/**
 * Reading `data-*` attributes in islands: the server writes them, but a page can be saved, edited or
 * stale, so each is read defensively with a fallback.
 */

/**
 * The value of `data-<name>` on `element` (name in camelCase, as `dataset` spells it) read by
 * `parse`, or `fallback` when it is missing or `parse` gives undefined.
 */
export function readData<T>(element: HTMLElement, name: string, parse: (text: string) => T | undefined, fallback: T): T {
  const text = element.dataset[name];
  if (text === undefined) return fallback;
  return parse(text) ?? fallback;
}

/** The text of `data-<name>`, or `fallback` (empty by default). */
export function dataText(element: HTMLElement, name: string, fallback = ''): string {
  return element.dataset[name] ?? fallback;
}

/**
 * The site's base path, from `data-base` on `<html>` (written by the layout), e.g. `/sales/playbook/`;
 * `/` outside a page (tests, tools). Stores key what they keep in this browser by it.
 */
export function siteBase(): string {
  return typeof document === 'undefined' ? '/' : dataText(document.documentElement, 'base', '/');
}
