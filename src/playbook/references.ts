/** An entry as the reference check sees it: its id and the file it came from. */
interface Located {
  id: string;
  file: string;
}

/** Everything in the content that points at something else, with where it comes from. */
export interface ReferenceGraph {
  sections: Located[];
  chapters: (Located & { section: string; related: readonly string[]; body: string; bodyStartLine?: number })[];
  glossary: (Located & { related: readonly string[] })[];
  paths: (Located & { steps: readonly { kind: string; ref?: string }[] })[];
  assessments: Located[];
  /** Where a missing entry of each collection would live, to name the other end in messages. */
  folders: { sections: string; playbook: string; glossary: string; assessments: string };
}

const known = (ids: Iterable<string>): string => {
  const list = [...ids].sort();
  return list.length ? list.join(', ') : '(none)';
};

/**
 * Finds references to chapters, sections, glossary terms and assessments that do not exist.
 * Each message names both ends: the file that refers and the entry (and file) it expected.
 */
export function checkReferences(graph: ReferenceGraph): string[] {
  const problems: string[] = [];
  const sectionIds = new Set(graph.sections.map((s) => s.id));
  const chapterIds = new Set(graph.chapters.map((c) => c.id));
  const termIds = new Set(graph.glossary.map((g) => g.id));
  const assessmentIds = new Set(graph.assessments.map((a) => a.id));
  const missing = (from: string, field: string, kind: string, id: string, folder: string, ext: string, ids: Set<string>) =>
    problems.push(
      `${from}: field "${field}" refers to ${kind} "${id}", which does not exist (expected ${folder}/${id}.${ext}). Known ${kind}s: ${known(ids)}.`,
    );

  for (const chapter of graph.chapters) {
    if (!sectionIds.has(chapter.section)) {
      missing(chapter.file, 'section', 'section', chapter.section, graph.folders.sections, 'yaml', sectionIds);
    }
    chapter.related.forEach((id, i) => {
      if (!chapterIds.has(id)) missing(chapter.file, `related.${i}`, 'chapter', id, graph.folders.playbook, 'mdx', chapterIds);
    });
    for (const match of chapter.body.matchAll(/<Term\s+id=["']([^"']*)["']/g)) {
      const id = match[1] ?? '';
      if (!termIds.has(id)) {
        const line = chapter.body.slice(0, match.index).split('\n').length + (chapter.bodyStartLine ?? 1) - 1;
        problems.push(
          `${chapter.file}: <Term id="${id}"> (line ${line}) refers to glossary term "${id}", which does not exist (expected ${graph.folders.glossary}/${id}.yaml).`,
        );
      }
    }
  }
  for (const term of graph.glossary) {
    term.related.forEach((id, i) => {
      if (!chapterIds.has(id)) missing(term.file, `related.${i}`, 'chapter', id, graph.folders.playbook, 'mdx', chapterIds);
    });
  }
  for (const path of graph.paths) {
    path.steps.forEach((step, i) => {
      if (step.kind === 'chapter' && step.ref !== undefined && !chapterIds.has(step.ref)) {
        missing(path.file, `steps.${i}.ref`, 'chapter', step.ref, graph.folders.playbook, 'mdx', chapterIds);
      }
      if (step.kind === 'check' && step.ref !== undefined && !chapterIds.has(step.ref)) {
        missing(path.file, `steps.${i}.ref`, 'chapter', step.ref, graph.folders.playbook, 'mdx', chapterIds);
      }
      if (step.kind === 'assessment' && step.ref !== undefined && !assessmentIds.has(step.ref)) {
        missing(path.file, `steps.${i}.ref`, 'assessment', step.ref, graph.folders.assessments, 'yaml', assessmentIds);
      }
    });
  }
  return problems;
}
