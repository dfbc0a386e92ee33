/**
 * A portable self-assessment result (a JSON file or a link someone can share) and the team
 * roll-up built from several of them. Everything here is pure and total: every function that
 * reads outside input returns `{ ok: false, reason }` instead of throwing, whatever it is given
 * (huge or deeply nested text, `__proto__` keys, markup). Reasons are plain sentences meant for
 * a person; they may quote (shortened) bits of the input, so render them with `textContent`,
 * never as HTML.
 */
import * as z from 'zod/mini';
import type { Assessment } from './schema.ts';
import { scoreAssessment } from './scoring.ts';
import { LIMITS } from '../../common/limits.ts';
import { describeValue, formatProblems, problemsFromZod, valueAt } from '../../common/problems.ts';

// zod/mini rather than `astro/zod`: a shared result link is opened on an assessment page, whose
// script budget is 30 KB gzipped; the full zod API alone costs about 25 KB there. The browser
// loads this module through src/features/assessments/result-module.ts, which sets zod's `jitless` first.

/** The `format` value that marks a file as a self-assessment result. */
export const RESULT_FORMAT = 'pb-assessment-result';
/** The result format version this code writes and reads. */
export const RESULT_VERSION = 1;
/** Longest result file accepted, in characters (a real one is well under 2,000). */
export const MAX_RESULT_FILE_CHARS = 20_000;
/** Longest result link accepted, in characters. */
export const MAX_RESULT_LINK_CHARS = 4_000;

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const IdSchema = z.string().check(z.maxLength(LIMITS.assessmentId), z.regex(KEBAB_ID));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
// Control characters have no place in a name and could hide text; markup is harmless as text.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');
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
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
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
      z.refine((text) => !CONTROL.test(text), 'a name without control characters'),
      z.refine((text) => !LONE_SURROGATE.test(text), 'a name without broken characters (half of an emoji or other two-part character)'),
    ),
  ),
});

/** A saved result of one person taking one self-assessment. */
export type AssessmentResult = z.output<typeof AssessmentResultSchema>;

/** Outcome of reading a result link or file. */
export type ResultOutcome = { ok: true; result: AssessmentResult } | { ok: false; reason: string };
/** Outcome of reading a result file: also says which assessment it belongs to. */
export type ResultFileOutcome = { ok: true; result: AssessmentResult; assessment: Assessment } | { ok: false; reason: string };

/**
 * A typed name as a result holds it: control characters become spaces, broken characters are
 * dropped, and it is trimmed and cut to 80 UTF-16 units without splitting a character.
 */
function cleanName(name: string): string {
  const text = name.replace(CONTROLS, ' ').replace(/\p{Cs}/gu, '').trim();
  if (text.length <= MAX_NAME) return text;
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(MAX_NAME - 1)) ? MAX_NAME - 1 : MAX_NAME;
  return text.slice(0, cut).trimEnd();
}

/**
 * Builds a result from a page's answers. `takenAt` defaults to now; the name is cleaned up so the
 * result always reads back (see `cleanName`) and left out when blank. Does not check the answers:
 * pass only complete answers (see `isComplete`).
 */
export function createResult(assessment: Assessment, answers: Readonly<Record<string, number>>, options: { takenAt?: Date; name?: string } = {}): AssessmentResult {
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
 * Why a well-formed result does not fit an assessment: another assessment, unknown questions,
 * option numbers out of range, unanswered questions. Empty when it fits. Pure.
 */
export function resultProblems(result: AssessmentResult, assessment: Assessment): string[] {
  if (result.assessment !== assessment.id) {
    return [`It is a result of ${describeValue(result.assessment)}, not of "${assessment.title}".`];
  }
  const problems: string[] = [];
  const byId = new Map(assessment.questions.map((q) => [q.id, q]));
  for (const [id, index] of Object.entries(result.answers)) {
    const question = byId.get(id);
    if (question === undefined) {
      problems.push(`It answers a question this self-assessment does not have (${describeValue(id)}); it may come from another version of it.`);
    } else if (index >= question.options.length) {
      problems.push(`Its answer to question ${describeValue(id)} is option ${index + 1}, but that question has only ${question.options.length} options.`);
    }
  }
  const missing = assessment.questions.filter((q) => !Object.hasOwn(result.answers, q.id)).map((q) => describeValue(q.id));
  if (missing.length > 0) {
    const shown = missing.length > 5 ? `${missing.slice(0, 5).join(', ')} and ${missing.length - 5} more` : missing.join(', ');
    problems.push(`It does not answer every question (missing ${shown}).`);
  }
  return problems;
}

function refuse(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

function fitOrRefuse(data: unknown, assessment: Assessment, label: string): ResultOutcome {
  const parsed = AssessmentResultSchema.safeParse(data);
  if (!parsed.success) {
    return refuse(`This result is damaged and cannot be read:\n${formatProblems(label, problemsFromZod(parsed.error, data))}`);
  }
  const problems = resultProblems(parsed.data, assessment);
  if (problems.length > 0) return refuse(`This result does not fit "${assessment.title}". ${problems.join(' ')}`);
  return { ok: true, result: parsed.data };
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

const LINK_MARKER = 'pb-result';

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
  const params = new URLSearchParams({ [LINK_MARKER]: version, a: result.assessment, t: result.takenAt, q: answers });
  if (result.name !== undefined) params.set('n', result.name);
  params.set('c', linkCheck(version, result.assessment, result.takenAt, answers, result.name ?? ''));
  return `#${params.toString()}`;
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

function decodeLink(hash: unknown, assessment: Assessment): ResultOutcome {
  if (typeof hash !== 'string') return refuse('This link does not contain a self-assessment result.');
  if (hash.length > MAX_RESULT_LINK_CHARS) {
    return refuse(`This link is too long to be a self-assessment result (${hash.length.toLocaleString('en-US')} characters; a result link is under ${MAX_RESULT_LINK_CHARS.toLocaleString('en-US')}).`);
  }
  const at = hash.indexOf('#');
  const params = new URLSearchParams(at >= 0 ? hash.slice(at + 1) : hash.replace(/^\?/, ''));
  const version = params.get(LINK_MARKER);
  if (version === null) return refuse('This link does not contain a self-assessment result.');
  if (version !== String(RESULT_VERSION)) {
    return /^\d{1,3}$/.test(version) && Number(version) > RESULT_VERSION
      ? refuse(`This result link was made by a newer version of the site (result format ${version}); this site reads format ${RESULT_VERSION}.`)
      : refuse('This result link is damaged: its format version is not one this site knows.');
  }
  const a = params.get('a') ?? '';
  const t = params.get('t') ?? '';
  const q = params.get('q') ?? '';
  const n = params.get('n');
  if (params.get('c') !== linkCheck(version, a, t, q, n ?? '')) {
    return refuse('This result link has been changed or cut short since it was made, so it cannot be trusted. Ask for the link again, or for the result file.');
  }
  if (a !== assessment.id) {
    return refuse(`This link is a result of ${describeValue(a)}, not of "${assessment.title}". Open it on that self-assessment's page.`);
  }
  const answers = parseAnswerPairs(q);
  if (answers === undefined) return refuse('This result link is damaged: its answers cannot be read.');
  const data = { format: RESULT_FORMAT, version: RESULT_VERSION, assessment: a, takenAt: t, answers, ...(n === null ? {} : { name: n }) };
  return fitOrRefuse(data, assessment, 'the result link');
}

/**
 * Reads a result from a link made by `encodeResultLink`: the hash (with or without `#`) or a
 * whole URL. Refuses links that are not results, edited or cut short (check code), of another
 * assessment, or whose answers do not fit `assessment`. Never throws.
 */
export function decodeResultLink(hash: string, assessment: Assessment): ResultOutcome {
  try {
    return decodeLink(hash, assessment);
  } catch {
    return refuse('This link does not contain a self-assessment result that can be read.');
  }
}

function parseFile(text: unknown, assessments: readonly Assessment[], label: string): ResultFileOutcome {
  if (typeof text !== 'string') return refuse('This file is not a self-assessment result: it is not a text file.');
  if (text.length > MAX_RESULT_FILE_CHARS) {
    return refuse(`This file is too large to be a self-assessment result (${text.length.toLocaleString('en-US')} characters; a result is under ${MAX_RESULT_FILE_CHARS.toLocaleString('en-US')}).`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse('This file is not a self-assessment result: it is not JSON text (results are saved as .json files from the results page).');
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data) || valueAt(data, ['format']) !== RESULT_FORMAT) {
    return refuse(`This file is not a self-assessment result: it has no "format": "${RESULT_FORMAT}" field. It may be a different kind of file.`);
  }
  const version = valueAt(data, ['version']);
  if (typeof version === 'number' && version > RESULT_VERSION) {
    return refuse(`This result was saved by a newer version of the site (result format ${version}); this site reads format ${RESULT_VERSION}.`);
  }
  const id = valueAt(data, ['assessment']);
  const assessment = assessments.find((a) => a.id === id);
  if (assessment === undefined) {
    const known = assessments.map((a) => a.id).join(', ') || 'none';
    return refuse(`This result is for a self-assessment this site does not have (${describeValue(id)}; it has: ${known}).`);
  }
  const outcome = fitOrRefuse(data, assessment, label);
  return outcome.ok ? { ok: true, result: outcome.result, assessment } : outcome;
}

/**
 * Reads the text of a result file and finds its assessment among `assessments`. Refuses text
 * that is not a result, damaged results, unknown assessments and answers that do not fit
 * (unknown question, option out of range, unanswered question). `fileName` is only used in
 * messages. Never throws.
 */
export function parseResultFile(text: string, assessments: readonly Assessment[], fileName = 'the result file'): ResultFileOutcome {
  try {
    return parseFile(text, assessments, fileName);
  } catch {
    return refuse('This file is not a self-assessment result that can be read.');
  }
}

/** How many scores fall in one range. */
export interface BucketCount {
  from: number;
  to: number;
  count: number;
}

/** How a team's whole-number scores (0-100) are spread. Mean and median have one decimal. */
export interface Distribution {
  min: number;
  max: number;
  mean: number;
  median: number;
  /** Counts for 0-24, 25-49, 50-74 and 75-100. */
  buckets: readonly BucketCount[];
}

/** One dimension's spread across the team. */
export interface DimensionRollUp extends Distribution {
  id: string;
  title: string;
}

/** A chapter and how many people's results recommend it. */
export interface ChapterNeed {
  chapter: string;
  /** People whose recommendations include it. */
  people: number;
  /** People for whom it is one of the three "read next". */
  readNext: number;
}

/** A team's results for one assessment, summarised. */
export interface TeamRollUp {
  assessment: string;
  /** Results counted (after skipping). */
  people: number;
  /** Results left out, by reason. */
  skipped: { otherAssessment: number; notFitting: number; duplicate: number };
  /** Spread of overall scores; null when nobody is counted. */
  overall: Distribution | null;
  /** One entry per dimension, in the order of the assessment; empty when nobody is counted. */
  dimensions: readonly DimensionRollUp[];
  /** Chapters ranked by how many people need them, then by "read next" count, then first seen. */
  chapters: readonly ChapterNeed[];
}

/** Score ranges used by the roll-up's buckets. */
export const BUCKETS: readonly (readonly [number, number])[] = [
  [0, 24],
  [25, 49],
  [50, 74],
  [75, 100],
];

function oneDecimal(n: number): number {
  return Math.round(Number((n * 10).toFixed(6))) / 10;
}

/** Spread of whole-number scores; assumes at least one score. */
export function distribution(scores: readonly number[]): Distribution {
  const sorted = [...scores].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return {
    min: sorted[0] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
    mean: oneDecimal(sorted.reduce((sum, s) => sum + s, 0) / Math.max(1, sorted.length)),
    median: oneDecimal(median),
    buckets: BUCKETS.map(([from, to]) => ({ from, to, count: sorted.filter((s) => s >= from && s <= to).length })),
  };
}

function identity(result: AssessmentResult): string {
  const answers = Object.entries(result.answers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([result.takenAt, result.name ?? '', answers]);
}

/**
 * Summarises a team's results for one assessment: per-dimension and overall spread (min, max,
 * mean, median, buckets of 0-24/25-49/50-74/75-100) from each person's whole-number scores, and
 * the chapters most often recommended. Results of other assessments, results that do not fit
 * and exact duplicates (same time, name and answers) are skipped and counted. Pure.
 */
export function rollUp(results: readonly AssessmentResult[], assessment: Assessment): TeamRollUp {
  const skipped = { otherAssessment: 0, notFitting: 0, duplicate: 0 };
  const seen = new Set<string>();
  const overall: number[] = [];
  const byDimension = new Map<string, number[]>(assessment.dimensions.map((d) => [d.id, []]));
  const needs = new Map<string, ChapterNeed>();

  for (const result of results) {
    if (result.assessment !== assessment.id) {
      skipped.otherAssessment++;
      continue;
    }
    const outcome = resultProblems(result, assessment).length === 0 ? scoreAssessment(assessment, result.answers) : undefined;
    if (outcome === undefined || !outcome.ok) {
      skipped.notFitting++;
      continue;
    }
    const key = identity(result);
    if (seen.has(key)) {
      skipped.duplicate++;
      continue;
    }
    seen.add(key);
    overall.push(outcome.score.overall);
    for (const dimension of outcome.score.dimensions) byDimension.get(dimension.id)?.push(dimension.score);
    for (const recommendation of outcome.score.chapters) {
      const need = needs.get(recommendation.chapter) ?? { chapter: recommendation.chapter, people: 0, readNext: 0 };
      need.people++;
      if (recommendation.readNext) need.readNext++;
      needs.set(recommendation.chapter, need);
    }
  }

  const people = overall.length;
  // Map keeps first-seen order and sort is stable, so that is the last tie-breaker.
  const chapters = [...needs.values()].sort((a, b) => b.people - a.people || b.readNext - a.readNext);
  return {
    assessment: assessment.id,
    people,
    skipped,
    overall: people === 0 ? null : distribution(overall),
    dimensions:
      people === 0 ? [] : assessment.dimensions.map((d) => ({ id: d.id, title: d.title, ...distribution(byDimension.get(d.id) ?? []) })),
    chapters,
  };
}
