import { parseExcerpt } from './search-excerpt.ts';
import { plural } from '../common/plural.ts';
import { siteBase } from '../browser/data-attrs.ts';

/** The part of Pagefind's browser API this element uses. */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface Pagefind {
  options(opts: { baseUrl: string }): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string, opts?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const MAX_RESULTS = 10;
let loading: Promise<Pagefind> | undefined;

/** Loads Pagefind from this site only on first use, so reading pages carry no search code. */
function loadPagefind(base: string): Promise<Pagefind> {
  loading ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pagefind.options({ baseUrl: base });
    return pagefind;
  })();
  return loading;
}

const isTyping = (el: Element | null): boolean =>
  !!el && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el as HTMLElement).isContentEditable);

/** `<pb-search>`: search-as-you-type over the Pagefind index, with section and audience filters. */
class PbSearch extends HTMLElement {
  #input!: HTMLInputElement;
  #panel!: HTMLElement;
  #status!: HTMLElement;
  #list!: HTMLOListElement;
  #filters: HTMLSelectElement[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #query = 0;

  connectedCallback(): void {
    const input = this.querySelector<HTMLInputElement>('[data-search-input]');
    const panel = this.querySelector<HTMLElement>('[data-search-panel]');
    const status = this.querySelector<HTMLElement>('[data-search-status]');
    const list = this.querySelector<HTMLOListElement>('[data-search-results]');
    if (!input || !panel || !status || !list) return;
    [this.#input, this.#panel, this.#status, this.#list] = [input, panel, status, list];
    this.#filters = [...this.querySelectorAll<HTMLSelectElement>('[data-search-filter]')];
    const base = siteBase();
    const isPage = this.dataset['variant'] === 'page';

    input.addEventListener('focus', () => void this.#prepare(base), {
      once: true,
    });
    input.addEventListener('input', () => this.#schedule(base));
    for (const f of this.#filters) f.addEventListener('change', () => this.#schedule(base, 0));
    input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown') {
        const first = this.#list.querySelector('a');
        if (first) {
          e.preventDefault();
          first.focus();
        }
      }
    });
    this.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !isPage) {
        if (this.classList.contains('is-open')) this.#closeFullScreen();
        else {
          this.#close();
          input.focus();
        }
      }
      if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && e.target instanceof HTMLAnchorElement) {
        const links = [...this.#list.querySelectorAll('a')];
        const at = links.indexOf(e.target);
        const to = e.key === 'ArrowDown' ? links[at + 1] : (links[at - 1] ?? input);
        if (to) {
          e.preventDefault();
          to.focus();
        }
      }
    });
    if (!isPage) {
      // Phones: a button opens the search full-screen (its link goes to the search page without JavaScript).
      this.querySelector('[data-search-open]')?.addEventListener('click', (e) => {
        e.preventDefault();
        this.#openFullScreen();
      });
      this.querySelector('[data-search-close]')?.addEventListener('click', () => this.#closeFullScreen());
      document.addEventListener('click', (e) => {
        if (!this.contains(e.target as Node)) this.#close();
      });
      // "/" (or Ctrl/Cmd+K) jumps to search from anywhere on the page.
      document.addEventListener('keydown', (e) => {
        const shortcut = (e.key === '/' && !isTyping(document.activeElement)) || (e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey));
        if (shortcut) {
          // On a page with a full search box (home, search page) the shortcut goes there.
          const target = document.querySelector<HTMLInputElement>('pb-search[data-variant="page"] [data-search-input]') ?? input;
          e.preventDefault();
          const opener = this.querySelector<HTMLElement>('[data-search-open]');
          if (target === input && opener?.offsetParent) return this.#openFullScreen();
          target.focus();
          target.select();
        }
      });
    } else {
      const q = new URLSearchParams(location.search).get('q') ?? '';
      if (q) {
        input.value = q.slice(0, 200);
        this.#schedule(base, 0);
      }
    }
  }

  /** Loads the index and fills any filter list that is built from it (the header's section list). */
  async #prepare(base: string): Promise<void> {
    try {
      const pagefind = await loadPagefind(base);
      const lists = this.#filters.filter((f) => f.hasAttribute('data-fill-from-index'));
      if (lists.length === 0) return;
      const available = await pagefind.filters();
      for (const list of lists) {
        list.removeAttribute('data-fill-from-index');
        const values = Object.keys(available[list.name] ?? {}).sort((a, b) => (a === 'Glossary' ? 1 : b === 'Glossary' ? -1 : a.localeCompare(b)));
        list.append(...values.map((value) => new Option(value, value)));
      }
    } catch {
      /* the search itself reports an index that will not load */
    }
  }

  /** The full-screen search of narrow screens: box, filters and results over the page. */
  #openFullScreen(): void {
    this.classList.add('is-open');
    document.documentElement.classList.add('has-search-open');
    this.#panel.hidden = false;
    this.#input.focus();
  }

  #closeFullScreen(): void {
    this.classList.remove('is-open');
    document.documentElement.classList.remove('has-search-open');
    this.#close();
    this.querySelector<HTMLElement>('[data-search-open]')?.focus();
  }

  #close(): void {
    if (this.dataset['variant'] !== 'page' && !this.classList.contains('is-open')) this.#panel.hidden = true;
  }

  #schedule(base: string, delay = 150): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#run(base), delay);
  }

  async #run(base: string): Promise<void> {
    const term = this.#input.value.trim();
    const ticket = ++this.#query;
    this.#panel.hidden = false;
    if (!term) {
      this.#list.replaceChildren();
      this.#status.textContent = this.dataset['variant'] === 'page' ? 'Type to search the chapters and the glossary.' : '';
      if (this.dataset['variant'] !== 'page' && !this.classList.contains('is-open')) this.#panel.hidden = true;
      return;
    }
    this.#status.textContent = 'Searching…';
    const filters: Record<string, string> = {};
    for (const f of this.#filters) if (f.value) filters[f.name] = f.value;
    try {
      const pagefind = await loadPagefind(base);
      const found = await pagefind.search(term, { filters });
      if (ticket !== this.#query) return; // a newer query is on its way
      const results = found ? await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data())) : [];
      if (ticket !== this.#query) return;
      this.#render(results, found?.results.length ?? 0, term);
    } catch {
      this.#status.textContent = 'Search is unavailable: its index did not load. Browse the sections instead.';
    }
  }

  #render(results: PagefindResultData[], total: number, term: string): void {
    const items = results.map((r) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = r.url;
      a.textContent = r.meta['title'] ?? r.url;
      li.append(a);
      if (r.meta['section']) {
        const section = document.createElement('span');
        section.className = 'badge';
        section.textContent = r.meta['section'];
        li.append(' ', section);
      }
      const p = document.createElement('p');
      for (const part of parseExcerpt(r.excerpt)) {
        if (part.highlight) {
          const mark = document.createElement('mark');
          mark.textContent = part.text;
          p.append(mark);
        } else p.append(part.text);
      }
      li.append(p);
      return li;
    });
    this.#list.replaceChildren(...items);
    this.#status.textContent =
      total === 0 ? `No results for “${term}”.` : `${plural(total, 'result')} for “${term}”${total > MAX_RESULTS ? `, showing the first ${MAX_RESULTS}` : ''}.`;
  }
}

if (!customElements.get('pb-search')) customElements.define('pb-search', PbSearch);
