/** A `<Term id="…">` in a chapter's body and the line it is on. */
export interface TermReference {
  id: string;
  line: number;
}

/** The glossary terms an MDX body names, each with its line counted in `body`. */
export function termReferences(body: string): TermReference[] {
  return [...body.matchAll(/<Term\s+id=["']([^"']*)["']/g)].map((match) => ({
    id: match[1] ?? '',
    line: body.slice(0, match.index).split('\n').length,
  }));
}

/** An entry as the reference check sees it: its id and the file it came from. */
interface Located {
  id: string;
  file: string;
}

/** Everything in the content that points at something else, with where it comes from. */
export interface ReferenceGraph {
  sections: Located[];
  /**
   * Chapters with the glossary terms their bodies name: either `terms` (found when the chapter was
   * rendered, lines counted in the file) or the raw `body`, searched here (lines counted from
   * `bodyStartLine`, read only when a reference is broken).
   */
  chapters: (Located & { section: string; related: readonly string[]; terms?: readonly TermReference[]; body?: string; bodyStartLine?: number })[];
  glossary: (Located & { related: readonly string[] })[];
  paths: (Located & { steps: readonly { kind: string; ref?: string }[] })[];
  /** Assessments, with the chapters their bands and advice name (field and chapter id). */
  assessments: (Located & { chapters?: readonly { field: string; chapter: string }[] })[];
  /** Objections in the library, with the chapter each points to (optional so older callers can leave it out). */
  objections?: (Located & { chapter: string })[];
  /**
   * Where a missing entry of each collection would live, to name the other end in messages: the
   * content folder the build reads (CONTENT_DIR), e.g. `content/playbook`.
   */
  folders: { sections: string; playbook: string; glossary: string; assessments: string };
}

const known = (ids: Iterable<string>): string => {
  const list = [...ids].sort();
  return list.length ? list.join(', ') : '(none)';
};

/** A collection a reference can point into: the word for one entry, its ids, its folder and file extension. */
interface Target {
  kind: string;
  ids: ReadonlySet<string>;
  folder: string;
  ext: string;
}

/**
 * The one wording of a broken reference: the file and field that refer, the entry they name, the
 * file that would hold it and the entries that do exist.
 */
function missingReference(from: string, field: string, id: string, target: Target): string {
  return `${from}: field "${field}" refers to ${target.kind} "${id}", which does not exist (expected ${target.folder}/${id}.${target.ext}). Known ${target.kind}s: ${known(target.ids)}.`;
}

/**
 * Finds references to chapters, sections, glossary terms and assessments that do not exist
 * (chapters' sections and related chapters, `<Term>`s, glossary terms' related chapters, path
 * steps, the chapters assessments recommend, the chapter each objection points to). Each message names both ends: the file that refers
 * and the entry (and file) it expected.
 */
export function checkReferences(graph: ReferenceGraph): string[] {
  const problems: string[] = [];
  const sections: Target = { kind: 'section', ids: new Set(graph.sections.map((s) => s.id)), folder: graph.folders.sections, ext: 'yaml' };
  const chapters: Target = { kind: 'chapter', ids: new Set(graph.chapters.map((c) => c.id)), folder: graph.folders.playbook, ext: 'mdx' };
  const terms: Target = { kind: 'glossary term', ids: new Set(graph.glossary.map((g) => g.id)), folder: graph.folders.glossary, ext: 'yaml' };
  const assessments: Target = { kind: 'assessment', ids: new Set(graph.assessments.map((a) => a.id)), folder: graph.folders.assessments, ext: 'yaml' };
  const check = (from: string, field: string, id: string, target: Target) => {
    if (!target.ids.has(id)) problems.push(missingReference(from, field, id, target));
  };

  for (const chapter of graph.chapters) {
    check(chapter.file, 'section', chapter.section, sections);
    chapter.related.forEach((id, i) => check(chapter.file, `related.${i}`, id, chapters));
    for (const { id, line } of chapter.terms ?? termReferences(chapter.body ?? '')) {
      if (!terms.ids.has(id)) {
        const fileLine = chapter.terms ? line : line + (chapter.bodyStartLine ?? 1) - 1;
        problems.push(
          `${chapter.file}: <Term id="${id}"> (line ${fileLine}) refers to glossary term "${id}", which does not exist (expected ${terms.folder}/${id}.${terms.ext}).`,
        );
      }
    }
  }
  for (const term of graph.glossary) {
    term.related.forEach((id, i) => check(term.file, `related.${i}`, id, chapters));
  }
  for (const path of graph.paths) {
    path.steps.forEach((step, i) => {
      if (step.kind === 'chapter' && step.ref !== undefined) check(path.file, `steps.${i}.ref`, step.ref, chapters);
      if (step.kind === 'check' && step.ref !== undefined) check(path.file, `steps.${i}.ref`, step.ref, chapters);
      if (step.kind === 'assessment' && step.ref !== undefined) check(path.file, `steps.${i}.ref`, step.ref, assessments);
    });
  }
  for (const assessment of graph.assessments) {
    for (const reference of assessment.chapters ?? []) check(assessment.file, reference.field, reference.chapter, chapters);
  }
  for (const objection of graph.objections ?? []) check(objection.file, 'chapter', objection.chapter, chapters);
  return problems;
}
