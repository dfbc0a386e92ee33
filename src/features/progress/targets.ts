/**
 * Path steps at build time: what marks each step done (its target) and what the path page shows.
 */
import { encodeTargets, type StepTarget } from './progress.ts';
import { PROGRESS_LIMITS } from './format.ts';
import { KEBAB_ID } from '../../common/formats.ts';
import { ContentError } from '../../common/problems.ts';
import { slug } from '../../common/slug.ts';

/** The parts of a path step that decide its target. */
export interface StepLike {
  kind: string;
  ref?: string | undefined;
  title?: string | undefined;
}

/**
 * What marks each step of a path done. A chapter step is done when its chapter is; any other step has
 * a key that survives reordering the path: `<path id>/<kind>-<assessment id or task title>`, with
 * `-2`, `-3`… on repeats. Throws a ContentError when the path id is too long to make keys from.
 */
export function stepTargets(pathId: string, steps: readonly StepLike[]): StepTarget[] {
  if (!KEBAB_ID.test(pathId) || pathId.length > PROGRESS_LIMITS.pathId) {
    throw new ContentError(
      `paths/${pathId}: the file name must be a lowercase-kebab id of at most ${PROGRESS_LIMITS.pathId} characters to keep progress; given "${pathId}" (${pathId.length} characters).`,
    );
  }
  // Room for the path id, the slash and a repeat suffix such as "-12".
  const room = PROGRESS_LIMITS.stepKey - pathId.length - 1 - 4;
  const seen = new Map<string, number>();
  return steps.map((step) => {
    if (step.kind === 'chapter' && step.ref) return { chapter: step.ref };
    const detail = step.kind === 'assessment' || step.kind === 'check' ? (step.ref ?? '') : step.kind === 'task' ? slug(step.title ?? '') : '';
    const name = slug(`${step.kind} ${detail}`).slice(0, room).replace(/-+$/, '') || 'step';
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return { step: `${pathId}/${count === 1 ? name : `${name}-${count}`}` };
  });
}

/** A path step as its YAML file gives it. */
export interface PathStepInput {
  kind: 'chapter' | 'assessment' | 'check' | 'calculator' | 'task';
  ref?: string | undefined;
  title?: string | undefined;
  description: string;
}

/** A step ready to show: what it is, its title and where it leads. */
export interface PathStepView {
  /** 1-based position in the path. */
  number: number;
  kind: PathStepInput['kind'];
  /** The kind as readers see it, e.g. "Self-assessment". */
  kindLabel: string;
  title: string;
  description: string;
  /** Where the step leads, inside the site (no leading slash); undefined for a practical task. */
  href: string | undefined;
  /** What marks the step done, encoded for a `data-*` attribute (`c:<chapter>` or `s:<step key>`). */
  target: string;
}

/** The titles a path's steps borrow from what they point at. */
export interface StepTitles {
  chapter(id: string): string | undefined;
  assessment(id: string): string | undefined;
  /** Title of the calculator step. */
  calculator: string;
}

const KIND_LABELS: Record<PathStepInput['kind'], string> = {
  chapter: 'Chapter',
  assessment: 'Self-assessment',
  check: 'Knowledge check',
  calculator: 'Calculator',
  task: 'Practical task',
};

/** The title of a check step that gives none: the chapter's title, as a check. */
export const checkTitle = (chapterTitle: string): string => `Knowledge check: ${chapterTitle}`;

/**
 * Turns a path's steps into what its page shows: a step's own `title` wins, else the title of the
 * chapter or assessment it points at, else the calculator's. References are checked before this runs
 * (checkReferences), so a missing title only falls back to the id.
 */
export function describePathSteps(pathId: string, steps: readonly PathStepInput[], titles: StepTitles): PathStepView[] {
  const targets: StepTarget[] = stepTargets(pathId, steps);
  return steps.map((step, i) => {
    const ref = step.ref ?? '';
    const borrowed =
      step.kind === 'chapter'
        ? titles.chapter(ref)
        : step.kind === 'check'
          ? checkTitle(titles.chapter(ref) ?? ref)
          : step.kind === 'assessment'
            ? titles.assessment(ref)
            : step.kind === 'calculator'
              ? titles.calculator
              : undefined;
    const href =
      step.kind === 'chapter'
        ? `chapters/${ref}/`
        : step.kind === 'check'
          ? `chapters/${ref}/#check`
          : step.kind === 'assessment'
            ? `assessments/${ref}/`
            : step.kind === 'calculator'
              ? 'calculator/'
              : undefined;
    return {
      number: i + 1,
      kind: step.kind,
      kindLabel: KIND_LABELS[step.kind],
      title: step.title ?? borrowed ?? ref,
      description: step.description,
      href,
      target: encodeTargets([targets[i]!]),
    };
  });
}
