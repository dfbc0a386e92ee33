import type { Audience } from '../common/schemas.ts';
import type { ObjectionCategory } from './schemas/objection.ts';

/** How an audience is shown to readers. */
export function audienceLabel(audience: Audience): string {
  return audience === 'rep' ? 'For reps' : audience === 'leader' ? 'For leaders' : 'For reps and leaders';
}

/** The search-filter values a chapter is found under ("both" is found under each). */
export function audienceFilters(audience: Audience): string[] {
  return audience === 'rep' ? ['Reps'] : audience === 'leader' ? ['Leaders'] : ['Reps', 'Leaders'];
}

/** How an objection category is shown to readers (group headings, the category list and the search filter). */
export const OBJECTION_CATEGORY_LABELS: Record<ObjectionCategory, string> = {
  'brush-off': 'Brush-offs',
  timing: 'Timing',
  budget: 'Budget',
  'status-quo': 'Status quo',
  authority: 'Authority',
  need: 'Need',
  trust: 'Trust',
  competitor: 'Competitors',
};
