import type { APIRoute } from 'astro';
import { getPlaybook } from '../playbook/load.ts';
import { readableAccent } from '../common/colour.ts';

/** The site's accent colour as a stylesheet file (the security policy allows no inline styles). */
export const GET: APIRoute = async () => {
  const { site } = await getPlaybook();
  // Accents are checked against the lightest and darkest surfaces they sit on.
  const light = readableAccent(readableAccent(site.accentColor, '#ffffff'), '#f4f5f7');
  const dark = readableAccent(readableAccent(site.accentColor, '#14161b'), '#1d2027');
  const css = `:root{--accent-light:${light};--accent-dark:${dark};}\n`;
  return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
