/**
 * Whether any field of the form holds other than what the page's markup gave it: typed before this
 * script ran (on a slow connection the form shows first), or put back by the browser on going back.
 */
export function formChanged(root: ParentNode): boolean {
  for (const input of root.querySelectorAll<HTMLInputElement>('[data-form] input')) {
    if (input.type === 'radio' || input.type === 'checkbox' ? input.checked !== input.defaultChecked : input.value !== input.defaultValue) return true;
  }
  return false;
}
