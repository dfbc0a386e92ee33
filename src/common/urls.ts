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
