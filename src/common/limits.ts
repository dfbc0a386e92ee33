/**
 * The one definition of each limit that content must keep so the browser can hold what the build
 * accepts. The build schemas refuse content over a limit (naming file, field, expected and given); the
 * runtime parsers of stored state, result links and result files read back exactly up to it.
 */
export const LIMITS = {
  /** Characters in a chapter id (its file name without `.mdx`): progress is stored under it. */
  chapterId: 100,
  /** Characters in an assessment id: the storage key, result links and roll-up files carry it. */
  assessmentId: 64,
  /** Characters in a question id: saved answers, result links and files are keyed by it. */
  questionId: 64,
  /** Characters in a band label: every finished result keeps the label it was shown. */
  bandLabel: 200,
} as const;
