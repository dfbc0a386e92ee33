import type { PathStepView } from '../progress/targets.ts';

/** A path as step navigation needs it. */
export interface NavPath {
  id: string;
  title: string;
  steps: readonly Pick<PathStepView, 'number' | 'kind' | 'title' | 'href'>[];
}

/** A link to one step of a path. */
export interface StepLink {
  title: string;
  /** Inside the site, no leading slash. */
  href: string;
}

/** Where a chapter sits in one path: "Step 3 of 13" with the steps either side. */
export interface ChapterInPath {
  pathId: string;
  pathTitle: string;
  number: number;
  total: number;
  previous: StepLink | undefined;
  next: StepLink | undefined;
}

/**
 * Where a step leads when followed from its path: chapters (and their checks) carry `?path=<id>` so
 * the chapter page can show the path's step navigation; a practical task leads to its row on the path
 * page; an assessment or the calculator to its own page.
 */
export function stepHref(pathId: string, step: NavPath['steps'][number]): string {
  if (!step.href) return `paths/${pathId}/#step-${step.number}`;
  if (step.kind === 'chapter' || step.kind === 'check') {
    const [page, hash] = step.href.split('#');
    return `${page}?path=${pathId}${hash ? `#${hash}` : ''}`;
  }
  return step.href;
}

/** Every path that has `chapter` as a chapter step (its first such step), in path order. */
export function chapterInPaths(chapter: string, paths: readonly NavPath[]): ChapterInPath[] {
  return paths.flatMap((path) => {
    const i = path.steps.findIndex((s) => s.kind === 'chapter' && s.href === `chapters/${chapter}/`);
    if (i < 0) return [];
    const link = (step: NavPath['steps'][number] | undefined): StepLink | undefined =>
      step
        ? {
            title: `Step ${step.number}: ${step.title}`,
            href: stepHref(path.id, step),
          }
        : undefined;
    return [
      {
        pathId: path.id,
        pathTitle: path.title,
        number: i + 1,
        total: path.steps.length,
        previous: link(path.steps[i - 1]),
        next: link(path.steps[i + 1]),
      },
    ];
  });
}
