import type { FieldGroup, Scenario } from '../fields.ts';
import type { Formatters } from '../../../common/format.ts';
import { plural } from '../../../common/plural.ts';
import { SEAT_NOUNS } from './wording.ts';

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

/** The parts of a group's digest, in the order shown. */
function parts(group: FieldGroup, s: Scenario, fmt: Formatters): string[] {
  const seats = (seats: number | null, [one, many]: readonly [string, string]) => (seats === null ? `${many} sized for the target` : plural(seats, one, many));
  switch (group) {
    case 'shared':
      return [
        `${fmt.number(s.shared.targetOpportunitiesPerMonth, 2)} opportunities a month`,
        `${fmt.money(s.shared.averageDealValue)} deals`,
        `${fmt.months(s.horizonMonths)}`,
      ];
    case 'inHouse':
      return [
        seats(s.inHouse.seats, SEAT_NOUNS.inHouse),
        `${fmt.money(s.inHouse.baseSalary)} base`,
        `${fmt.number(s.inHouse.meetingsPerMonth, 2)} meetings a month`,
      ];
    case 'outsourced':
      return [
        seats(s.outsourced.seats, SEAT_NOUNS.outsourced),
        `${fmt.money(s.outsourced.monthlyFeePerSeat)} a rep a month`,
        `${fmt.number(s.outsourced.meetingsPerSeatPerMonth, 2)} meetings a month`,
      ];
    case 'fullCycle':
      return [
        seats(s.fullCycle.seats, SEAT_NOUNS.fullCycle),
        `${fmt.money(s.fullCycle.aeAnnualOte)} OTE`,
        `${fmt.percent(s.fullCycle.prospectingShare)} prospecting`,
      ];
    case 'bridge':
      return [
        s.bridge.months === 0 ? 'No bridge' : s.bridge.months === 1 ? 'Agency for the first month' : `Agency for the first ${fmt.months(s.bridge.months)}`,
      ];
    case 'uncertainty':
      return s.uncertainty.runs === 0 ? ['Off'] : [`${fmt.number(s.uncertainty.runs, 0)} runs`, `seed ${s.uncertainty.seed}`];
  }
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
