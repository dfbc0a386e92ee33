// The localStorage keys of the calculator's saved scenarios, in a module of their own so that the page's
// first script (calculator-start.ts) can tell whether any are kept without loading the code that reads them.

/** The list of saved scenarios (view/saved-scenarios.ts). */
export const CALCULATOR_SAVED_KEY = 'pb-calculator-scenarios';

/** Where a list this browser could not read is kept before a new one is written. */
export const CALCULATOR_DAMAGED_KEY = 'pb-calculator-scenarios-unreadable';
