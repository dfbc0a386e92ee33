/**
 * Certificates in the progress export: the exported file is the progress document with an optional
 * `certificates` list beside it. Importing takes the list off before the progress is read, so files
 * exported before certificates were recorded (no such field) import exactly as before. DOM-free.
 */
import { readCertificate, type CertificateRecord, type CertificatesState } from './model.ts';
import { isRecord } from '../../common/formats.ts';

/** At most this many certificates are read from one file. */
export const EXPORTED_CERTIFICATES_LIMIT = 200;

/** The progress document to export, with this browser's certificates when there are any. */
export function withCertificates<T extends object>(progress: T, state: CertificatesState): T & { certificates?: CertificateRecord[] } {
  const certificates = Object.values(state.certificates);
  return certificates.length === 0 ? { ...progress } : { ...progress, certificates };
}

/** An imported file split in two: the progress text to read as before, and the certificates it carried. */
export interface SplitImport {
  /** The file's text without its `certificates` field (unchanged when it has none or is not an object). */
  progressText: string;
  certificates: CertificateRecord[];
  /** Certificates in the file that were damaged or altered, and so refused. */
  refused: number;
}

/**
 * Takes the `certificates` field off an imported file. Text that is not a JSON object is passed on
 * unchanged, so the progress reader gives its usual reason. Never throws.
 */
export function splitCertificates(text: string): SplitImport {
  const unchanged: SplitImport = { progressText: text, certificates: [], refused: 0 };
  // Far too large: left to the progress reader, which refuses it by its size before parsing.
  if (text.length > 1_000_000) return unchanged;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return unchanged;
  }
  if (!isRecord(value) || !Object.hasOwn(value, 'certificates')) return unchanged;
  const { certificates: listed, ...rest } = value;
  const certificates: CertificateRecord[] = [];
  let refused = 0;
  if (Array.isArray(listed)) {
    for (const entry of listed.slice(0, EXPORTED_CERTIFICATES_LIMIT)) {
      const record = readCertificate(entry);
      if (record) certificates.push(record);
      else refused += 1;
    }
    refused += Math.max(0, listed.length - EXPORTED_CERTIFICATES_LIMIT);
  } else {
    refused = 1;
  }
  return { progressText: JSON.stringify(rest), certificates, refused };
}

/**
 * Adds imported certificates to this browser's: a path not yet certified here takes the file's; a
 * path certified in both keeps the earlier one. Returns the new state and how many were added.
 */
export function mergeCertificates(state: CertificatesState, incoming: readonly CertificateRecord[]): { state: CertificatesState; added: number } {
  const certificates = { ...state.certificates };
  let added = 0;
  for (const record of incoming) {
    const current = Object.hasOwn(certificates, record.path) ? certificates[record.path] : undefined;
    if (!current) added += 1;
    if (!current || Date.parse(record.issuedAt) < Date.parse(current.issuedAt)) certificates[record.path] = record;
  }
  return { state: { ...state, certificates }, added };
}
