import type { Certification } from '../../playbook/schemas/onboarding-path.ts';
import type { Requirement } from './model.ts';

/** What the build knows about a path to list its certification requirements. */
export interface CertificationInput {
  certification: Certification;
  /** Chapter steps of the path, in order, with titles. */
  chapters: { id: string; title: string }[];
  /** Chapters (of the whole playbook) that have a check. */
  hasCheck: (chapter: string) => boolean;
  chapterTitle: (chapter: string) => string | undefined;
  assessmentTitle: (id: string) => string | undefined;
}

/**
 * The requirements a certification block expands to: `all` means every chapter step of the path (and
 * every check of those chapters); lists are taken as given. Build time only.
 */
export function expandRequirements(input: CertificationInput): Requirement[] {
  const { certification: c } = input;
  const chapterIds = c.chapters === 'all' ? input.chapters.map((ch) => ch.id) : c.chapters;
  const checkIds = c.checks === 'all' ? input.chapters.map((ch) => ch.id).filter(input.hasCheck) : c.checks;
  return [
    ...[...new Set(chapterIds)].map((id): Requirement => ({ kind: 'chapter', id, title: input.chapterTitle(id) ?? id })),
    ...[...new Set(checkIds)].map((id): Requirement => ({ kind: 'check', id, title: `Knowledge check: ${input.chapterTitle(id) ?? id}` })),
    ...c.assessments.map((a): Requirement => ({ kind: 'assessment', id: a.id, title: input.assessmentTitle(a.id) ?? a.id, minScore: a.minScore })),
  ];
}

/** Requirements that point at nothing (a chapter, a check or an assessment that does not exist), as messages for the build. */
export function checkCertificationReferences(
  file: string,
  certification: Certification,
  known: { chapter: (id: string) => boolean; check: (id: string) => boolean; assessment: (id: string) => boolean },
): string[] {
  const problems: string[] = [];
  if (certification.chapters !== 'all') {
    certification.chapters.forEach((id, i) => {
      if (!known.chapter(id)) problems.push(`${file}: field "certification.chapters.${i}": expected the id of an existing chapter; given "${id}".`);
    });
  }
  if (certification.checks !== 'all') {
    certification.checks.forEach((id, i) => {
      if (!known.check(id))
        problems.push(
          `${file}: field "certification.checks.${i}": expected the id of a chapter that has a knowledge check (checks/${id}.yaml); given "${id}".`,
        );
    });
  }
  certification.assessments.forEach((a, i) => {
    if (!known.assessment(a.id))
      problems.push(`${file}: field "certification.assessments.${i}.id": expected the id of an existing assessment; given "${a.id}".`);
  });
  return problems;
}
