/**
 * Earned certificates in this browser, kept under `pb-certificates:<base path>` and read through
 * `readStoredCertificates` (a damaged certificate is left out and counted, never repaired).
 */
import { readStoredCertificates, type CertificatesState } from './model.ts';
import { siteBase } from '../../browser/data-attrs.ts';

/** The localStorage key of the certificates of a site hosted at `base`. */
export function certificatesStorageKey(base: string): string {
  return `pb-certificates:${base}`;
}

/** This browser's certificates and how many stored ones were damaged; never throws. */
export function loadCertificates(): { state: CertificatesState; damaged: number } {
  try {
    return readStoredCertificates(localStorage.getItem(certificatesStorageKey(siteBase())));
  } catch {
    return { state: { certificates: {} }, damaged: 0 };
  }
}

/** Stores the certificates; false when this browser would not keep them (storage full or blocked). */
export function saveCertificates(state: CertificatesState): boolean {
  try {
    localStorage.setItem(certificatesStorageKey(siteBase()), JSON.stringify({ format: 'pb-certificates', version: 1, ...state }));
    return true;
  } catch {
    return false;
  }
}
