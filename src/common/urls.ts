/**
 * Joins the site's base path and a path inside the site, e.g. `withBase('/sales/playbook/', 'chapters/x/')`
 * gives `/sales/playbook/chapters/x/`. Works with or without slashes at the joins.
 */
export function withBase(base: string, path = ''): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  const tail = path.replace(/^\/+/, '');
  return `${head}${tail}`;
}

/** The site's base path, always ending in `/`. */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim();
  if (!trimmed || trimmed === '/') return '/';
  return `/${trimmed.replace(/^\/+|\/+$/g, '')}/`;
}

/**
 * A path inside the site with the base path the site is built for (`BASE_PATH`), e.g.
 * `siteUrl('chapters/x/')` is `/sales/playbook/chapters/x/`; `siteUrl()` is the base path itself.
 * The one place pages and components read the base path (read when called, so the command-line
 * tools can import this module outside the build).
 */
export function siteUrl(path = ''): string {
  return withBase(import.meta.env.BASE_URL, path);
}
