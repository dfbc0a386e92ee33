// The localStorage keys this site's data lives under, one set per base path so that two playbooks
// hosted on the same intranet host keep apart. Kept in a module of its own, with nothing else in it,
// so the small loaders that decide whether a feature's code is needed yet (load-when-stored.ts,
// progress-peek.ts) name the same keys as the stores without loading them.

/** The reader's progress document (progress/store.ts). */
export const progressStorageKey = (base: string): string => `pb-progress:${base}`;

/**
 * A visit or mark noted before the progress store has loaded (progress/progress-peek.ts), applied by the
 * store. Marks go under this key followed by `#` and one tab's own id, so that two tabs marking at the
 * same moment never write the same key (the last write would drop the other's mark).
 */
export const pendingStorageKey = (base: string): string => `pb-progress-pending:${base}`;

/** Knowledge-check results and the review schedule (checks/store.ts). */
export const checksStorageKey = (base: string): string => `pb-checks:${base}`;

/** The path the reader is following (path-steps/current-path.ts). */
export const currentPathStorageKey = (base: string): string => `pb-current-path:${base}`;
