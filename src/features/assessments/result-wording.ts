/**
 * The sentences about portable results: why a result link or file was refused, and the team
 * roll-up's summary. Loaded with the result functions (result-module.ts), when a link is opened or
 * results are read, never with a page's first script.
 */
import type { Assessment } from './schema.ts';
import type { ChapterNeed, TeamRollUp } from './roll-up.ts';
import { MAX_RESULT_FILE_CHARS, MAX_RESULT_LINK_CHARS, RESULT_LINK_MARKER } from './result-link.ts';
import { describeValue, formatProblems, type Problem } from '../../common/problems.ts';
import { plural } from '../../common/plural.ts';
import { lowerFirst } from '../../common/sentence.ts';

// Result links and files (result-format.ts).

/** The one problem of a refusal that stopped at a gate (not a link, too long, …), on `field`. */
function gate(problems: readonly Problem[], field: string): Problem | undefined {
  const [problem] = problems;
  return problems.length === 1 && problem?.field === field ? problem : undefined;
}

/** A problem of a well-formed result that does not fit the assessment (`resultProblems`). */
function isFitProblem(problem: Problem): boolean {
  return problem.code === 'conflict' || problem.code === 'unknown_reference' || (problem.code === 'missing' && problem.field.startsWith('answers.'));
}

const questionOf = (problem: Problem): string => problem.field.slice('answers.'.length);

/** Why a well-formed result does not fit `assessment`, from `resultProblems`. */
export function fitRefusal(problems: readonly Problem[], assessment: Pick<Assessment, 'title' | 'questions'>): string {
  const sentences = problems.flatMap((problem) => {
    if (problem.field === 'assessment') return [`It is a result of ${problem.given}, not of "${assessment.title}".`];
    if (problem.code === 'unknown_reference')
      return [`It answers a question this self-assessment does not have (${problem.given}); it may come from another version of it.`];
    if (problem.code === 'conflict') {
      const id = questionOf(problem);
      const options = assessment.questions.find((q) => q.id === id)?.options.length ?? 0;
      return [`Its answer to question ${describeValue(id)} is ${problem.given}, but that question has only ${options} options.`];
    }
    return [];
  });
  const missing = problems.filter((p) => p.code === 'missing').map((p) => describeValue(questionOf(p)));
  if (missing.length > 0) {
    const shown = missing.length > 5 ? `${missing.slice(0, 5).join(', ')} and ${missing.length - 5} more` : missing.join(', ');
    sentences.push(`It does not answer every question (missing ${shown}).`);
  }
  return `This result does not fit "${assessment.title}". ${sentences.join(' ')}`;
}

const damaged = (problems: readonly Problem[], label: string): string => `This result is damaged and cannot be read:\n${formatProblems(label, problems)}`;

/** Why a result link opened on `assessment`'s page was refused (`decodeResultLink`'s problems). */
export function linkRefusal(problems: readonly Problem[], assessment: Pick<Assessment, 'title' | 'questions'>): string {
  const whole = gate(problems, '');
  if (whole?.code === 'too_large') {
    return `This link is too long to be a self-assessment result (${whole.given}; a result link is under ${MAX_RESULT_LINK_CHARS.toLocaleString('en-US')}).`;
  }
  if (whole?.code === 'invalid') return 'This link does not contain a self-assessment result that can be read.';
  const version = gate(problems, RESULT_LINK_MARKER);
  if (whole || version?.code === 'not_parseable') return 'This link does not contain a self-assessment result.';
  if (version?.code === 'unsupported_version')
    return `This result link was made by a newer version of the site (result ${version.given}); this site reads ${version.expected}.`;
  if (version) return 'This result link is damaged: its format version is not one this site knows.';
  if (gate(problems, 'c'))
    return 'This result link has been changed or cut short since it was made, so it cannot be trusted. Ask for the link again, or for the result file.';
  const other = gate(problems, 'a');
  if (other) return `This link is a result of ${other.given}, not of "${assessment.title}". Open it on that self-assessment's page.`;
  if (gate(problems, 'q')) return 'This result link is damaged: its answers cannot be read.';
  return problems.every(isFitProblem) ? fitRefusal(problems, assessment) : damaged(problems, 'the result link');
}

/** Why a line of pasted links was refused on the team roll-up (`parseResultLinks`); `assessment` is the one it names. */
export function teamLinkRefusal(problems: readonly Problem[], assessment: Pick<Assessment, 'title' | 'questions'> | undefined): string {
  if (gate(problems, RESULT_LINK_MARKER)?.code === 'not_parseable') {
    return 'This is not a result link: it has no “#pb-result=…” part. Copy the link from the “Copy result link” button on a results page.';
  }
  const unknown = gate(problems, 'a');
  if (unknown?.code === 'unknown_reference') return `This link is for a self-assessment this site does not have (${unknown.given}).`;
  return assessment ? linkRefusal(problems, assessment) : 'This link does not contain a self-assessment result.';
}

/**
 * Why a result file was refused (`readResultFile`): `fileName` labels its damaged fields,
 * `assessments` are the ones this site has, `assessment` the one the file names.
 */
export function fileRefusal(
  problems: readonly Problem[],
  context: { fileName?: string | undefined; assessments: readonly Pick<Assessment, 'id'>[]; assessment: Pick<Assessment, 'title' | 'questions'> | undefined },
): string {
  const whole = gate(problems, '');
  switch (whole?.code) {
    case 'wrong_type':
      return 'This file is not a self-assessment result: it is not a text file.';
    case 'too_large':
      return `This file is too large to be a self-assessment result (${whole.given}; a result is under ${MAX_RESULT_FILE_CHARS.toLocaleString('en-US')}).`;
    case 'not_parseable':
      return 'This file is not a self-assessment result: it is not JSON text (results are saved as .json files from the results page).';
    case 'invalid':
      return 'This file is not a self-assessment result that can be read.';
  }
  if (gate(problems, 'format')) {
    return 'This file is not a self-assessment result: it has no "format": "pb-assessment-result" field. It may be a different kind of file.';
  }
  const version = gate(problems, 'version');
  if (version?.code === 'unsupported_version')
    return `This result was saved by a newer version of the site (result ${version.given}); this site reads ${version.expected}.`;
  const unknown = gate(problems, 'assessment');
  if (unknown?.code === 'unknown_reference') {
    const known = context.assessments.map((a) => a.id).join(', ') || 'none';
    return `This result is for a self-assessment this site does not have (${unknown.given}; it has: ${known}).`;
  }
  return context.assessment && problems.every(isFitProblem)
    ? fitRefusal(problems, context.assessment)
    : damaged(problems, context.fileName ?? 'the result file');
}

// ---------------------------------------------------------------------------------------------
// The team roll-up.

/** Where an accepted or refused input came from: a file. */
export function fileSource(fileName: string): string {
  return `File ${describeValue(fileName)}`;
}

/** Where an accepted or refused input came from: a line of the pasted links. */
export function linkSource(line: number): string {
  return `Link on line ${line}`;
}

/** The status after reading: how many distinct results were read, how many duplicates were counted once, how many were not included. */
export function readStatus(accepted: number, refused: number, duplicates = 0): string {
  const twice = duplicates > 0 ? ` (${plural(duplicates, 'duplicate')} counted once)` : '';
  return `${plural(accepted, 'result')} read${twice}${refused > 0 ? `, ${refused} not included (see below)` : ''}. Nothing was uploaded.`;
}

/** A file refused before it is read: far larger than any result file. */
export function resultFileTooLarge(bytes: number, maxChars: number): string {
  const size = bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(0)} MB` : `${Math.ceil(bytes / 1024)} KB`;
  return `The file is too large (${size}) to be a result file: result files are under ${Math.ceil(maxChars / 1000)} KB.`;
}

/** The last line of a capped list of refusals. */
export function moreRefused(count: number): string {
  return `and ${count} more not included.`;
}

/** How many results carry one name in the people list: "" for one, " — 3 results" for more. */
export function resultsOfPerson(results: number): string {
  return results > 1 ? ` — ${results.toLocaleString('en-US')} results` : '';
}

/** A choice of assessment, with how many results of it were read. */
export function assessmentChoice(title: string, results: number): string {
  return `${title} (${plural(results, 'result')})`;
}

/**
 * The team's overall line; `format` formats numbers for the page's language. For a recommendation
 * assessment it says how often each option fitted best, since a mean of different options' fits means nothing.
 */
export function teamSummary(team: Pick<TeamRollUp, 'people' | 'overall' | 'bestFits' | 'tooClose'>, format: (n: number) => string): string {
  const overall = team.overall;
  if (overall && (team.bestFits.length > 0 || team.tooClose > 0)) {
    const fits = team.bestFits.map((fit) => `${lowerFirst(fit.title)} for ${fit.people}`);
    if (team.tooClose > 0) fits.push(`too close to call for ${team.tooClose}`);
    return `${plural(team.people, 'person', 'people')}. Best fit: ${fits.join(', ')}.`;
  }
  return overall
    ? `${plural(team.people, 'person', 'people')}. Overall mean ${format(overall.mean)} out of 100 (median ${format(overall.median)}, from ${format(overall.min)} to ${format(overall.max)}).`
    : 'No results of this self-assessment have been added.';
}

/** What was left out of the roll-up and why; empty when nothing was. `otherAssessment` counts results of other assessments. */
export function leftOutText(skipped: Pick<TeamRollUp['skipped'], 'duplicate' | 'notFitting'>, otherAssessment: number): string {
  const reasons = [
    skipped.duplicate > 0 ? `${plural(skipped.duplicate, 'duplicate')} counted once` : '',
    skipped.notFitting > 0 ? `${plural(skipped.notFitting, 'result does', 'results do')} not fit this version of the self-assessment` : '',
    otherAssessment > 0 ? `${plural(otherAssessment, 'result is', 'results are')} of another self-assessment (choose it above)` : '',
  ].filter(Boolean);
  return reasons.length > 0 ? `Left out: ${reasons.join('; ')}.` : '';
}

/** A person in the roll-up's list, after their name: " (file "sam.json")". */
export function personSource(source: string): string {
  return ` (${lowerFirst(source)})`;
}

/** How many people a chapter is recommended for: "(recommended for 2 of 3; among the three to read next for 2)". */
export function chapterNeedText(need: Pick<ChapterNeed, 'people' | 'readNext'>, people: number): string {
  const readNext = need.readNext > 0 ? `; among the three to read next for ${need.readNext}` : '';
  return `(recommended for ${need.people} of ${people}${readNext})`;
}
