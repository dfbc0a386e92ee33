/**
 * The readiness file: what one rep exports from the progress page for their manager (name, reading
 * progress, knowledge checks with scores, each assessment's latest result, certificates, last
 * activity), and its defensive reader. DOM-free and zod-free; every part is read with the same
 * checks as the rep's own stored data, and a file with any damaged part is refused whole with the
 * reason (a manager must not see half a person).
 */
import { parseProgressValue, progressReason } from '../progress/parse.ts';
import type { Progress } from '../progress/schema.ts';
import { readCheckRecord, isInstant, isPersonName, type CheckRecord } from '../checks/model.ts';
import { finishedResults, readCertificate, type CertificateRecord } from '../certification/model.ts';
import { KEBAB_ID, hasOwnProtoKey, isRecord } from '../../common/formats.ts';
import { ok, refuse, describeValue, type Problem, type Result } from '../../common/problems.ts';

/** The `format` field of every readiness file. */
export const READINESS_FORMAT = 'pb-readiness';
/** The version this site writes and reads. */
export const READINESS_VERSION = 1;
/** Bounds: a file over `bytes` is refused before it is read. */
export const READINESS_LIMITS = { bytes: 2_000_000, checks: 2000, assessments: 200, certificates: 200 } as const;

/** An assessment's latest finished result. */
export interface LatestResult {
  overall: number;
  takenAt: string;
}

/** One rep's readiness file. */
export interface Readiness {
  format: typeof READINESS_FORMAT;
  version: typeof READINESS_VERSION;
  name: string;
  exportedAt: string;
  /** The latest date anywhere in the file; absent when nothing was ever done. */
  lastActivity?: string;
  progress: Pick<Progress, 'chapters' | 'steps'>;
  checks: Record<string, CheckRecord>;
  assessments: Record<string, LatestResult>;
  certificates: CertificateRecord[];
}

const FIELDS = new Set(['format', 'version', 'name', 'exportedAt', 'lastActivity', 'progress', 'checks', 'assessments', 'certificates']);

const isId = (value: string): boolean => value.length <= 100 && KEBAB_ID.test(value);
const latest = (dates: readonly (string | undefined)[]): string | undefined =>
  dates.reduce<string | undefined>((best, d) => (d !== undefined && (best === undefined || Date.parse(d) > Date.parse(best)) ? d : best), undefined);

/** The latest finished result from the text saved under `pb-assessment:<base><id>`; malformed entries are skipped. */
export function latestAssessmentResult(text: string | null | undefined): LatestResult | undefined {
  let found: LatestResult | undefined;
  for (const result of finishedResults(text)) if (!found || Date.parse(result.takenAt) >= Date.parse(found.takenAt)) found = result;
  return found;
}

/** What the progress page gathers from this browser to write a readiness file. */
export interface ReadinessInput {
  name: string;
  exportedAt: string;
  progress: Progress;
  checks: Record<string, CheckRecord>;
  assessments: Record<string, LatestResult>;
  certificates: readonly CertificateRecord[];
}

/** Builds the readiness file; last activity is the latest date in it. */
export function readinessFile(input: ReadinessInput): Readiness {
  const { progress } = input;
  const lastActivity = latest([
    ...Object.values(progress.chapters),
    ...Object.values(progress.steps),
    progress.lastVisited?.at,
    ...Object.values(input.checks).map((c) => c.lastAt),
    ...Object.values(input.assessments).map((a) => a.takenAt),
    ...input.certificates.map((c) => c.issuedAt),
  ]);
  const file: Readiness = {
    format: READINESS_FORMAT,
    version: READINESS_VERSION,
    name: input.name.trim(),
    exportedAt: input.exportedAt,
    progress: { chapters: { ...progress.chapters }, steps: { ...progress.steps } },
    checks: { ...input.checks },
    assessments: { ...input.assessments },
    certificates: [...input.certificates],
  };
  if (lastActivity) file.lastActivity = lastActivity;
  return file;
}

/** The file name of a readiness file, e.g. `readiness-ana-ruiz-2026-03-01.json`. */
export function readinessFileName(name: string, date: Date): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `readiness-${slug || 'rep'}-${date.toISOString().slice(0, 10)}.json`;
}

const no = (field: string, expected: string, given: unknown): { ok: false; problems: Problem[] } =>
  refuse({ code: given === undefined ? 'missing' : 'bad_format', field, expected, given: describeValue(given) });

function readEntries<T>(value: unknown, field: string, max: number, read: (entry: unknown) => T | undefined, expected: string): Result<Record<string, T>> {
  if (!isRecord(value) || hasOwnProtoKey(value)) return no(field, 'an object keyed by id', value);
  const keys = Object.keys(value);
  if (keys.length > max) return refuse({ code: 'out_of_range', field, expected: `at most ${max} entries`, given: `${keys.length} entries` });
  const out: Record<string, T> = {};
  for (const key of keys) {
    const entry = isId(key) ? read(value[key]) : undefined;
    if (entry === undefined) return no(`${field}.${key.slice(0, 60)}`, expected, value[key]);
    out[key] = entry;
  }
  return ok(out);
}

const readLatest = (value: unknown): LatestResult | undefined => {
  if (!isRecord(value) || Object.keys(value).some((k) => k !== 'overall' && k !== 'takenAt')) return undefined;
  const { overall, takenAt } = value;
  return typeof overall === 'number' && Number.isInteger(overall) && overall >= 0 && overall <= 100 && isInstant(takenAt) ? { overall, takenAt } : undefined;
};

/** Checks a parsed JSON value against the readiness format; never throws. Stops at the first problem. */
export function parseReadinessValue(value: unknown): Result<Readiness> {
  if (!isRecord(value) || value['format'] !== READINESS_FORMAT) {
    return refuse({
      code: 'not_allowed',
      field: 'format',
      expected: `"${READINESS_FORMAT}" (a readiness file exported from this playbook's progress page)`,
      given: describeValue(isRecord(value) ? value['format'] : value),
    });
  }
  if (value['version'] !== READINESS_VERSION) {
    const newer = typeof value['version'] === 'number' && value['version'] > READINESS_VERSION;
    return refuse({
      code: newer ? 'unsupported_version' : 'not_allowed',
      field: 'version',
      expected: `${READINESS_VERSION}${newer ? ' (it was written by a newer version of this site)' : ''}`,
      given: describeValue(value['version']),
    });
  }
  for (const key of Object.keys(value)) {
    if (!FIELDS.has(key)) return refuse({ code: 'unknown_field', field: key.slice(0, 60), expected: 'no such field', given: describeValue(value[key]) });
  }
  const { name, exportedAt, lastActivity } = value;
  if (!isPersonName(name)) return no('name', 'a name of 1 to 80 characters without control characters', name);
  if (!isInstant(exportedAt)) return no('exportedAt', 'a time such as "2026-03-01T09:30:00.000Z"', exportedAt);
  if (lastActivity !== undefined && !isInstant(lastActivity)) return no('lastActivity', 'a time such as "2026-03-01T09:30:00.000Z"', lastActivity);
  const raw = value['progress'];
  if (!isRecord(raw) || Object.keys(raw).some((k) => k !== 'chapters' && k !== 'steps')) return no('progress', 'an object with "chapters" and "steps"', raw);
  const progress = parseProgressValue({ format: 'pb-progress', version: 1, chapters: raw['chapters'], steps: raw['steps'] });
  if (!progress.ok) {
    const [problem] = progress.problems;
    return refuse({ ...problem!, field: `progress.${problem!.field}`, expected: problem!.expected ?? progressReason(progress.problems) });
  }
  const checks = readEntries(value['checks'], 'checks', READINESS_LIMITS.checks, readCheckRecord, 'a check result: attempts, best, total, lastAt, passedAt');
  if (!checks.ok) return checks;
  const assessments = readEntries(value['assessments'], 'assessments', READINESS_LIMITS.assessments, readLatest, 'a result: overall (0–100) and takenAt');
  if (!assessments.ok) return assessments;
  const listed = value['certificates'];
  if (!Array.isArray(listed) || listed.length > READINESS_LIMITS.certificates)
    return no('certificates', `a list of at most ${READINESS_LIMITS.certificates} certificates`, listed);
  const certificates: CertificateRecord[] = [];
  for (const [i, entry] of listed.entries()) {
    const record = readCertificate(entry);
    if (!record) return no(`certificates.${i}`, 'a certificate as this playbook writes it, unaltered', entry);
    if (record.name !== name) return no(`certificates.${i}.name`, `the file's own name, "${name}"`, record.name);
    certificates.push(record);
  }
  const file: Readiness = {
    format: READINESS_FORMAT,
    version: READINESS_VERSION,
    name,
    exportedAt,
    progress: { chapters: progress.value.chapters, steps: progress.value.steps },
    checks: checks.value,
    assessments: assessments.value,
    certificates,
  };
  if (lastActivity !== undefined) file.lastActivity = lastActivity;
  return ok(file);
}

/** Why a readiness file was refused, as one sentence's clause. */
export function readinessReason(problems: readonly Problem[]): string {
  const [p] = problems;
  if (!p) return 'it could not be read';
  if (p.code === 'not_parseable') return 'it is not valid JSON';
  if (p.code === 'too_large') return `it is too large (${p.given}; a readiness file is ${p.expected})`;
  return `${p.field ? `field "${p.field}"` : 'the content'}: expected ${p.expected}; given ${p.given}`;
}

/** Reads a readiness file: measured first (size in bytes), then JSON, then the format. Never throws. */
export function parseReadinessText(text: string, bytes: number = text.length): Result<Readiness> {
  if (bytes > READINESS_LIMITS.bytes) {
    return refuse({ code: 'too_large', field: '', expected: `at most ${READINESS_LIMITS.bytes / 1_000_000} MB`, given: `${Math.round(bytes / 1000)} KB` });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuse({ code: 'not_parseable', field: '', expected: 'JSON text', given: 'text that is not valid JSON' });
  }
  return parseReadinessValue(value);
}
