import type { Progress } from '../../../src/features/progress/schema.ts';

/** Times the progress tests stamp their marks with, in order. */
export const T1 = '2026-03-01T09:30:00.000Z';
export const T2 = '2026-03-02T10:00:00.000Z';
export const T3 = '2026-03-03T11:15:00.000Z';

/** A progress document as the site stores it: chapters read and steps done (id → when), and the last visit if any. */
export const progress = (chapters: Record<string, string> = {}, steps: Record<string, string> = {}, lastVisited?: Progress['lastVisited']): Progress => ({
  format: 'pb-progress',
  version: 1,
  chapters,
  steps,
  ...(lastVisited ? { lastVisited } : {}),
});
