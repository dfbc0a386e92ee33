import type { APIRoute, GetStaticPaths } from 'astro';
import { getPlaybook } from '../../playbook/load.ts';
import { getPageKeys } from '../../playbook/page-keys.ts';
import { buildPageData } from '../../features/assessments/page-data.ts';
import { siteUrl } from '../../common/urls.ts';

/** One data file per assessment, `/assessments/<id>.json`, for the page's script (no inline data under the CSP). */
export const getStaticPaths = (async () => {
  const [{ assessments }, { everything }] = await Promise.all([getPlaybook(), getPageKeys()]);
  return assessments.map((entry) => ({ params: { id: entry.id }, cacheKey: everything }));
}) satisfies GetStaticPaths;

/** The parsed assessment and the chapters it can recommend, with their addresses under the base path. */
export const GET: APIRoute = async ({ params }) => {
  const { assessments, index } = await getPlaybook();
  const entry = assessments.find((a) => a.id === params['id']);
  if (!entry) return new Response('Not found', { status: 404 });
  const data = buildPageData(entry.data, (id) => {
    const chapter = index.chapterById.get(id);
    return chapter ? { title: chapter.title, href: siteUrl(`chapters/${id}/`) } : undefined;
  });
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
