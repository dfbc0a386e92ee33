/**
 * The code a page needs only once it is idle, started from one small script on every page (a script
 * per component cost a module request and a gzip header each, about 0.9 KB of a reading page's 3 KB):
 * the storage notice, the offline copy's registration, and the elements of the chapter body that are
 * below its opening (checklists, the funnel worksheet, the knowledge check). Each loads only on pages
 * that have it. Until then the server-rendered HTML reads on its own: checklists are plain lists, the
 * worksheet shows its worked example, the check's "Answer" disclosures give the answers.
 */
import { whenIdle } from './when-idle.ts';

const has = (selector: string): boolean => document.querySelector(selector) !== null;

whenIdle(() => {
  void import('../components/pb-storage-notice.ts');
  void import('../features/offline/register.ts');
  if (has('pb-checklist')) void import('../components/mdx/pb-checklist.ts');
  if (has('pb-funnel-worksheet')) void import('../features/funnel/pb-funnel-worksheet.ts');
  if (has('pb-knowledge-check')) void import('../features/checks/pb-knowledge-check.ts');
});
