import { $progress } from '../progress/store.ts';
import { $checks } from '../checks/store.ts';
import { downloadText } from '../../browser/download.ts';
import { isPersonName } from '../checks/model.ts';
import { bestAssessmentResult, certificateRecord, readStoredCertificates, requirementStatus, type CertificatesState, type Requirement } from './model.ts';

const base = document.documentElement.dataset['base'] ?? '/';
const KEY = `pb-certificates:${base}`;

function load(): { state: CertificatesState; damaged: number } {
  try {
    return readStoredCertificates(localStorage.getItem(KEY));
  } catch {
    return { state: { certificates: {} }, damaged: 0 };
  }
}

function save(state: CertificatesState): boolean {
  try {
    localStorage.setItem(KEY, JSON.stringify({ format: 'pb-certificates', version: 1, ...state }));
    return true;
  } catch {
    return false;
  }
}

function readRequirement(li: HTMLElement): Requirement | undefined {
  const id = li.dataset['reqId'] ?? '';
  const title = li.dataset['reqTitle'] ?? id;
  const kind = li.dataset['reqKind'];
  if (kind === 'chapter' || kind === 'check') return { kind, id, title };
  if (kind === 'assessment') {
    const min = Number(li.dataset['reqMin']);
    return { kind, id, title, minScore: li.dataset['reqMin'] && Number.isFinite(min) ? min : undefined };
  }
  return undefined;
}

/**
 * `<pb-certificate data-path data-title>`: ticks each server-listed requirement from this browser's
 * progress, check results and assessment histories; once all are met, shows the certificate with the
 * reader's name, the date it was first earned and the scores.
 */
class PbCertificate extends HTMLElement {
  #unbind: (() => void)[] = [];

  connectedCallback(): void {
    const path = this.dataset['path'] ?? '';
    const title = this.dataset['title'] ?? '';
    const rows = [...this.querySelectorAll<HTMLElement>('li[data-req-kind]')];
    const requirements = rows.map(readRequirement);
    const nameInput = this.querySelector<HTMLInputElement>('[data-cert-name]');
    const nameError = this.querySelector<HTMLElement>('[data-cert-name-error]');
    const notice = this.querySelector<HTMLElement>('[data-cert-notice]');
    const loaded = load();
    let state = loaded.state;
    if (notice && loaded.damaged > 0) {
      notice.textContent = `${loaded.damaged} saved certificate${loaded.damaged === 1 ? ' was' : 's were'} damaged or altered and ${loaded.damaged === 1 ? 'is' : 'are'} not shown.`;
      notice.hidden = false;
    }
    if (nameInput) nameInput.value = state.name ?? '';
    const render = (): void => {
      const statuses = requirementStatus(
        requirements.filter((r): r is Requirement => r !== undefined),
        $progress.get(),
        $checks.get(),
        (id) => {
          try {
            return bestAssessmentResult(localStorage.getItem(`pb-assessment:${base}${id}`));
          } catch {
            return undefined;
          }
        },
      );
      statuses.forEach((s, i) => {
        const cell = rows[i]?.querySelector<HTMLElement>('[data-req-status]');
        if (cell) cell.textContent = `${s.met ? 'Done' : 'Not yet'}${s.score ? ` (${s.score})` : ''}`;
        rows[i]?.classList.toggle('is-met', s.met);
      });
      const met = statuses.filter((s) => s.met).length;
      const summary = this.querySelector<HTMLElement>('[data-cert-summary]');
      if (summary) summary.textContent = `${met} of ${statuses.length} requirements met.`;
      const all = statuses.length > 0 && met === statuses.length;
      const certificate = this.querySelector<HTMLElement>('[data-certificate]');
      if (!certificate) return;
      const name = state.name;
      const existing = Object.hasOwn(state.certificates, path) ? state.certificates[path] : undefined;
      if (all && name && (!existing || existing.name !== name)) {
        const record = certificateRecord(path, title, name, existing?.issuedAt ?? new Date().toISOString(), statuses);
        state = { ...state, certificates: { ...state.certificates, [path]: record } };
        save(state);
      }
      const record = all && name ? state.certificates[path] : undefined;
      certificate.hidden = !record;
      this.querySelector<HTMLElement>('[data-cert-waiting]')?.toggleAttribute('hidden', all);
      this.querySelector<HTMLElement>('[data-cert-need-name]')?.toggleAttribute('hidden', !all || Boolean(name));
      if (!record) return;
      const set = (sel: string, text: string) => {
        const el = certificate.querySelector<HTMLElement>(sel);
        if (el) el.textContent = text;
      };
      set('[data-cert-person]', record.name);
      const date = certificate.querySelector<HTMLTimeElement>('[data-cert-date]');
      if (date) {
        date.dateTime = record.issuedAt;
        date.textContent = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'long' }).format(new Date(record.issuedAt));
      }
      const list = certificate.querySelector<HTMLElement>('[data-cert-scores]');
      list?.replaceChildren(
        ...record.scores.map((s) => {
          const row = document.createElement('tr');
          const a = document.createElement('td');
          const b = document.createElement('td');
          a.textContent = s.requirement;
          b.textContent = s.score;
          row.append(a, b);
          return row;
        }),
      );
    };
    this.querySelector<HTMLFormElement>('[data-cert-form]')?.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = nameInput?.value.trim() ?? '';
      const ok = isPersonName(value);
      if (nameError) {
        nameError.textContent = ok ? '' : 'Enter your name as it should appear, 1 to 80 characters.';
        nameError.hidden = ok;
      }
      if (!ok) {
        nameInput?.setAttribute('aria-invalid', 'true');
        nameInput?.focus();
        return;
      }
      nameInput?.removeAttribute('aria-invalid');
      state = { ...state, name: value };
      save(state);
      render();
    });
    this.querySelector<HTMLButtonElement>('[data-cert-download]')?.addEventListener('click', () => {
      const record = state.certificates[path];
      if (record) downloadText(`certificate-${path}.json`, `${JSON.stringify(record, null, 2)}\n`, 'application/json');
    });
    this.querySelector<HTMLButtonElement>('[data-cert-print]')?.addEventListener('click', () => window.print());
    this.#unbind.push($progress.subscribe(render), $checks.subscribe(render));
    for (const el of this.querySelectorAll<HTMLElement>('[data-reveal]')) el.hidden = false;
  }

  disconnectedCallback(): void {
    for (const unbind of this.#unbind.splice(0)) unbind();
  }
}

if (!customElements.get('pb-certificate')) customElements.define('pb-certificate', PbCertificate);
