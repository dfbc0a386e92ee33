/** A knowledge-check file as the reference check sees it. */
export interface CheckEntry {
  id: string;
  file: string;
  chapter: string;
}

/**
 * Build-time cross-checks of knowledge checks: `chapter` must name an existing chapter and equal the
 * file name. Drafts count as existing while `chapterIds` holds them, so `allChapterIds` is passed.
 * Each message names the file, the field, what was expected and what was given.
 */
export function checkKnowledgeCheckReferences(
  entries: readonly CheckEntry[],
  chapterIds: ReadonlySet<string>,
  playbookFolder: string,
  allChapterIds: ReadonlySet<string> = chapterIds,
): string[] {
  const problems: string[] = [];
  for (const entry of entries) {
    if (entry.chapter !== entry.id) {
      problems.push(
        `${entry.file}: field "chapter": expected the file name without .yaml ("${entry.id}"), since a check belongs to one chapter; given "${entry.chapter}".`,
      );
    } else if (!allChapterIds.has(entry.chapter)) {
      problems.push(
        `${entry.file}: field "chapter": expected the id of an existing chapter (${playbookFolder}/${entry.chapter}.mdx does not exist); given "${entry.chapter}".`,
      );
    }
  }
  return problems;
}
