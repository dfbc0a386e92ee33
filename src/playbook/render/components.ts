// The components authors use in chapters, as plain functions that return HTML: their one definition.
// Chapters rendered once in the content layer (src/loaders/mdx-loader.ts) call them directly; the
// .astro files in src/components/mdx/ call them through `renderAuthorComponent`, for Astro's own MDX
// rendering (CHAPTER_RENDERING=modules), and tests/build/rendered-chapters.test.ts checks that both
// ways write the same pages.
import { withBase } from '../../common/urls.ts';
import { ContentError } from '../../common/problems.ts';
import { FUNNEL_FIELD_INFO, FUNNEL_FIELDS, fieldProblem, type FunnelInputs } from '../../features/funnel/model.ts';
import { funnelWorksheetHtml } from '../../features/funnel/render.ts';
import { attribute, children, Html } from './html-runtime.ts';

/** What the components need from outside the chapter. */
export interface RenderContext {
  /** The site's base path, as `import.meta.env.BASE_URL`. */
  base: string;
  /** Glossary definitions by term id, for `<Term>`'s tooltip. */
  glossary: ReadonlyMap<string, string>;
  /** The funnel worksheet's defaults (from the calculator's) and the currency its money is in. */
  funnel?: { defaults: FunnelInputs; currency: string };
}

/**
 * The worksheet's inputs: the defaults with the numbers the author gave as props. A prop that is not a
 * number in range fails the build with the prop, what was expected and what was given.
 */
export function funnelInputs(props: Record<string, unknown>, defaults: FunnelInputs): FunnelInputs {
  const inputs = { ...defaults };
  const known = new Set<string>([...FUNNEL_FIELDS, 'title', 'children']);
  for (const name of Object.keys(props)) {
    if (!known.has(name)) throw new ContentError(`<FunnelWorksheet ${name}=…>: expected one of ${FUNNEL_FIELDS.join(', ')} or title; given "${name}".`);
  }
  for (const field of FUNNEL_FIELDS) {
    const given = props[field];
    if (given === undefined) continue;
    const share = FUNNEL_FIELD_INFO[field].kind === 'share';
    const problem = typeof given === 'number' ? fieldProblem(field, given) : 'Enter a number.';
    if (problem !== undefined) {
      const expected = share ? 'a share written as a decimal, e.g. 0.2 for 20 %' : 'a number in range';
      throw new ContentError(
        `<FunnelWorksheet ${field}={…}>: expected ${expected} (${problem.replace(/^Enter /, '').replace(/\.$/, '')}); given ${JSON.stringify(given)}.`,
      );
    }
    inputs[field] = given as number;
  }
  return inputs;
}

type Props = Record<string, unknown> & { children?: unknown };
const str = (value: unknown): string | undefined => (value === undefined || value === null ? undefined : String(value));

/** The components by the names authors use, plus `a` for every link. */
export function htmlComponents(context: RenderContext): Record<string, (props: Props) => Html> {
  let worksheets = 0;
  return {
    Callout: (p) => {
      const type = str(p['type']) ?? 'note';
      const defaults: Record<string, string> = { note: 'Note', tip: 'Tip', warning: 'Watch out' };
      const heading = str(p['title']) ?? defaults[type] ?? 'Note';
      return new Html(
        `<aside${attribute('class', `callout callout--${type}`)}${attribute('aria-label', heading)}><p class="callout__title">${children(heading)}</p>${children(p.children)}</aside>`,
      );
    },
    Checklist: (p) => {
      const title = str(p['title']);
      return new Html(
        `<pb-checklist><section class="checklist"${attribute('aria-label', title)}${attribute('data-checklist', title)}><h3>${children(title)}</h3>${children(p.children)}</section></pb-checklist>`,
      );
    },
    Exercise: (p) => {
      const title = str(p['title']);
      const minutes = p['minutes'];
      const meta = minutes !== undefined ? `<p class="exercise__meta">About ${children(minutes)} minutes</p>` : '';
      return new Html(
        `<section class="exercise"${attribute('aria-label', `Exercise: ${title}`)}><h3>Exercise: ${children(title)}</h3>${meta}${children(p.children)}</section>`,
      );
    },
    KeyTakeaways: (p) => {
      const title = str(p['title']) ?? 'Key takeaways';
      return new Html(`<section class="takeaways"${attribute('aria-label', title)}><h2>${children(title)}</h2>${children(p.children)}</section>`);
    },
    Line: (p) => {
      const who = str(p['who']) ?? '';
      const kind = /^(rep|seller|ae|sdr|you)/i.test(who) ? 'rep' : 'buyer';
      return new Html(
        `<div${attribute('class', `line line--${kind}`)}><p class="line__who">${children(who)}</p><div class="line__text">${children(p.children)}</div></div>`,
      );
    },
    FunnelWorksheet: (p) => {
      if (!context.funnel) throw new ContentError('<FunnelWorksheet>: the calculator defaults were not available to fill it in.');
      const inputs = funnelInputs(p, context.funnel.defaults);
      const id = `funnel-${++worksheets}`;
      const html = funnelWorksheetHtml(inputs, { id, currency: context.funnel.currency, ...(typeof p['title'] === 'string' ? { title: p['title'] } : {}) });
      return new Html(html);
    },
    Note: (p) => new Html(`<div class="note">${children(p.children)}</div>`),
    TalkTrack: (p) => {
      const title = str(p['title']);
      const context = p['context'];
      const contextHtml = context ? `<p class="talk-track__context">${children(context)}</p>` : '';
      return new Html(
        `<figure class="talk-track"${attribute('aria-label', `Talk track: ${title}`)}><figcaption><h3>Talk track: ${children(title)}</h3>${contextHtml}</figcaption>${children(p.children)}</figure>`,
      );
    },
    Term: (p) => {
      const id = str(p['id']) ?? '';
      // An unknown id renders without a tooltip; the build then fails on it with the file and line
      // (src/playbook/references.ts), as it does for chapters Astro renders.
      return new Html(
        `<a class="term"${attribute('href', withBase(context.base, `glossary/#${id}`))}${attribute('title', context.glossary.get(id))}>${children(p.children)}</a>`,
      );
    },
    a: (p) => {
      const { href, children: content, ...rest } = p;
      const target = typeof href === 'string' && href.startsWith('/') && !href.startsWith('//') ? withBase(context.base, href) : href;
      let attrs = attribute('href', target);
      // Plugins (the content policy's outbound-link marking) give classes as `className`.
      for (const [name, value] of Object.entries(rest))
        attrs += attribute(name === 'className' ? 'class' : name, Array.isArray(value) ? value.join(' ') : value);
      return new Html(`<a${attrs}>${children(content)}</a>`);
    },
  };
}

/** The names authors use for the components, in the order the authoring guide lists them. */
export type AuthorComponent = 'Callout' | 'Checklist' | 'Exercise' | 'FunnelWorksheet' | 'KeyTakeaways' | 'Line' | 'Note' | 'TalkTrack' | 'Term' | 'a';

/**
 * One component's HTML for an .astro wrapper: `props` as the author wrote them and `slot` the
 * already-rendered HTML of its children.
 */
export function renderAuthorComponent(name: AuthorComponent, props: object, slot: string, context: RenderContext): string {
  const component = htmlComponents(context)[name]!;
  return String(component({ ...props, children: new Html(slot) }));
}
