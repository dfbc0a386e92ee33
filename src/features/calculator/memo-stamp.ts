const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };

/**
 * Dates the printed memo and gives it the page's address, just before printing: the page's first
 * script does it until the calculator's code has started (calculator-start.ts), that code after
 * (pb-calculator.ts). A locale the browser cannot use gives the date in en-US.
 */
export function stampMemo(root: ParentNode, locale: string): void {
  const date = root.querySelector('[data-memo-date]');
  const link = root.querySelector('[data-memo-link]');
  if (date) {
    const today = new Date();
    try {
      date.textContent = today.toLocaleDateString(locale, DATE);
    } catch {
      date.textContent = today.toLocaleDateString('en-US', DATE);
    }
  }
  if (link) link.textContent = location.href;
}
