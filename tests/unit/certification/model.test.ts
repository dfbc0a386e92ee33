import { describe, expect, test } from 'vitest';
import {
  bestAssessmentResult,
  certificateRecord,
  readCertificate,
  readStoredCertificates,
  requirementStatus,
  type Requirement,
} from '../../../src/features/certification/model.ts';
import { checkCertificationReferences, expandRequirements } from '../../../src/features/certification/requirements.ts';

const AT = '2026-03-02T09:30:00.000Z';
const requirements: Requirement[] = [
  { kind: 'chapter', id: 'leads', title: 'Leads' },
  { kind: 'check', id: 'leads', title: 'Knowledge check: Leads' },
  { kind: 'assessment', id: 'habits', title: 'Habits', minScore: 50 },
];

describe('certification requirements', () => {
  test('all expands to the path chapter steps and the checks those chapters have', () => {
    const expanded = expandRequirements({
      certification: { title: 'C', chapters: 'all', checks: 'all', assessments: [{ id: 'habits', minScore: 50 }] },
      chapters: [
        { id: 'leads', title: 'Leads' },
        { id: 'lists', title: 'Lists' },
      ],
      hasCheck: (id) => id === 'leads',
      chapterTitle: (id) => ({ leads: 'Leads', lists: 'Lists' })[id],
      assessmentTitle: () => 'Habits',
    });
    expect(expanded.map((r) => `${r.kind}:${r.id}`)).toEqual(['chapter:leads', 'chapter:lists', 'check:leads', 'assessment:habits']);
  });

  test('references to nothing are named with their field', () => {
    const known = { chapter: (id: string) => id === 'leads', check: () => false, assessment: () => false };
    expect(
      checkCertificationReferences('paths/p.yaml', { title: 'C', chapters: ['leads', 'nope'], checks: ['leads'], assessments: [{ id: 'x' }] }, known),
    ).toEqual([
      'paths/p.yaml: field "certification.chapters.1": expected the id of an existing chapter; given "nope".',
      'paths/p.yaml: field "certification.checks.0": expected the id of a chapter that has a knowledge check (checks/leads.yaml); given "leads".',
      'paths/p.yaml: field "certification.assessments.0.id": expected the id of an existing assessment; given "x".',
    ]);
  });

  test.each([
    ['nothing done', {}, {}, undefined, [false, false, false]],
    [
      'chapter done, check attempted but not passed, assessment below the minimum',
      { leads: AT },
      { leads: { attempts: 1, best: 2, total: 5, lastAt: AT } },
      40,
      [true, false, false],
    ],
    ['everything met', { leads: AT }, { leads: { attempts: 2, best: 5, total: 5, lastAt: AT, passedAt: AT } }, 50, [true, true, true]],
  ])('%s', (_name, chapters, checks, overall, met) => {
    const statuses = requirementStatus(requirements, { chapters }, { checks }, () => (overall === undefined ? undefined : { overall, takenAt: AT }));
    expect(statuses.map((s) => s.met)).toEqual(met);
  });
});

describe('reading saved results and certificates', () => {
  test('the best finished assessment result is read from its history; malformed entries are skipped', () => {
    const text = JSON.stringify({
      version: 1,
      answers: {},
      history: [
        { overall: 40, takenAt: AT },
        { overall: 'NaN', takenAt: AT },
        { overall: 72, takenAt: AT },
        { overall: 101, takenAt: AT },
      ],
    });
    expect(bestAssessmentResult(text)).toEqual({ overall: 72, takenAt: AT });
    expect(bestAssessmentResult('{')).toBeUndefined();
  });

  const record = certificateRecord('new-rep', 'Certified', 'Ana Ruiz', AT, [{ requirement: requirements[1]!, met: true, score: '5 of 5' }]);
  test('a certificate round-trips, and a tampered one is refused', () => {
    expect(readCertificate(JSON.parse(JSON.stringify(record)))).toEqual(record);
    expect(readCertificate({ ...record, selfIssued: false })).toBeUndefined();
    expect(readCertificate({ ...record, issuedAt: '2026-13-01T00:00:00.000Z' })).toBeUndefined();
    expect(readCertificate({ ...record, scores: [{ requirement: 'x', score: 'a'.repeat(41) }] })).toBeUndefined();
  });

  test('a damaged certificate is left out alone and counted', () => {
    const text = JSON.stringify({
      format: 'pb-certificates',
      version: 1,
      name: 'Ana Ruiz',
      certificates: { 'new-rep': record, other: { ...record, path: 'new-rep' } },
    });
    const read = readStoredCertificates(text);
    expect(Object.keys(read.state.certificates)).toEqual(['new-rep']);
    expect(read.state.name).toBe('Ana Ruiz');
    expect(read.damaged).toBe(1);
  });
});
