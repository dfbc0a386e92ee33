import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { contentDir, displayPath } from '../common/content-dir.ts';
import { ContentError } from '../common/problems.ts';
import { checkReferences, type TermReference } from './references.ts';
import { chapterMetadata } from './rendered-chapter.ts';
import { buildPlaybookIndex, readingMinutes, type PlaybookIndex } from './navigation.ts';
import { chapterReferences } from '../features/assessments/recommend.ts';
import type { CalculatorDefaults } from '../features/calculator/schema.ts';
import type { SiteSettings } from './schemas/site.ts';
import { checkKnowledgeCheckReferences } from '../features/checks/references.ts';
import { checkCertificationReferences } from '../features/certification/requirements.ts';

/** The whole playbook as pages need it, loaded and cross-checked once per build. */
export interface Playbook {
  site: SiteSettings;
  index: PlaybookIndex;
  chapters: Map<string, CollectionEntry<'playbook'>>;
  glossary: CollectionEntry<'glossary'>[];
  paths: CollectionEntry<'paths'>[];
  /** Knowledge checks, by chapter id. */
  checks: Map<string, CollectionEntry<'checks'>>;
  /** Self-assessments, by title. */
  assessments: CollectionEntry<'assessments'>[];
  /** The objection library, in no particular order (the objections page groups and sorts it). */
  objections: CollectionEntry<'objections'>[];
  /** The calculator's default scenario and the source of each default. */
  calculator: CalculatorDefaults;
}

let loading: Promise<Playbook> | undefined;

/** The line of a chapter file where its body starts (after the frontmatter), for error messages. */
function bodyStartLine(filePath: string | undefined): number {
  if (!filePath) return 1;
  try {
    const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(readFileSync(filePath, 'utf8'));
    return match ? match[0].split('\n').length : 1;
  } catch {
    return 1;
  }
}

const termsOrBody = (chapter: CollectionEntry<'playbook'>): { terms: readonly TermReference[] } | { body: string } => {
  const rendered = chapterMetadata(chapter.rendered);
  return rendered ? { terms: rendered.terms } : { body: chapter.body ?? '' };
};

const fileOf = (entry: { filePath?: string | undefined; id: string }, fallback: string): string =>
  entry.filePath ? displayPath(resolve(entry.filePath)) : fallback;

async function load(): Promise<Playbook> {
  const [siteEntries, sections, allChapters, glossary, paths, assessments, calculatorEntries, objections, allChecks] = await Promise.all([
    getCollection('site'),
    getCollection('sections'),
    getCollection('playbook'),
    getCollection('glossary'),
    getCollection('paths'),
    getCollection('assessments'),
    getCollection('calculator'),
    getCollection('objections'),
    getCollection('checks'),
  ]);
  const calculator = calculatorEntries[0]?.data;
  if (!calculator) throw new ContentError(`Missing ${displayPath(`${contentDir()}/calculator/defaults.yaml`)}: the calculator defaults file is required.`);
  const site = siteEntries[0]?.data;
  if (!site) throw new ContentError(`Missing ${displayPath(`${contentDir()}/site.yaml`)}: the site settings file is required.`);
  // Drafts are visible while writing (`npm run dev`) and left out of the built site.
  const chapters = allChapters.filter((c) => import.meta.env.SHOW_DRAFTS === true || !c.data.draft);
  const root = displayPath(contentDir());
  const folder = (name: string) => (root ? `${root}/${name}` : name);

  const problems = checkReferences({
    sections: sections.map((s) => ({ id: s.id, file: fileOf(s, `${folder('sections')}/${s.id}.yaml`) })),
    chapters: chapters.map((c) => ({
      id: c.id,
      file: fileOf(c, `${folder('playbook')}/${c.id}.mdx`),
      section: c.data.section,
      related: c.data.related,
      // Chapters rendered in the content layer come with the terms they name; others with their body.
      ...termsOrBody(c),
      // Read again only when a broken reference needs its line number, not for every chapter of every build.
      get bodyStartLine() {
        return bodyStartLine(c.filePath);
      },
    })),
    glossary: glossary.map((g) => ({ id: g.id, file: fileOf(g, `${folder('glossary')}/${g.id}.yaml`), related: g.data.related })),
    paths: paths.map((p) => ({ id: p.id, file: fileOf(p, `${folder('paths')}/${p.id}.yaml`), steps: p.data.steps })),
    assessments: assessments.map((a) => ({ id: a.id, file: fileOf(a, `${folder('assessments')}/${a.id}.yaml`), chapters: chapterReferences(a.data) })),
    objections: objections.map((o) => ({ id: o.id, file: fileOf(o, `${folder('objections')}/${o.id}.yaml`), chapter: o.data.chapter })),
    folders: {
      sections: folder('sections'),
      playbook: folder('playbook'),
      glossary: folder('glossary'),
      assessments: folder('assessments'),
    },
  });
  const chapterIds = new Set(chapters.map((c) => c.id));
  problems.push(
    ...checkKnowledgeCheckReferences(
      allChecks.map((c) => ({ id: c.id, file: fileOf(c, `${folder('checks')}/${c.id}.yaml`), chapter: c.data.chapter })),
      chapterIds,
      folder('playbook'),
      new Set(allChapters.map((c) => c.id)),
    ),
  );
  // A check whose chapter is a draft left out of the build is left out with it.
  const checks = new Map(allChecks.filter((c) => chapterIds.has(c.data.chapter)).map((c) => [c.data.chapter, c]));
  const assessmentIds = new Set(assessments.map((a) => a.id));
  for (const p of paths) {
    const file = fileOf(p, `${folder('paths')}/${p.id}.yaml`);
    p.data.steps.forEach((step, i) => {
      if (step.kind === 'check' && chapterIds.has(step.ref) && !checks.has(step.ref)) {
        problems.push(
          `${file}: field "steps.${i}.ref": expected a chapter that has a knowledge check (${folder('checks')}/${step.ref}.yaml does not exist); given "${step.ref}".`,
        );
      }
    });
    if (p.data.certification) {
      problems.push(
        ...checkCertificationReferences(file, p.data.certification, {
          chapter: (id) => chapterIds.has(id),
          check: (id) => checks.has(id),
          assessment: (id) => assessmentIds.has(id),
        }),
      );
    }
  }
  if (problems.length > 0) {
    throw new ContentError(`Broken references in the content (${relative(process.cwd(), contentDir()) || '.'}):\n${problems.join('\n')}`);
  }

  const index = buildPlaybookIndex(
    sections.map((s) => ({ id: s.id, ...s.data })),
    chapters.map((c) => ({
      id: c.id,
      title: c.data.title,
      description: c.data.description,
      section: c.data.section,
      order: c.data.order,
      audience: c.data.audience,
      related: c.data.related,
      readingMinutes: chapterMetadata(c.rendered)?.readingMinutes ?? readingMinutes(c.body ?? ''),
    })),
  );
  return {
    site,
    index,
    chapters: new Map(chapters.map((c) => [c.id, c])),
    glossary: [...glossary].sort((a, b) => a.data.term.localeCompare(b.data.term, site.locale)),
    checks,
    paths: [...paths].sort((a, b) => a.data.order - b.data.order),
    assessments: [...assessments].sort((a, b) => a.data.title.localeCompare(b.data.title, site.locale)),
    objections,
    calculator,
  };
}

/** Loads the playbook once per build and fails the build on any broken reference. */
export function getPlaybook(): Promise<Playbook> {
  loading ??= load();
  return loading;
}
