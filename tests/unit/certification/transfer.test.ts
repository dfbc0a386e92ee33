import { describe, expect, test } from 'vitest';
import { certificateRecord, type CertificatesState } from '../../../src/features/certification/model.ts';
import { mergeCertificates, splitCertificates, withCertificates } from '../../../src/features/certification/transfer.ts';
import { importProgressText } from '../../../src/features/progress/progress.ts';
import { EMPTY_PROGRESS } from '../../../src/features/progress/parse.ts';
import { certificatesMessage, exportedMessage } from '../../../src/features/progress/transfer-wording.ts';
import type { Progress } from '../../../src/features/progress/schema.ts';

const T1 = '2026-03-01T09:30:00.000Z';
const T2 = '2026-03-05T09:30:00.000Z';
const progress: Progress = { format: 'pb-progress', version: 1, chapters: { 'beyond-bant': T1 }, steps: { 'new-rep/task-first-call': T1 } };
const cert = (path: string, issuedAt: string, name = 'Ana Ruiz') =>
  certificateRecord(path, 'New rep', name, issuedAt, [
    { requirement: { kind: 'check', id: 'beyond-bant', title: 'Knowledge check: Beyond BANT' }, met: true, score: '4 of 5' },
    { requirement: { kind: 'chapter', id: 'beyond-bant', title: 'Beyond BANT' }, met: true },
  ]);
const state = (...records: ReturnType<typeof cert>[]): CertificatesState => ({
  name: 'Ana Ruiz',
  certificates: Object.fromEntries(records.map((r) => [r.path, r])),
});

describe('the certificate in the progress export', () => {
  test('an export carries the certificate with its path, name, date and scores, and imports into a fresh browser', () => {
    const file = JSON.stringify(withCertificates(progress, state(cert('new-rep', T1))));
    const split = splitCertificates(file);
    expect(split.refused).toBe(0);
    expect(split.certificates).toEqual([
      {
        format: 'pb-certificate',
        version: 1,
        path: 'new-rep',
        title: 'New rep',
        name: 'Ana Ruiz',
        issuedAt: T1,
        scores: [{ requirement: 'Knowledge check: Beyond BANT', score: '4 of 5' }],
        selfIssued: true,
      },
    ]);
    const imported = importProgressText(EMPTY_PROGRESS, split.progressText);
    expect(imported.ok && imported.value.progress).toEqual(progress);
    expect(mergeCertificates({ certificates: {} }, split.certificates)).toEqual({ state: { certificates: { 'new-rep': split.certificates[0] } }, added: 1 });
  });

  test('without certificates the export is the progress document alone, as before', () => {
    expect(withCertificates(progress, { certificates: {} })).toEqual(progress);
  });

  test('an export made before certificates were recorded imports exactly as before', () => {
    const old = JSON.stringify(progress);
    expect(splitCertificates(old)).toEqual({ progressText: old, certificates: [], refused: 0 });
    const imported = importProgressText(EMPTY_PROGRESS, old);
    expect(imported.ok && imported.value.added).toEqual({ chapters: 1, steps: 1 });
  });

  test('a tampered certificate is refused on its own; the other certificate and the progress are kept', () => {
    const forged = { ...cert('team-lead', T1), selfIssued: false };
    const renamed = { ...cert('closing', T1), name: 'x'.repeat(81) };
    const file = JSON.stringify({ ...progress, certificates: [cert('new-rep', T1), forged, renamed] });
    const split = splitCertificates(file);
    expect(split.certificates.map((c) => c.path)).toEqual(['new-rep']);
    expect(split.refused).toBe(2);
    expect(importProgressText(EMPTY_PROGRESS, split.progressText).ok).toBe(true);
    expect(certificatesMessage(1, 2)).toBe('1 certificate added. 2 certificates in the file were damaged or altered and were not imported.');
  });

  test('a certificates field that is not a list counts as one refusal and leaves the progress readable', () => {
    const split = splitCertificates(JSON.stringify({ ...progress, certificates: '<img src=x onerror=alert(1)>' }));
    expect(split).toMatchObject({ certificates: [], refused: 1 });
    expect(importProgressText(EMPTY_PROGRESS, split.progressText).ok).toBe(true);
  });

  test('a "__proto__" key beside the certificates still reaches the progress reader, which refuses it', () => {
    const split = splitCertificates(`{"format":"pb-progress","version":1,"chapters":{},"steps":{},"certificates":[],"__proto__":{"polluted":1}}`);
    const imported = importProgressText(EMPTY_PROGRESS, split.progressText);
    expect(imported.ok).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  test('text that is not JSON is passed on unchanged, so the progress reader says why', () => {
    expect(splitCertificates('not json')).toEqual({ progressText: 'not json', certificates: [], refused: 0 });
    const huge = `{"certificates":[],"x":"${'a'.repeat(1_000_001)}"}`;
    expect(splitCertificates(huge).progressText).toBe(huge);
  });

  test('a path certified in both browsers keeps the earlier certificate; a new path is added', () => {
    const here = state(cert('new-rep', T2, 'Here'));
    const merged = mergeCertificates(here, [cert('new-rep', T1, 'File'), cert('closing', T2)]);
    expect(merged.added).toBe(1);
    expect(merged.state.certificates['new-rep']?.name).toBe('File');
    expect(merged.state.certificates['closing']?.issuedAt).toBe(T2);
    expect(mergeCertificates(state(cert('new-rep', T1, 'Here')), [cert('new-rep', T2, 'File')]).state.certificates['new-rep']?.name).toBe('Here');
  });

  test('the export and import messages mention certificates only when there are some', () => {
    expect(exportedMessage('p.json', progress, 1)).toBe('Exported p.json: 1 chapter and 1 step done. It also holds 1 certificate.');
    expect(exportedMessage('p.json', EMPTY_PROGRESS, 2)).toBe('Exported p.json. Nothing is marked done yet. It also holds 2 certificates.');
    expect(certificatesMessage(0, 0)).toBe('');
    expect(certificatesMessage(3, 0, false)).toBe('Its certificates could not be saved in this browser (its storage is full or blocked).');
  });
});
