import { $progress } from '../progress/store.ts';
import { $checks } from '../checks/store.ts';
import { isPersonName } from '../checks/model.ts';
import { loadCertificates, saveCertificates } from '../certification/store.ts';
import { latestAssessmentResult, readinessFile, readinessFileName, type LatestResult } from './format.ts';
import { downloadText } from '../../browser/download.ts';
import { siteBase } from '../../browser/data-attrs.ts';
import { plural } from '../../common/plural.ts';

/** `<pb-readiness-export data-assessments>`: writes this browser's readiness file under the name the reader gives. */
class PbReadinessExport extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector<HTMLFormElement>('[data-readiness-form]');
    const input = this.querySelector<HTMLInputElement>('[data-readiness-name]');
    const error = this.querySelector<HTMLElement>('[data-readiness-name-error]');
    const status = this.querySelector<HTMLElement>('[data-readiness-status]');
    if (!form || !input || !error || !status) return;
    input.value = loadCertificates().state.name ?? '';
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const name = input.value.trim();
      if (!isPersonName(name)) {
        error.textContent = 'Enter your name, 1 to 80 characters, so your manager can tell your file apart.';
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      error.hidden = true;
      input.removeAttribute('aria-invalid');
      const certificates = loadCertificates().state;
      // The name is remembered with the certificates, so the certificate page and this form agree.
      if (certificates.name !== name) saveCertificates({ ...certificates, name });
      const assessments: Record<string, LatestResult> = {};
      for (const id of (this.dataset['assessments'] ?? '').split(/\s+/).filter(Boolean).slice(0, 200)) {
        let latest: LatestResult | undefined;
        try {
          latest = latestAssessmentResult(localStorage.getItem(`pb-assessment:${siteBase()}${id}`));
        } catch {
          latest = undefined;
        }
        if (latest) assessments[id] = latest;
      }
      const now = new Date();
      const file = readinessFile({
        name,
        exportedAt: now.toISOString(),
        progress: $progress.get(),
        checks: $checks.get().checks,
        assessments,
        // Only certificates in this reader's own name travel in their readiness file.
        certificates: Object.values(certificates.certificates).filter((c) => c.name === name),
      });
      const saved = downloadText(readinessFileName(name, now), `${JSON.stringify(file, null, 2)}\n`, 'application/json');
      status.textContent = `Exported ${saved}: ${plural(Object.keys(file.progress.chapters).length, 'chapter')} done, ${plural(Object.keys(file.checks).length, 'check')} taken, ${plural(Object.keys(file.assessments).length, 'self-assessment')} and ${plural(file.certificates.length, 'certificate')}.`;
      status.hidden = false;
    });
    for (const el of this.querySelectorAll<HTMLElement>('[data-reveal]')) el.hidden = false;
  }
}

if (!customElements.get('pb-readiness-export')) customElements.define('pb-readiness-export', PbReadinessExport);
