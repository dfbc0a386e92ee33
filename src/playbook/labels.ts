import type { Audience } from '../common/schemas.ts';

/** How an audience is shown to readers. */
export function audienceLabel(audience: Audience): string {
  return audience === 'rep' ? 'For reps' : audience === 'leader' ? 'For leaders' : 'For reps and leaders';
}

/** The search-filter values a chapter is found under ("both" is found under each). */
export function audienceFilters(audience: Audience): string[] {
  return audience === 'rep' ? ['Reps'] : audience === 'leader' ? ['Leaders'] : ['Reps', 'Leaders'];
}
