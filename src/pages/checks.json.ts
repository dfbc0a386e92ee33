import type { APIRoute } from 'astro';
import { getPlaybook } from '../playbook/load.ts';

/** Each chapter's check prompts, fetched by "Today's review" only when something is due (answers are left out). */
export const GET: APIRoute = async () => {
  const { checks, chapters } = await getPlaybook();
  const body: Record<string, { title: string; questions: Record<string, string> }> = {};
  for (const [chapter, entry] of checks) {
    body[chapter] = { title: chapters.get(chapter)?.data.title ?? chapter, questions: Object.fromEntries(entry.data.questions.map((q) => [q.id, q.prompt])) };
  }
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
