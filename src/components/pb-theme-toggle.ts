import { nextTheme, parseTheme, type ThemeChoice } from './theme.ts';

const KEY = 'pb-theme';
const LABELS: Record<ThemeChoice, string> = { system: 'Theme: System', light: 'Theme: Light', dark: 'Theme: Dark' };

function readStored(): ThemeChoice {
  try {
    return parseTheme(localStorage.getItem(KEY));
  } catch {
    return 'system';
  }
}

function apply(choice: ThemeChoice): void {
  if (choice === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', choice);
}

/** `<pb-theme-toggle>`: a button that cycles the colour theme and remembers it. */
class PbThemeToggle extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-theme-button]');
    if (!button) return;
    let choice = readStored();
    const render = () => (button.textContent = LABELS[choice]);
    render();
    button.hidden = false;
    button.addEventListener('click', () => {
      choice = nextTheme(choice);
      try {
        if (choice === 'system') localStorage.removeItem(KEY);
        else localStorage.setItem(KEY, choice);
      } catch {
        /* storage blocked: the choice lasts for this page only */
      }
      apply(choice);
      render();
    });
  }
}

if (!customElements.get('pb-theme-toggle')) customElements.define('pb-theme-toggle', PbThemeToggle);
