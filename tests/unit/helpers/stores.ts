import { cleanStores } from 'nanostores';

type Cleanable = Parameters<typeof cleanStores>[number];

/**
 * Cleans every store of a feature's store object or module (its `$`-named members) after a test, so
 * that no listener or value leaks into the next test and no list of stores has to be kept in step.
 */
export function cleanStoresOf(stores: object | undefined): void {
  if (!stores) return;
  cleanStores(...Object.entries(stores).flatMap(([name, store]) => (name.startsWith('$') ? [store as Cleanable] : [])));
}
