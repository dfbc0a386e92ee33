/**
 * A portable self-assessment result: a JSON file or a link someone can share. Everything here is
 * pure and total: every function that reads outside input returns a `Result` instead of throwing,
 * whatever it is given (huge or deeply nested text, `__proto__` keys, markup). Refusals are
 * problems with stable codes; wording.ts turns them into the sentences a person reads (they may
 * quote shortened bits of the input, so render them with `textContent`, never as HTML).
 */
import * as z from 'zod/mini';
import type { Assessment } from './schema.ts';
import { describeValue, ok, refuse, valueAt, type Problem, type Result } from '../../common/problems.ts';
import { problemsFromZod } from '../../common/zod-problems.ts';
import { CONTROL_CHARS, KEBAB_ID, isRecord } from '../../common/formats.ts';
import { LIMITS } from '../../common/limits.ts';
import { MAX_RESULT_FILE_CHARS, MAX_RESULT_LINK_CHARS, RESULT_FORMAT, RESULT_LINK_MARKER, RESULT_VERSION } from './result-link.ts';

// zod/mini rather than `astro/zod`: a shared result link is opened on an assessment page, whose
// script budget is 30 KB gzipped; the full zod API alone costs about 25 KB there. The browser
// loads this module through src/features/assessments/result-module.ts, which sets zod's `jitless` first.

const IdSchema = z.string().check(z.maxLength(LIMITS.assessmentId), z.regex(KEBAB_ID));
// Looser than the ISO instants the site writes: a result file may have been written by hand or by
// another tool, so a plain date and any offset are accepted.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const CONTROLS = new RegExp(CONTROL_CHARS.source, 'g');
// Half of a two-part character (an emoji cut in two): a link cannot carry it (URL encoding turns it
// into U+FFFD, so the check code no longer matches), so a result may not hold one.
const LONE_SURROGATE = /\p{Cs}/u;
const MAX_NAME = 80;
const ANSWER_PAIR = new RegExp(`^([a-z0-9-]{1,${LIMITS.questionId}})\\.(\\d{1,2})$`);

// Keys are checked on the raw object: zod's record silently drops a `__proto__` key, and a
// result carrying one should be refused, not quietly repaired.
const AnswersSchema = z.pipe(
  z.unknown().check(
    z.superRefine((value, ctx) => {
      if (!isRecord(value)) return;
      const keys = Object.keys(value);
      if (keys.length > 100) ctx.addIssue({ code: 'custom', message: 'at most 100 answers' });
      for (const key of keys.slice(0, 100)) {
        if (key.length > LIMITS.questionId || !KEBAB_ID.test(key)) {
          ctx.addIssue({ code: 'custom', path: [key], message: 'answers keyed by question id (lowercase letters, digits and dashes)' });
        }
      }
    }),
  ),
  z.record(z.string(), z.int().check(z.minimum(0), z.maximum(99))),
);

/** A saved result of one person taking one self-assessment. */
export const AssessmentResultSchema = z.strictObject({
  /** Always `pb-assessment-result`: tells a result file from any other JSON. */
  format: z.literal(RESULT_FORMAT),
  /** Format version, currently 1. */
  version: z.literal(RESULT_VERSION),
  /** Id of the assessment taken, e.g. `prospecting-habits`. */
  assessment: IdSchema,
  /** When it was taken: an ISO date or date-time, e.g. `2025-03-04T09:30:00.000Z`. */
  takenAt: z.string().check(
    z.maxLength(40),
    z.refine((text) => ISO_DATE.test(text) && !Number.isNaN(Date.parse(text)), 'an ISO date such as 2025-03-04 or 2025-03-04T09:30:00Z'),
  ),
  /** Question id → index of the chosen option (0 = first option). */
  answers: AnswersSchema,
  /** Optional: whose result it is, as they typed it (1-80 characters of plain text). */
  name: z.optional(
    z.string().check(
      z.trim(),
      z.minLength(1),
      z.maxLength(MAX_NAME),
      z.refine((text) => !CONTROL_CHARS.test(text), 'a name without control characters'),
      z.refine((text) => !LONE_SURROGATE.test(text), 'a name without broken characters (half of an emoji or other two-part character)'),
    ),
  ),
});

/** A saved result of one person taking one self-assessment. */
export type AssessmentResult = z.output<typeof AssessmentResultSchema>;

/** A result read from a file, with the assessment it belongs to. */
export interface ResultOfAssessment {
  result: AssessmentResult;
  assessment: Assessment;
}

/**
 * A typed name as a result holds it: control characters become spaces, broken characters are
 * dropped, and it is trimmed and cut to 80 UTF-16 units without splitting a character.
 */
function cleanName(name: string): string {
  const text = name
    .replace(CONTROLS, ' ')
    .replace(/\p{Cs}/gu, '')
    .trim();
  if (text.length <= MAX_NAME) return text;
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(MAX_NAME - 1)) ? MAX_NAME - 1 : MAX_NAME;
  return text.slice(0, cut).trimEnd();
}

/**
 * Builds a result from a page's answers. `takenAt` defaults to now; the name is cleaned up so the
 * result always reads back (see `cleanName`) and left out when blank. Does not check the answers:
 * pass only complete answers (see `isComplete`).
 */
export function createResult(
  assessment: Assessment,
  answers: Readonly<Record<string, number>>,
  options: { takenAt?: Date; name?: string } = {},
): AssessmentResult {
  const ordered: Record<string, number> = {};
  for (const question of assessment.questions) {
    const index = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    if (index !== undefined) ordered[question.id] = index;
  }
  const name = options.name === undefined ? undefined : cleanName(options.name);
  return {
    format: RESULT_FORMAT,
    version: RESULT_VERSION,
    assessment: assessment.id,
    takenAt: (options.takenAt ?? new Date()).toISOString(),
    answers: ordered,
    ...(name ? { name } : {}),
  };
}

/** The text of a downloadable result file (pretty JSON, `.json`). */
export function resultFileText(result: AssessmentResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/**
 * Why a well-formed result does not fit an assessment, in answer order: another assessment
 * (`conflict` on `assessment`), an answer to a question it does not have (`unknown_reference`), an
 * option number out of range (`conflict`), then each unanswered question (`missing`). Empty when
 * it fits. Pure. (The schema's own problems are never `conflict` or `unknown_reference`, and never
 * name a missing answer, so wording.ts can tell the two kinds apart.)
 */
export function resultProblems(result: AssessmentResult, assessment: Assessment): Problem[] {
  if (result.assessment !== assessment.id) {
    return [{ code: 'conflict', field: 'assessment', expected: `a result of "${assessment.title}"`, given: describeValue(result.assessment) }];
  }
  const problems: Problem[] = [];
  const byId = new Map(assessment.questions.map((q) => [q.id, q]));
  for (const [id, index] of Object.entries(result.answers)) {
    const question = byId.get(id);
    if (question === undefined) {
      problems.push({ code: 'unknown_reference', field: `answers.${id}`, expected: 'a question of this self-assessment', given: describeValue(id) });
    } else if (index >= question.options.length) {
      problems.push({ code: 'conflict', field: `answers.${id}`, expected: `an option from 1 to ${question.options.length}`, given: `option ${index + 1}` });
    }
  }
  for (const question of assessment.questions) {
    if (!Object.hasOwn(result.answers, question.id)) {
      problems.push({ code: 'missing', field: `answers.${question.id}`, expected: 'an answer', given: describeValue(undefined) });
    }
  }
  return problems;
}

function fitOrRefuse(data: unknown, assessment: Assessment): Result<AssessmentResult> {
  const parsed = AssessmentResultSchema.safeParse(data);
  if (!parsed.success) return refuse(...problemsFromZod(parsed.error, data));
  const problems = resultProblems(parsed.data, assessment);
  return problems.length > 0 ? refuse(...problems) : ok(parsed.data);
}

// FNV-1a: not security (anyone can recompute it), but it catches edited or truncated links.
function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function linkCheck(version: string, assessment: string, takenAt: string, answers: string, name: string): string {
  return checksum([version, assessment, takenAt, answers, name].join('\n'));
}

/**
 * Encodes a result as a URL hash fragment, starting with `#`, e.g.
 * `#pb-result=1&a=prospecting-habits&t=2025-03-04T09%3A30%3A00.000Z&q=cadence.2_time-blocks.3&c=1a2b3c4d`.
 * Answers are `questionId.optionIndex` pairs joined by `_` (ids are kebab-case, so both are
 * safe); `c` is a check code over the rest. Append it to `/assessments/<id>/`.
 */
export function encodeResultLink(result: AssessmentResult): string {
  const answers = Object.entries(result.answers)
    .map(([id, index]) => `${id}.${index}`)
    .join('_');
  const version = String(result.version);
  const params = new URLSearchParams({ [RESULT_LINK_MARKER]: version, a: result.assessment, t: result.takenAt, q: answers });
  if (result.name !== undefined) params.set('n', result.name);
  params.set('c', linkCheck(version, result.assessment, result.takenAt, answers, result.name ?? ''));
  return `#${params.toString()}`;
}

/** The parameters of a link's hash (with or without `#`, or a whole URL). */
function linkParams(link: string): URLSearchParams {
  const at = link.indexOf('#');
  return new URLSearchParams(at >= 0 ? link.slice(at + 1) : link.replace(/^\?/, ''));
}

function parseAnswerPairs(text: string): Record<string, number> | undefined {
  // A null-prototype object: no key, not even `__proto__`, can reach a prototype.
  const answers: Record<string, number> = Object.create(null) as Record<string, number>;
  if (text === '') return answers;
  for (const pair of text.split('_')) {
    const match = ANSWER_PAIR.exec(pair);
    if (match === null || match[1] === undefined || match[2] === undefined) return undefined;
    if (Object.hasOwn(answers, match[1])) return undefined;
    answers[match[1]] = Number(match[2]);
  }
  return { ...answers };
}

const notALink = (given: string): Problem => ({ code: 'not_parseable', field: RESULT_LINK_MARKER, expected: 'a self-assessment result link', given });

function decodeLink(hash: unknown, assessment: Assessment): Result<AssessmentResult> {
  if (typeof hash !== 'string') return refuse({ code: 'wrong_type', field: '', expected: 'a link', given: describeValue(hash) });
  if (hash.length > MAX_RESULT_LINK_CHARS) {
    return refuse({
      code: 'too_large',
      field: '',
      expected: `a link under ${MAX_RESULT_LINK_CHARS.toLocaleString('en-US')} characters`,
      given: `${hash.length.toLocaleString('en-US')} characters`,
    });
  }
  const params = linkParams(hash);
  const version = params.get(RESULT_LINK_MARKER);
  if (version === null) return refuse(notALink('a link without a result'));
  if (version !== String(RESULT_VERSION)) {
    return /^\d{1,3}$/.test(version) && Number(version) > RESULT_VERSION
      ? refuse({ code: 'unsupported_version', field: RESULT_LINK_MARKER, expected: `format ${RESULT_VERSION}`, given: `format ${version}` })
      : refuse({ code: 'bad_format', field: RESULT_LINK_MARKER, expected: 'a result format version this site knows', given: describeValue(version) });
  }
  const a = params.get('a') ?? '';
  const t = params.get('t') ?? '';
  const q = params.get('q') ?? '';
  const n = params.get('n');
  const c = params.get('c');
  if (c !== linkCheck(version, a, t, q, n ?? '')) {
    return refuse({ code: 'conflict', field: 'c', expected: 'a check code that matches the rest of the link', given: describeValue(c ?? undefined) });
  }
  if (a !== assessment.id) {
    return refuse({ code: 'conflict', field: 'a', expected: `a result of "${assessment.title}"`, given: describeValue(a) });
  }
  const answers = parseAnswerPairs(q);
  if (answers === undefined) return refuse({ code: 'bad_format', field: 'q', expected: 'answers as question.option pairs', given: describeValue(q) });
  const data = { format: RESULT_FORMAT, version: RESULT_VERSION, assessment: a, takenAt: t, answers, ...(n === null ? {} : { name: n }) };
  return fitOrRefuse(data, assessment);
}

/**
 * Reads a result from a link made by `encodeResultLink`: the hash (with or without `#`) or a
 * whole URL. Refuses links that are not results, edited or cut short (check code), of another
 * assessment, or whose answers do not fit `assessment`. Never throws. Word a refusal with
 * `linkRefusal` (wording.ts).
 */
export function decodeResultLink(hash: string, assessment: Assessment): Result<AssessmentResult> {
  try {
    return decodeLink(hash, assessment);
  } catch {
    return refuse({ code: 'invalid', field: '', expected: 'a self-assessment result link that can be read', given: 'a link that cannot' });
  }
}

/** One result file as read: the assessment it names (when this site has it) and the outcome. */
export interface ResultFileReading {
  assessment: Assessment | undefined;
  outcome: Result<ResultOfAssessment>;
}

function readFile(text: unknown, assessments: readonly Assessment[]): ResultFileReading {
  const refused = (problem: Problem, assessment?: Assessment): ResultFileReading => ({ assessment, outcome: refuse(problem) });
  if (typeof text !== 'string') return refused({ code: 'wrong_type', field: '', expected: 'a text file', given: describeValue(text) });
  if (text.length > MAX_RESULT_FILE_CHARS) {
    return refused({
      code: 'too_large',
      field: '',
      expected: `a file under ${MAX_RESULT_FILE_CHARS.toLocaleString('en-US')} characters`,
      given: `${text.length.toLocaleString('en-US')} characters`,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refused({ code: 'not_parseable', field: '', expected: 'JSON text', given: 'text that is not JSON' });
  }
  if (!isRecord(data) || valueAt(data, ['format']) !== RESULT_FORMAT) {
    const format = isRecord(data) ? valueAt(data, ['format']) : undefined;
    return refused({ code: format === undefined ? 'missing' : 'not_allowed', field: 'format', expected: `"${RESULT_FORMAT}"`, given: describeValue(format) });
  }
  const version = valueAt(data, ['version']);
  if (typeof version === 'number' && version > RESULT_VERSION) {
    return refused({ code: 'unsupported_version', field: 'version', expected: `format ${RESULT_VERSION}`, given: `format ${version}` });
  }
  const id = valueAt(data, ['assessment']);
  const assessment = assessments.find((a) => a.id === id);
  if (assessment === undefined) {
    return refused({ code: 'unknown_reference', field: 'assessment', expected: 'the id of a self-assessment this site has', given: describeValue(id) });
  }
  const fitted = fitOrRefuse(data, assessment);
  return { assessment, outcome: fitted.ok ? ok({ result: fitted.value, assessment }) : fitted };
}

/**
 * Reads the text of a result file and finds its assessment among `assessments`, saying which
 * assessment it names when this site has it (for the wording of a refusal: `fileRefusal`). Refuses
 * text that is not a result, damaged results, unknown assessments and answers that do not fit
 * (unknown question, option out of range, unanswered question). Never throws.
 */
export function readResultFile(text: string, assessments: readonly Assessment[]): ResultFileReading {
  try {
    return readFile(text, assessments);
  } catch {
    return {
      assessment: undefined,
      outcome: refuse({ code: 'invalid', field: '', expected: 'a self-assessment result that can be read', given: 'a file that cannot' }),
    };
  }
}

/** `readResultFile`'s outcome alone: the result and its assessment, or why not. Never throws. */
export function parseResultFile(text: string, assessments: readonly Assessment[]): Result<ResultOfAssessment> {
  return readResultFile(text, assessments).outcome;
}

/** One line of pasted result links as read: its number (from 1), the assessment it names (when this site has it) and the outcome. */
export interface ResultLinkReading {
  line: number;
  assessment: Assessment | undefined;
  outcome: Result<AssessmentResult>;
}

/**
 * Reads result links pasted one per line (blank lines skipped): each must carry the result marker
 * (`not_parseable` on `pb-result` otherwise) and name an assessment this site has
 * (`unknown_reference` on `a`), then reads as `decodeResultLink` does. Never throws.
 */
export function parseResultLinks(text: string, assessments: readonly Assessment[]): ResultLinkReading[] {
  const readings: ResultLinkReading[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const link = raw.trim();
    if (!link) return;
    const line = index + 1;
    const at = link.indexOf('#');
    const params = new URLSearchParams(at >= 0 ? link.slice(at + 1) : '');
    if (!params.has(RESULT_LINK_MARKER)) {
      readings.push({ line, assessment: undefined, outcome: refuse(notALink('a link without a result')) });
      return;
    }
    const assessment = assessments.find((a) => a.id === params.get('a'));
    if (!assessment) {
      const problem: Problem = {
        code: 'unknown_reference',
        field: 'a',
        expected: 'the id of a self-assessment this site has',
        given: describeValue(params.get('a') ?? ''),
      };
      readings.push({ line, assessment: undefined, outcome: refuse(problem) });
      return;
    }
    readings.push({ line, assessment, outcome: decodeResultLink(link, assessment) });
  });
  return readings;
}
