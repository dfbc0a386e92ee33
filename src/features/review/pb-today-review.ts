import { $checks } from '../checks/store.ts';
import { dueItems, nextDue, startOfDay } from './schedule.ts';
import { buildIcs } from './ics.ts';
import { downloadText } from '../../browser/download.ts';
import { isRecord } from '../../common/formats.ts';

type Catalogue = Record<string, { title: string; questions: Record<string, string> }>;

/** Reads checks.json defensively: only string titles and prompts are kept. */
function readCatalogue(value: unknown): Catalogue {
  const out: Catalogue = {};
  if (!isRecord(value)) return out;
  for (const [chapter, entry] of Object.entries(value)) {
    if (!isRecord(entry) || typeof entry['title'] !== 'string' || !isRecord(entry['questions'])) continue;
    const questions: Record<string, string> = {};
    for (const [id, prompt] of Object.entries(entry['questions'])) if (typeof prompt === 'string') questions[id] = prompt;
    out[chapter] = { title: entry['title'], questions };
  }
  return out;
}

/**
 * `<pb-today-review>`: lists the check questions due today from this browser's review schedule,
 * with their prompts from `checks.json` (fetched only when something is due), and offers an .ics
 * reminder for the next review.
 */
class PbTodayReview extends HTMLElement {
  #unbind: (() => void) | undefined;
  #catalogue: Promise<Catalogue> | undefined;

  connectedCallback(): void {
    this.#unbind = $checks.subscribe((state) => void this.#render(state.review));
    this.querySelector('[data-review-ics]')?.addEventListener('click', () => this.#downloadIcs());
  }

  disconnectedCallback(): void {
    this.#unbind?.();
  }

  async #render(review: ReturnType<typeof $checks.get>['review']): Promise<void> {
    const due = dueItems(review, new Date());
    const list = this.querySelector<HTMLElement>('[data-review-list]');
    const intro = this.querySelector<HTMLElement>('[data-review-intro]');
    if (due.length === 0 || !list) {
      this.hidden = true;
      return;
    }
    this.#catalogue ??= fetch(this.dataset['src'] ?? '')
      .then((r) => (r.ok ? r.json() : {}))
      .then(readCatalogue)
      .catch(() => ({}));
    const catalogue = await this.#catalogue;
    const prefix = this.dataset['hrefPrefix'] ?? '';
    list.replaceChildren(
      ...due.map((item) => {
        const li = document.createElement('li');
        const link = document.createElement('a');
        const entry = Object.hasOwn(catalogue, item.chapter) ? catalogue[item.chapter] : undefined;
        link.href = `${prefix}${item.chapter}/#check`;
        link.textContent = entry && Object.hasOwn(entry.questions, item.question) ? entry.questions[item.question]! : item.question;
        li.append(link, ` — from “${entry?.title ?? item.chapter}”`);
        return li;
      }),
    );
    if (intro)
      intro.textContent = `${due.length} question${due.length === 1 ? '' : 's'} from your knowledge checks ${due.length === 1 ? 'is' : 'are'} due. Answer the chapter’s check again; each question then comes back after a longer gap.`;
    this.hidden = false;
  }

  #downloadIcs(): void {
    const review = $checks.get().review;
    const now = new Date();
    const due = nextDue(review, now);
    const day = due ? new Date(due) : startOfDay(new Date(now.getTime() + 86_400_000));
    const url = new URL(document.documentElement.dataset['base'] ?? '/', location.href).href;
    downloadText(
      'playbook-review.ics',
      buildIcs({
        uid: `review-${day.toISOString().slice(0, 10)}@${location.host || 'playbook'}${document.documentElement.dataset['base'] ?? '/'}`,
        day,
        stamp: now,
        summary: 'Playbook review: knowledge-check questions due',
        description: `Open the playbook and answer the questions in Today's review: ${url}`,
        url,
      }),
      'text/calendar',
    );
  }
}

if (!customElements.get('pb-today-review')) customElements.define('pb-today-review', PbTodayReview);
