/**
 * Whether a path's certification requirements are met, from what this browser keeps: chapters marked
 * done, checks passed, assessments finished. DOM-free; the certificate page runs it. A certificate is
 * self-issued: it records what this browser saw, and no server vouches for it.
 */
import { isRecord } from '../../common/formats.ts';
import { isInstant, type ChecksState } from '../checks/model.ts';
import type { Progress } from '../progress/schema.ts';

/** One requirement, as the certificate page lists it. */
export type Requirement =
  | { kind: 'chapter'; id: string; title: string }
  | { kind: 'check'; id: string; title: string }
  | { kind: 'assessment'; id: string; title: string; minScore?: number | undefined };

/** A finished assessment's best result, read from its saved history. */
export interface AssessmentBest {
  overall: number;
  takenAt: string;
}

/** One requirement with whether it is met and the score to show. */
export interface RequirementStatus {
  requirement: Requirement;
  met: boolean;
  /** e.g. "5 of 5" or "72 / 100"; undefined when there is nothing to show. */
  score?: string;
}

/**
 * The finished results (score and time) kept in the text saved under `pb-assessment:<base><id>`, oldest
 * first: only `history[].overall` and `takenAt` of the last 50 entries are read, and anything malformed
 * is skipped. The certificate and the readiness file both read a person's results through this.
 */
export function finishedResults(text: string | null | undefined): AssessmentBest[] {
  if (!text || text.length > 200_000) return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!isRecord(value) || !Array.isArray(value['history'])) return [];
  const results: AssessmentBest[] = [];
  for (const entry of value['history'].slice(-50)) {
    if (!isRecord(entry)) continue;
    const { overall, takenAt } = entry;
    if (typeof overall !== 'number' || !Number.isInteger(overall) || overall < 0 || overall > 100 || !isInstant(takenAt)) continue;
    results.push({ overall, takenAt });
  }
  return results;
}

/** The best finished result of an assessment from the text saved under `pb-assessment:<base><id>` (the first of equal scores). */
export function bestAssessmentResult(text: string | null | undefined): AssessmentBest | undefined {
  let best: AssessmentBest | undefined;
  for (const result of finishedResults(text)) if (!best || result.overall > best.overall) best = result;
  return best;
}

/** Each requirement with whether it is met, in order. */
export function requirementStatus(
  requirements: readonly Requirement[],
  progress: Pick<Progress, 'chapters'>,
  checks: Pick<ChecksState, 'checks'>,
  assessments: (id: string) => AssessmentBest | undefined,
): RequirementStatus[] {
  return requirements.map((requirement) => {
    if (requirement.kind === 'chapter') return { requirement, met: Object.hasOwn(progress.chapters, requirement.id) };
    if (requirement.kind === 'check') {
      const record = Object.hasOwn(checks.checks, requirement.id) ? checks.checks[requirement.id] : undefined;
      return record ? { requirement, met: record.passedAt !== undefined, score: `${record.best} of ${record.total}` } : { requirement, met: false };
    }
    const best = assessments(requirement.id);
    if (!best) return { requirement, met: false };
    return { requirement, met: best.overall >= (requirement.minScore ?? 0), score: `${best.overall} / 100` };
  });
}

/** The certificate, once earned: kept in this browser and downloadable as a record. */
export interface CertificateRecord {
  format: 'pb-certificate';
  version: 1;
  path: string;
  title: string;
  name: string;
  issuedAt: string;
  scores: { requirement: string; score: string }[];
  /** Always true: nothing but the reader's own browser stands behind it. */
  selfIssued: true;
}

/** Builds the certificate record from met requirements. */
export function certificateRecord(path: string, title: string, name: string, issuedAt: string, statuses: readonly RequirementStatus[]): CertificateRecord {
  return {
    format: 'pb-certificate',
    version: 1,
    path,
    title,
    name,
    issuedAt,
    scores: statuses.flatMap((s) => (s.score ? [{ requirement: s.requirement.title, score: s.score }] : [])),
    selfIssued: true,
  };
}

/** What this browser keeps about certificates: the reader's name and each earned certificate. */
export interface CertificatesState {
  name?: string;
  certificates: Record<string, CertificateRecord>;
}

const SCORE_TEXT = /^[^\u0000-\u001f]{1,40}$/;

/** Reads one stored certificate; undefined when it is damaged or tampered with (then it is refused, not repaired). */
export function readCertificate(value: unknown): CertificateRecord | undefined {
  if (!isRecord(value) || value['format'] !== 'pb-certificate' || value['version'] !== 1 || value['selfIssued'] !== true) return undefined;
  const { path, title, name, issuedAt, scores } = value;
  if (typeof path !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(path) || path.length > 80) return undefined;
  if (typeof title !== 'string' || title.length < 1 || title.length > 100) return undefined;
  if (typeof name !== 'string' || name.trim().length < 1 || name.length > 80 || /[\u0000-\u001f]/.test(name) || !isInstant(issuedAt)) return undefined;
  if (!Array.isArray(scores) || scores.length > 300) return undefined;
  const read: CertificateRecord['scores'] = [];
  for (const s of scores) {
    if (!isRecord(s) || typeof s['requirement'] !== 'string' || s['requirement'].length > 200 || typeof s['score'] !== 'string' || !SCORE_TEXT.test(s['score']))
      return undefined;
    read.push({ requirement: s['requirement'], score: s['score'] });
  }
  return { format: 'pb-certificate', version: 1, path, title, name, issuedAt, scores: read, selfIssued: true };
}

/** Reads stored certificates entry by entry; a damaged one is left out and counted. Never throws. */
export function readStoredCertificates(text: string | null | undefined): { state: CertificatesState; damaged: number } {
  const empty = { state: { certificates: {} }, damaged: 0 };
  if (!text) return empty;
  let value: unknown;
  try {
    value = text.length <= 1_000_000 ? JSON.parse(text) : undefined;
  } catch {
    return { ...empty, damaged: 1 };
  }
  if (!isRecord(value) || value['format'] !== 'pb-certificates') return { ...empty, damaged: 1 };
  const state: CertificatesState = { certificates: {} };
  const name = value['name'];
  if (typeof name === 'string' && name.trim() && name.length <= 80 && !/[\u0000-\u001f]/.test(name)) state.name = name;
  let damaged = 0;
  const stored = isRecord(value['certificates']) ? value['certificates'] : {};
  for (const [path, entry] of Object.entries(stored).slice(0, 200)) {
    const record = readCertificate(entry);
    if (record && record.path === path) state.certificates[path] = record;
    else damaged += 1;
  }
  return { state, damaged };
}
