/**
 * The few DOM helpers every island uses on the server-rendered markup of its component.
 */

/**
 * The required child of `root` marked `data-<name>`; throws when the markup lacks it (the component
 * and its script are out of step, a bug to see at once). `owner` names the island in the error.
 */
export function part<T extends HTMLElement = HTMLElement>(root: ParentNode, name: string, owner = 'island'): T {
  const found = root.querySelector<T>(`[data-${name}]`);
  if (!found) throw new Error(`${owner}: missing [data-${name}]`);
  return found;
}

/** A new element with optional text (set as text, never parsed as markup) and class. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}
