// The team roll-up's own functions, loaded on demand by the roll-up page only (result-link pages load
// result-module.ts without them). Import this module dynamically, never statically.
export { MAX_REFUSALS_SHOWN, distinctResults, peopleLines, rollUp } from './roll-up.ts';
