import { getPlaybook } from './load.ts';
import { getPageKeys } from './page-keys.ts';
import { describePathSteps, type PathStepView } from '../features/progress/targets.ts';
import type { OnboardingPath } from './schemas/onboarding-path.ts';

/** An onboarding path as its pages show it. */
export interface PathView {
  id: string;
  title: string;
  audience: OnboardingPath['audience'];
  summary: string;
  steps: PathStepView[];
  /** Every step's target, space-separated, for a `data-targets` attribute. */
  targets: string;
}

/** The calculator step's title when the path gives none. */
export const CALCULATOR_TITLE = 'Pipeline cost calculator';

let views: Promise<PathView[]> | undefined;

async function load(): Promise<PathView[]> {
  const { paths, chapters, assessments } = await getPlaybook();
  const assessmentTitles = new Map(assessments.map((a) => [a.id, a.data.title]));
  return paths.map((p) => {
    const steps = describePathSteps(p.id, p.data.steps, {
      chapter: (id) => chapters.get(id)?.data.title,
      assessment: (id) => assessmentTitles.get(id),
      calculator: CALCULATOR_TITLE,
    });
    return {
      id: p.id,
      title: p.data.title,
      audience: p.data.audience,
      summary: p.data.summary,
      steps,
      targets: steps.map((s) => s.target).join(' '),
    };
  });
}

/** The onboarding paths in order, with each step's title, link and progress target; built once per build. */
export function getPathViews(): Promise<PathView[]> {
  views ??= load();
  return views;
}

/**
 * The routes of the pages shown once per path (the path, its booklet): each path's id, with its view as
 * the page's props and the key that keeps the page in the incremental build's cache (the booklet prints
 * whole chapters, so any change of content renders both again).
 */
export async function pathRoutes(): Promise<{ params: { id: string }; props: { path: PathView }; cacheKey: string }[]> {
  const [paths, { everything }] = await Promise.all([getPathViews(), getPageKeys()]);
  return paths.map((path) => ({ params: { id: path.id }, props: { path }, cacheKey: everything }));
}
