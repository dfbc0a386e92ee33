import { computed, type ReadableAtom } from 'nanostores';
import { FIELD_GROUPS, SCENARIO_FIELDS, type FieldGroup, type FieldPath } from './fields.ts';
import type { CalculatorStore } from './store.ts';
import { groupDigest } from './view/group-digest.ts';
import { spreadDigest } from './view/spreads.ts';

/**
 * The line each collapsed group shows under its name on a phone, derived from the calculator's
 * stores: for the input groups, a digest of their values with what is waiting in them first; for the
 * groups of spreads, what is left to fix and how many differ from the defaults. Loaded with
 * groups.ts, apart from the page's first script. No DOM here.
 */

/** The one line a collapsed group shows under its name. */
export interface GroupLine {
  group: FieldGroup;
  digest: string;
}

/** The lines of the input groups and of the groups of spreads. */
export interface GroupLines {
  $digests: ReadableAtom<readonly GroupLine[]>;
  $spreadDigests: ReadableAtom<readonly GroupLine[]>;
}

/** Which group each field is in. */
const GROUP_OF: ReadonlyMap<FieldPath, FieldGroup> = new Map(SCENARIO_FIELDS.map((field) => [field.path, field.group]));

/** The group lines for a calculator's stores. */
export function groupLines(
  store: Pick<CalculatorStore, '$scenario' | '$formatters' | '$fieldErrors' | '$unconfirmed' | '$spreads' | '$spreadErrors'>,
): GroupLines {
  const $digests = computed([store.$scenario, store.$formatters, store.$fieldErrors, store.$unconfirmed], (scenario, fmt, errors, unconfirmed) => {
    const count = (paths: Iterable<FieldPath>, group: FieldGroup) => [...paths].filter((path) => GROUP_OF.get(path) === group).length;
    return FIELD_GROUPS.map((group) => ({
      group,
      digest: groupDigest(group, scenario, fmt, { errors: count(errors.keys(), group), unconfirmed: count(unconfirmed.keys(), group) }),
    }));
  });
  const $spreadDigests = computed([store.$spreads, store.$spreadErrors], (groups, errors) =>
    groups.map((group) => ({ group: group.group, digest: spreadDigest(group, group.fields.filter((field) => errors.has(field.key)).length) })),
  );
  return { $digests, $spreadDigests };
}
