import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { axeViolations, expect, test } from './fixtures.ts';
import { contentRoot } from './content.ts';

interface PathFile {
  title: string;
  steps: { kind: string; ref?: string }[];
}
const PATH_ID = 'new-rep-first-30-days';
const pathFile = parse(readFileSync(join(contentRoot, 'paths', `${PATH_ID}.yaml`), 'utf8')) as PathFile;
const chapterSteps = pathFile.steps.filter((s) => s.kind === 'chapter').map((s) => s.ref!);
const firstCheck = pathFile.steps.find((s) => s.kind === 'check')!.ref!;
const firstCheckStep = pathFile.steps.findIndex((s) => s.kind === 'check') + 1;
const total = pathFile.steps.length;

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const readiness = (name: string, exportedAt: string, chapters: string[], at: string, checks: Record<string, unknown> = {}) => ({
  format: 'pb-readiness',
  version: 1,
  name,
  exportedAt,
  lastActivity: at,
  progress: { chapters: Object.fromEntries(chapters.map((c) => [c, at])), steps: {} },
  checks,
  assessments: {},
  certificates: [],
});
const file = (name: string, value: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });

test('a manager rolls up three readiness files to exact figures; duplicates and bad files are explained as text @subpath', async ({ page, readinessPage }) => {
  test.slow(); // seven files, two tables, a CSV and an axe run on a shared machine
  const ana = file('ana.json', readiness('Ana Ruiz', ago(1), chapterSteps, ago(1)));
  const ben = file('ben.json', readiness('Ben Okafor', ago(1), [], ago(30), { [firstCheck]: { attempts: 1, best: 2, total: 5, lastAt: ago(30) } }));
  const caraOld = file('cara-old.json', readiness('Cara Lind', ago(9), [], ago(9)));
  const cara = file('cara.json', readiness('Cara Lind', ago(2), chapterSteps.slice(0, 2), ago(2)));
  const markup = { name: '<b>bold</b>.json', mimeType: 'application/json', buffer: Buffer.from('<img src=x onerror=alert(1)>') };
  const huge = { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(2_100_000, 32) };

  await readinessPage.goto();
  await expect(page.getByText('Nothing is uploaded.')).toBeVisible();
  await readinessPage.rollUp([ana, ben, caraOld, cara, { ...ana, name: 'ana-again.json' }, markup, huge], pathFile.title);

  await expect(page.getByRole('status').first()).toHaveText('3 people included from 7 files; 2 files not included.');
  await expect(page.getByRole('region', { name: 'Counted once' }).getByRole('listitem')).toHaveText([
    'Cara Lind appears in “cara-old.json” and “cara.json”; the later export (“cara.json”, ' +
      ago(2).slice(0, 10) +
      ') is kept and “cara-old.json” is left out.',
    '“ana-again.json” is the same file as “ana.json”; it is counted once.',
  ]);
  const refused = page.getByRole('region', { name: 'Files not included' });
  await expect(refused.getByRole('listitem')).toHaveText([
    '<b>bold</b>.json was not included: it is not valid JSON.',
    'huge.json was not included: it is too large (2100 KB; a readiness file is at most 2 MB).',
  ]);
  await expect(page.locator('img, b')).toHaveCount(0);

  const { people } = readinessPage;
  await expect(people.locator('caption')).toHaveText(`${pathFile.title}: 3 people, 1 person stuck (no activity in more than 7 days).`);
  await expect(people.getByRole('rowheader')).toHaveText(['Ana Ruiz', 'Ben Okafor', 'Cara Lind']);
  const row = (name: string) => readinessPage.person(name);
  await expect(row('Ana Ruiz')).toHaveText([`${chapterSteps.length} of ${total}`, '0 of 0 taken', 'Not yet', /\w/, 'Active']);
  await expect(row('Ben Okafor')).toHaveText([`0 of ${total}`, '0 of 1 taken', 'Not yet', /\w/, 'Stuck: 30 days idle']);
  await expect(row('Cara Lind')).toHaveText([`2 of ${total}`, '0 of 0 taken', 'Not yet', /\w/, 'Active']);

  // Sorting by steps done puts the most advanced first; again reverses.
  await people.getByRole('button', { name: 'Steps done' }).click();
  await expect(people.getByRole('rowheader')).toHaveText(['Ana Ruiz', 'Cara Lind', 'Ben Okafor']);
  await expect(people.getByRole('columnheader', { name: 'Steps done' })).toHaveAttribute('aria-sort', 'descending');
  await people.getByRole('button', { name: 'Steps done' }).click();
  await expect(people.getByRole('rowheader')).toHaveText(['Ben Okafor', 'Cara Lind', 'Ana Ruiz']);

  // The heatmap: one row per step, a cell per person (in the table's order: Ben, Cara, Ana), and how many have it done.
  const { heatmap } = readinessPage;
  await expect(heatmap.getByRole('row')).toHaveCount(total + 1);
  const first = heatmap.getByRole('row', { name: new RegExp(`^1\\. `) }).getByRole('cell');
  await expect(first).toHaveText(['Not yet', 'Done', 'Done', '2 of 3']);
  const checkRow = heatmap.getByRole('row', { name: new RegExp(`^${firstCheckStep}\\. `) }).getByRole('cell');
  await expect(checkRow).toHaveText(['Not passed, 2 of 5', 'Not yet', 'Not yet', '0 of 3']);

  // A longer stuck threshold changes who is stuck.
  await readinessPage.stuckDays.fill('45');
  await readinessPage.stuckDays.dispatchEvent('change');
  await expect(people.locator('caption')).toHaveText(`${pathFile.title}: 3 people, 0 people stuck (no activity in more than 45 days).`);

  const csv = await readinessPage.downloadCsv();
  const lines = readFileSync(await csv.path(), 'utf8').split('\r\n');
  expect(lines).toHaveLength(5);
  expect(lines[0]).toMatch(/^Name,Steps done,Steps in path,Checks passed,Checks taken,Certified on,Last activity,Days idle,Stuck,/);
  expect(lines[1]).toMatch(new RegExp(`^Ben Okafor,0,${total},0,1,,\\d{4}-\\d{2}-\\d{2},30,no,`));

  expect(await axeViolations(page)).toEqual([]);
});

test('a rep exports a readiness file with progress and certificate, and their manager reads it @subpath', async ({ page, progressPage, readinessPage }) => {
  await progressPage.goto();
  const at = ago(3);
  await page.evaluate(
    ({ chapter, at, path }) => {
      const base = document.documentElement.dataset['base'] ?? '/';
      localStorage.setItem(`pb-progress:${base}`, JSON.stringify({ format: 'pb-progress', version: 1, chapters: { [chapter]: at }, steps: {} }));
      const certificate = { format: 'pb-certificate', version: 1, path, title: 'Certified', name: 'Dee Park', issuedAt: at, scores: [], selfIssued: true };
      localStorage.setItem(
        `pb-certificates:${base}`,
        JSON.stringify({ format: 'pb-certificates', version: 1, name: 'Dee Park', certificates: { [path]: certificate } }),
      );
    },
    { chapter: chapterSteps[0]!, at, path: PATH_ID },
  );
  await page.reload();
  await expect(progressPage.readinessName).toHaveValue('Dee Park');
  const download = await progressPage.exportReadiness();
  expect(download.suggestedFilename()).toMatch(/^readiness-dee-park-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(page.getByText(/^Exported readiness-dee-park-.*: 1 chapter done, 0 checks taken, 0 self-assessments and 1 certificate\.$/)).toBeVisible();
  const text = readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'pb-readiness', name: 'Dee Park', lastActivity: at, certificates: [{ path: PATH_ID, name: 'Dee Park' }] });

  // The progress export carries the certificate too.
  const progress = await progressPage.exportProgress();
  expect(JSON.parse(readFileSync(await progress.path(), 'utf8'))).toMatchObject({ certificates: [{ path: PATH_ID, name: 'Dee Park', issuedAt: at }] });

  await readinessPage.goto();
  await readinessPage.rollUp([{ name: 'dee.json', mimeType: 'application/json', buffer: Buffer.from(text) }], pathFile.title);
  await expect(readinessPage.person('Dee Park')).toHaveText([`1 of ${total}`, '0 of 0 taken', /^Certified /, /\w/, 'Active']);
});

test('a progress export from another browser brings its certificate; an altered one is refused as text', async ({ page, progressPage, certificatePage }) => {
  await progressPage.goto();
  const at = ago(3);
  const cert = { format: 'pb-certificate', version: 1, path: PATH_ID, title: 'Certified', name: 'Eve Stone', issuedAt: at, scores: [], selfIssued: true };
  const exported = {
    format: 'pb-progress',
    version: 1,
    chapters: { [chapterSteps[0]!]: at },
    steps: {},
    certificates: [cert, { ...cert, path: 'other', selfIssued: false }],
  };
  await progressPage.importFile(file('progress.json', exported));
  await expect(progressPage.status('Imported')).toHaveText(
    'Imported “progress.json”: 1 more chapter and 0 more steps marked done. 1 certificate added. 1 certificate in the file was damaged or altered and was not imported.',
  );
  await certificatePage.goto(PATH_ID);
  const stored = await page.evaluate(() => localStorage.getItem(`pb-certificates:${document.documentElement.dataset['base'] ?? '/'}`));
  expect(JSON.parse(stored ?? '{}')).toMatchObject({ certificates: { [PATH_ID]: { name: 'Eve Stone', issuedAt: at } } });
});
