import { isSpreadKey, type SpreadKey } from './fields.ts';
import { SPREADS_BUILT, part, setText } from './render.ts';
import type { CalculatorStore } from './store.ts';
import type { SpreadEntries, SpreadGroup } from './view/spreads.ts';

/**
 * "How sure are you?": its inputs wait in a template (CalculatorSpreads.astro says why) until the
 * block is first opened; this builds them, closed like the form's groups where those are closed,
 * brings them up to the store's spreads and wires them for the element's whole life. Loaded on that
 * first opening, apart from the page's first script. Returns what puts the store's spreads back into
 * the inputs after the scenario was replaced as a whole. Tells groups.ts (SPREADS_BUILT), which draws
 * the groups' lines on a phone.
 */
export function buildSpreads(root: HTMLElement, store: CalculatorStore): () => void {
  const template = root.querySelector<HTMLTemplateElement>('template[data-spread-template]');
  const fill = () => fillSpreads(root, store.$spreads.get());
  if (!template) return fill;
  const content = template.content.cloneNode(true) as DocumentFragment;
  if (root.dataset['groups'] === 'closed') for (const box of content.querySelectorAll('details[data-spread-group-box]')) box.removeAttribute('open');
  template.replaceWith(content);
  const form = part<HTMLFormElement>(root, '[data-spread-form]');
  form.addEventListener('submit', (event) => event.preventDefault());
  // Each keystroke updates the scenario (and the link); the ranges follow once typing pauses.
  form.addEventListener('input', () => store.editSpreads(readSpreadEntries(root)));
  const reset = part(root, '[data-spread-reset]');
  reset.hidden = false;
  reset.addEventListener('click', () => {
    store.resetSpreads();
    fill();
  });
  fill();
  store.$spreads.subscribe((groups) => renderSpreadHints(root, groups));
  store.$spreadErrors.subscribe((errors) => renderSpreadErrors(root, errors));
  root.dispatchEvent(new Event(SPREADS_BUILT));
  return fill;
}

/** The "how sure are you?" inputs as typed. */
function readSpreadEntries(root: ParentNode): SpreadEntries {
  const entries = new Map<SpreadKey, string>();
  for (const input of root.querySelectorAll<HTMLInputElement>('input[data-spread-key]')) {
    const key = input.dataset['spreadKey'] ?? '';
    if (isSpreadKey(key)) entries.set(key, input.value);
  }
  return entries;
}

/** Puts the scenario's spreads into the "how sure are you?" inputs. */
function fillSpreads(root: ParentNode, groups: readonly SpreadGroup[]): void {
  for (const field of groups.flatMap((group) => group.fields)) {
    const input = root.querySelector<HTMLInputElement>(`#${field.id}`);
    if (input) input.value = field.text;
  }
}

/** The line under each spread input (how sure, and where the input is drawn), and whether it differs from the default. */
function renderSpreadHints(root: ParentNode, groups: readonly SpreadGroup[]): void {
  for (const field of groups.flatMap((group) => group.fields)) {
    const box = root.querySelector(`[data-spread="${field.key}"]`);
    if (!box) continue;
    const hint = box.querySelector('[data-spread-hint]');
    if (hint) setText(hint, field.hint);
    const changed = box.querySelector('[data-spread-changed]');
    if (changed) setText(changed, field.changed);
    if (box.classList.contains('is-changed') !== (field.changed !== '')) box.classList.toggle('is-changed', field.changed !== '');
  }
}

/** Each spread input's message (none clears it); while there is one, the status and the range chart are marked as not updated. */
function renderSpreadErrors(root: HTMLElement, errors: ReadonlyMap<SpreadKey, string>): void {
  root.classList.toggle('has-spread-errors', errors.size > 0);
  for (const box of root.querySelectorAll<HTMLElement>('[data-spread]')) {
    const key = box.dataset['spread'] ?? '';
    const message = isSpreadKey(key) ? (errors.get(key) ?? '') : '';
    const slot = box.querySelector('[data-spread-error]');
    if (slot) setText(slot, message);
    const input = box.querySelector('input');
    if (message) input?.setAttribute('aria-invalid', 'true');
    else input?.removeAttribute('aria-invalid');
  }
}
