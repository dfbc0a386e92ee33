/** The reader's theme choice. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** Reads a stored theme defensively: anything unexpected means "follow the system". */
export function parseTheme(value: unknown): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** The next choice when the toggle is pressed: System → Light → Dark → System. */
export function nextTheme(choice: ThemeChoice): ThemeChoice {
  return choice === 'system' ? 'light' : choice === 'light' ? 'dark' : 'system';
}
