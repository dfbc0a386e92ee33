import { currentPath, readPathId, rememberPath } from './current-path.ts';

/**
 * `<pb-path-step-nav>`: of the server-rendered step navigation for every path this chapter is in,
 * shows the one named by `?path=` (and remembers it) or else the remembered current path; with
 * neither, all stay visible.
 */
class PbPathStepNav extends HTMLElement {
  connectedCallback(): void {
    const navs = [...this.querySelectorAll<HTMLElement>('[data-path-nav]')];
    const fromQuery = readPathId(new URLSearchParams(location.search).get('path'));
    const known = (id: string | undefined) => (id && navs.some((n) => n.dataset['pathNav'] === id) ? id : undefined);
    const chosen = known(fromQuery) ?? known(currentPath());
    if (fromQuery && chosen === fromQuery) rememberPath(fromQuery);
    if (!chosen) return;
    for (const nav of navs) nav.hidden = nav.dataset['pathNav'] !== chosen;
  }
}

if (!customElements.get('pb-path-step-nav')) customElements.define('pb-path-step-nav', PbPathStepNav);
