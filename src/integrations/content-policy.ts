/**
 * An MDX plugin that holds every chapter to the site's Content-Security-Policy at build time
 * (`script-src 'self'; style-src 'self'`, nothing fetched from outside the site). A chapter with an inline
 * `style`, a `<script>`, `<style>` or `<iframe>`, an event handler, a remote image or media source or a
 * `javascript:` URL would otherwise build and then be blocked in the browser, or, on a host that does not
 * send the policy, really send requests away. The build fails instead, naming the file and line with a fix.
 *
 * Outbound links (http, https, mailto…) stay allowed and are marked as leaving the site: `rel="external
 * noopener noreferrer"`, the class `outbound-link`, and a visually hidden "(leaves the site)". The site
 * setting `outboundLinks: forbid` turns them into build errors too.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

/** What the plugin needs to know about the site. */
export interface ContentPolicyOptions {
  /** `allow` (default): links out of the site are marked; `forbid`: they fail the build. */
  outboundLinks?: 'allow' | 'forbid';
  /** Shortens a file path for messages (e.g. relative to the content folder). */
  displayPath?: (file: string) => string;
}

/** One way a chapter breaks the policy: where, what, and how to fix it. */
export interface PolicyProblem {
  line: number | undefined;
  message: string;
}

// A minimal view of the mdast/MDX nodes this plugin reads and changes.
interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}
interface Node {
  type: string;
  name?: string | null;
  url?: string;
  value?: string;
  attributes?: JsxAttribute[];
  children?: Node[];
  data?: Record<string, unknown>;
  position?: { start: { line: number } };
}

/** Elements a chapter may never contain, with what to do instead. */
const FORBIDDEN_ELEMENTS: Record<string, string> = {
  script: 'the policy allows only the site’s own script files. Put behaviour in a component under src/components/mdx/',
  style: 'the policy allows only the site’s own stylesheets. Add a class to src/styles/global.css and use it',
  iframe: 'embedded pages are blocked and would load from elsewhere. Link to the page instead',
  frame: 'embedded pages are blocked. Link to the page instead',
  object: 'embedded content is blocked. Link to the file instead',
  embed: 'embedded content is blocked. Link to the file instead',
  link: 'stylesheets and other linked files come from the site layout only. Remove it',
  meta: 'page metadata comes from the chapter’s frontmatter. Remove it',
  base: 'it would change where every link of the page points. Remove it',
  form: 'a form would send what readers type away from the site. Remove it',
};

/** Attributes that load a file, per element (any element for `src`). */
const SOURCE_ATTRIBUTES = new Set(['src', 'srcset', 'poster', 'data', 'background', 'formaction', 'action']);
const LINK_ATTRIBUTES = new Set(['href', 'xlinkHref', 'xlink:href']);

/** True for a URL that leaves the site: with a scheme (`https:`, `mailto:`…) or protocol-relative (`//host`). */
export function isOutbound(url: string): boolean {
  const trimmed = url.trim();
  return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//');
}

/** True for a URL that runs script when followed (`javascript:`, also with spaces or control characters mixed in). */
export function isScriptUrl(url: string): boolean {
  // Browsers strip ASCII whitespace and control characters inside the scheme before reading it.
  const scheme = url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  return scheme.startsWith('javascript:') || scheme.startsWith('vbscript:') || scheme.startsWith('data:text/html');
}

const isLocalOrData = (url: string): boolean => !isOutbound(url) || /^data:image\//i.test(url.trim());

/** Every source URL in a `srcset` value. */
const srcsetUrls = (value: string): string[] =>
  value
    .split(',')
    .map((part) => part.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);

const hiddenNote = (): Node => ({
  type: 'mdxJsxTextElement',
  name: 'span',
  attributes: [{ type: 'mdxJsxAttribute', name: 'className', value: 'visually-hidden' }],
  children: [{ type: 'text', value: ' (leaves the site)' }],
});

const OUTBOUND_REL = 'external noopener noreferrer';
const forbiddenOutbound = (url: string) =>
  `a link out of the site (${JSON.stringify(url)}) while site.yaml sets "outboundLinks: forbid". Link to a page of this site, or set "outboundLinks: allow".`;

/** What one node of a chapter breaks, and whether it is a link out of the site (to be marked). Pure. */
export function checkNode(node: Node, options: ContentPolicyOptions = {}): { problems: string[]; outbound: boolean } {
  const problems: string[] = [];
  let outbound = false;
  const forbid = options.outboundLinks === 'forbid';
  if (node.type === 'image' && node.url !== undefined && !isLocalOrData(node.url)) {
    problems.push(
      `an image from outside the site (${JSON.stringify(node.url)}): the policy blocks it, and without the policy it would tell another server who reads this. Copy the image into public/ and use its path, e.g. ![…](/images/diagram.png).`,
    );
  }
  if ((node.type === 'link' || node.type === 'definition') && node.url !== undefined) {
    if (isScriptUrl(node.url))
      problems.push(`a link that runs script (${JSON.stringify(node.url.slice(0, 60))}): the policy blocks it. Link to a page instead.`);
    else if (isOutbound(node.url)) {
      if (forbid) problems.push(forbiddenOutbound(node.url));
      else outbound = node.type === 'link';
    }
  }
  if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && typeof node.name === 'string') {
    const name = node.name;
    const forbidden = /^[a-z]/.test(name) ? FORBIDDEN_ELEMENTS[name] : undefined;
    if (forbidden !== undefined) problems.push(`a <${name}> element: ${forbidden}.`);
    for (const attribute of node.attributes ?? []) {
      if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.name !== 'string') continue;
      const attr = attribute.name;
      const value = typeof attribute.value === 'string' ? attribute.value : undefined;
      if (attr === 'style') {
        problems.push(`an inline style on <${name}>: the policy blocks style attributes. Add a class to src/styles/global.css and use className="…" instead.`);
      } else if (/^on[a-z]/i.test(attr)) {
        problems.push(
          `an event handler (${attr}) on <${name}>: the policy blocks inline script. Remove it; put behaviour in a component under src/components/mdx/.`,
        );
      } else if (value !== undefined && (SOURCE_ATTRIBUTES.has(attr) || LINK_ATTRIBUTES.has(attr)) && isScriptUrl(value)) {
        problems.push(`a ${attr} that runs script (${JSON.stringify(value.slice(0, 60))}) on <${name}>: the policy blocks it. Link to a page instead.`);
      } else if (value !== undefined && SOURCE_ATTRIBUTES.has(attr)) {
        const remote = (attr === 'srcset' ? srcsetUrls(value) : [value]).find((url) => !isLocalOrData(url));
        if (remote !== undefined) {
          problems.push(
            `a ${attr} from outside the site (${JSON.stringify(remote)}) on <${name}>: the policy blocks it, and without the policy it would tell another server who reads this. Copy the file into public/ and use its path, e.g. ${attr}="/media/clip.mp4".`,
          );
        }
      } else if (value !== undefined && LINK_ATTRIBUTES.has(attr) && isOutbound(value)) {
        if (forbid) problems.push(forbiddenOutbound(value));
        else outbound = name === 'a';
      }
    }
  }
  return { problems, outbound };
}

/** Words for the build error: every problem of one file, each with its line and fix. */
export function policyMessage(file: string, problems: readonly PolicyProblem[]): string {
  const lines = problems.map((p) => `  - ${file}${p.line === undefined ? '' : `:${p.line}`}: ${p.message}`);
  return `This chapter breaks the site's Content-Security-Policy (nothing inline, nothing from outside the site), so the build stops:\n${lines.join('\n')}`;
}

/** The parts of Sätteri's visitor context this plugin uses. */
interface VisitorContext {
  readonly fileURL: URL | undefined;
  replaceNode(node: Node, next: Node): void;
  setProperty(node: Node, key: 'data', value: Record<string, unknown>): void;
  appendChild(node: Node, child: Node): void;
}

/**
 * The MDX plugin (Astro renders MDX with Sätteri, whose mdast plugins see the same nodes as remark):
 * `mdx({ processor: satteri({ mdastPlugins: [contentPolicyPlugin({ outboundLinks })] }) })`. Collects every
 * problem of a chapter and fails its build once, listing them all.
 */
export function contentPolicyPlugin(options: ContentPolicyOptions = {}) {
  return () => {
    const problems: PolicyProblem[] = [];
    let fileURL: URL | undefined;
    const visit = (node: Node, ctx: VisitorContext) => {
      fileURL ??= ctx.fileURL;
      const found = checkNode(node, options);
      for (const message of found.problems) problems.push({ line: node.position?.start.line, message });
      if (!found.outbound) return;
      if (node.type === 'link') {
        ctx.setProperty(node, 'data', {
          ...node.data,
          hProperties: { rel: OUTBOUND_REL, className: ['outbound-link'] },
        });
        ctx.appendChild(node, hiddenNote());
      } else {
        // Sätteri cannot change a JSX element's attributes in place, so the link is rebuilt with them.
        const attributes = (node.attributes ?? []).filter((a) => a.name !== 'rel' && a.name !== 'className' && a.name !== 'class');
        const cls = (node.attributes ?? []).find((a) => a.name === 'className' || a.name === 'class');
        const className = typeof cls?.value === 'string' ? `${cls.value} outbound-link` : 'outbound-link';
        ctx.replaceNode(node, {
          type: node.type,
          name: node.name ?? 'a',
          attributes: [
            ...attributes,
            { type: 'mdxJsxAttribute', name: 'rel', value: OUTBOUND_REL },
            { type: 'mdxJsxAttribute', name: 'className', value: className },
          ],
          children: [...(node.children ?? []), hiddenNote()],
        });
      }
    };
    return {
      name: 'content-policy',
      options: { position: true },
      image: visit,
      link: visit,
      definition: visit,
      mdxJsxFlowElement: visit,
      mdxJsxTextElement: visit,
      after: (_root: unknown, ctx: VisitorContext) => {
        if (problems.length === 0) return;
        const url = fileURL ?? ctx.fileURL;
        const path = url ? fileURLToPath(url) : 'a chapter';
        throw new Error(policyMessage(options.displayPath ? options.displayPath(path) : path, problems));
      },
    };
  };
}

/**
 * The `outboundLinks` setting of the content folder's site.yaml, read before the build starts (the
 * site collection validates the whole file later and reports mistakes in it). `allow` unless it says `forbid`.
 */
export function outboundLinksSetting(siteYamlPath: string): 'allow' | 'forbid' {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(siteYamlPath, 'utf8'));
  } catch {
    return 'allow';
  }
  return typeof data === 'object' && data !== null && (data as Record<string, unknown>)['outboundLinks'] === 'forbid' ? 'forbid' : 'allow';
}
