import { startOnChange, type CalculatorStore } from './store.ts';
import { PHONE_QUERY } from './phone-query.ts';
import { SPREADS_BUILT } from './render.ts';
import { groupLines, type GroupLine } from './group-lines.ts';

/**
 * The input groups, and the groups of spreads, as disclosures on a phone (CalculatorInputs.astro,
 * CalculatorSpreads.astro): closed at first on a phone, all open from a tablet up and when printing;
 * a group holding a field with a message or a typing-slip warning is opened, and a link to a field
 * opens its group before moving there. Each group's summary shows its line (group-lines.ts). Loaded
 * on its own after the page's first script, on a phone only (pb-calculator.ts); until then every group
 * is open, as the server rendered it.
 */

/**
 * Wires the groups of a calculator to its stores, for the element's whole life. `asServed`: the page
 * opened in the state the server wrote its lines for, so they are worked out only once that changes.
 */
export function wireGroups(root: HTMLElement, store: CalculatorStore, asServed = false): void {
  const phone = window.matchMedia(PHONE_QUERY);
  setGroupsOpen(root, !phone.matches);
  phone.addEventListener('change', () => setGroupsOpen(root, !phone.matches));
  const { $digests, $spreadDigests } = groupLines(store);
  startOnChange(!asServed, [store.$scenario, store.$fieldErrors, store.$unconfirmed], () =>
    $digests.subscribe((lines) => renderDigests(root, lines, 'data-group-box')),
  );
  // The groups of spreads are built when their block is first opened (spreads-block.ts): their lines
  // follow the store from then on, or at once if that happened before this code loaded.
  const followSpreadLines = () => $spreadDigests.subscribe((lines) => renderDigests(root, lines, 'data-spread-group-box'));
  if (root.querySelector('details[data-spread-group-box]')) followSpreadLines();
  else root.addEventListener(SPREADS_BUILT, followSpreadLines, { once: true });
  // After the messages and warnings are drawn (those listeners were added first), their groups open.
  store.$fieldErrors.subscribe(() => revealFieldsNeedingAttention(root));
  store.$warnings.subscribe(() => revealFieldsNeedingAttention(root));
  store.$spreadErrors.subscribe(() => revealFieldsNeedingAttention(root));
  // A link to a field (the list of inputs to fix) opens the field's group before the page moves there.
  root.addEventListener(
    'click',
    (event) => {
      const link = (event.target as Element).closest('a[href^="#"]');
      const target = link ? document.getElementById(link.getAttribute('href')?.slice(1) ?? '') : null;
      if (target && root.contains(target)) revealField(target);
    },
    { capture: true },
  );
  // Every input is printed, whichever groups were closed on screen; they close again afterwards.
  let closedForPrint: HTMLDetailsElement[] = [];
  window.addEventListener('beforeprint', () => {
    closedForPrint = closedGroups(root);
    for (const box of closedForPrint) box.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const box of closedForPrint) box.open = false;
    closedForPrint = [];
  });
  root.dataset['groups'] = phone.matches ? 'closed' : 'open';
  phone.addEventListener('change', () => (root.dataset['groups'] = phone.matches ? 'closed' : 'open'));
}

/** The line each group shows under its name when it is collapsed (`attribute` picks the input groups or the groups of spreads). */
export function renderDigests(root: ParentNode, lines: readonly GroupLine[], attribute: 'data-group-box' | 'data-spread-group-box'): void {
  for (const { group, digest } of lines) {
    const slot = root.querySelector(
      `details[${attribute}="${group}"] > summary [data-digest], details[${attribute}="${group}"] > summary [data-spread-digest]`,
    );
    if (slot) slot.textContent = digest;
  }
}

const GROUP_BOXES = 'details[data-group-box], details[data-spread-group-box]';

/** Opens every closed group (and the spreads block) around an element, so that it can be seen and focused. */
export function revealField(el: Element): void {
  for (let box = el.parentElement?.closest('details'); box; box = box.parentElement?.closest('details')) box.open = true;
}

/** Opens the groups holding a field with a message or a typing-slip warning: a field that needs the reader is never hidden. */
export function revealFieldsNeedingAttention(root: ParentNode): void {
  for (const el of root.querySelectorAll('[aria-invalid="true"], [data-warning]:not([hidden])')) revealField(el);
}

/**
 * Opens every input group and group of spreads (wider screens, print), or closes them (a phone): a group
 * holding a field that needs the reader, or the field being edited, stays open.
 */
export function setGroupsOpen(root: ParentNode, open: boolean): void {
  for (const box of root.querySelectorAll<HTMLDetailsElement>(GROUP_BOXES)) {
    box.open = open || box.contains(document.activeElement);
  }
  revealFieldsNeedingAttention(root);
}

/** The groups closed now, to close again after printing. */
export function closedGroups(root: ParentNode): HTMLDetailsElement[] {
  return [...root.querySelectorAll<HTMLDetailsElement>(GROUP_BOXES)].filter((box) => !box.open);
}
