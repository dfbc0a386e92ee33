import { readField, type FieldGroup, type FieldPath, type Scenario } from '../fields.ts';
import type { ModelId } from '../model/cost-model.ts';
import type { Formatters } from '../../../common/format.ts';
import { plural } from '../../../common/plural.ts';
import { SEAT_NOUNS, formatFieldValue } from './wording.ts';

/**
 * The one line a collapsed input group shows on a phone under its heading, e.g.
 * "4 SDRs · $70,000 base · 12 meetings a month": the few values that say most about the group, so a
 * reader can check the inputs without opening every group. Pure; the server renders it for the
 * defaults and render.ts rewrites it as the scenario changes.
 */

/** What is waiting in a group: inputs to fix and values to confirm (said first, so a closed group never hides them). */
export interface GroupWaiting {
  errors: number;
  unconfirmed: number;
}

const NOTHING_WAITING: GroupWaiting = { errors: 0, unconfirmed: 0 };

/** The values each group's digest shows, in order, each with the words around it ({} is the value as the form's messages write it). */
const SHOWN: Readonly<Record<FieldGroup, readonly (readonly [FieldPath, string])[]>> = {
  shared: [
    ['shared.targetOpportunitiesPerMonth', '{} a month'],
    ['shared.averageDealValue', '{} deals'],
    ['horizonMonths', '{}'],
  ],
  inHouse: [
    ['inHouse.seats', ''],
    ['inHouse.baseSalary', '{} base'],
    ['inHouse.meetingsPerMonth', '{} a month'],
  ],
  outsourced: [
    ['outsourced.seats', ''],
    ['outsourced.monthlyFeePerSeat', '{} a rep a month'],
    ['outsourced.meetingsPerSeatPerMonth', '{} a month'],
  ],
  fullCycle: [
    ['fullCycle.seats', ''],
    ['fullCycle.aeAnnualOte', '{} OTE'],
    ['fullCycle.prospectingShare', '{} prospecting'],
  ],
  bridge: [['bridge.months', 'Agency bridge: {}']],
  uncertainty: [
    ['uncertainty.runs', '{} runs'],
    ['uncertainty.seed', 'seed {}'],
  ],
};

/** The parts of a group's digest, in the order shown. */
function parts(group: FieldGroup, s: Scenario, fmt: Formatters): string[] {
  if (group === 'bridge' && s.bridge.months === 0) return ['No bridge'];
  if (group === 'uncertainty' && s.uncertainty.runs === 0) return ['Off'];
  return SHOWN[group].map(([path, words]) => {
    const value = readField(s, path);
    // Seats: "4 SDRs", or "SDRs sized for the target".
    if (!words) {
      const [one, many] = SEAT_NOUNS[group as ModelId];
      return typeof value === 'number' ? plural(value, one, many) : `${many} sized for the target`;
    }
    return words.replace('{}', formatFieldValue(path, value, fmt));
  });
}

/** The digest of one input group for a scenario; what is waiting in the group comes first. */
export function groupDigest(group: FieldGroup, scenario: Scenario, fmt: Formatters, waiting: GroupWaiting = NOTHING_WAITING): string {
  const waits = [
    waiting.errors > 0 ? `${plural(waiting.errors, 'input')} to fix` : '',
    waiting.unconfirmed > 0 ? `${plural(waiting.unconfirmed, 'value')} to confirm` : '',
  ].filter(Boolean);
  const line = [...waits, ...parts(group, scenario, fmt)].join(' · ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}
