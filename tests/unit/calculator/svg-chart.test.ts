import { describe, expect, test } from 'vitest';
import { chartKey, hasChartKey, lineChart, monthTicks, niceScale, tornadoChart, type SvgNode } from '../../../src/features/calculator/view/svg-chart.ts';

/** Every node of a tree, depth first. */
const nodes = (node: SvgNode): SvgNode[] => [node, ...(node.children ?? []).flatMap(nodes)];
const numbersIn = (node: SvgNode): string[] =>
  nodes(node)
    .flatMap((n) => Object.values(n.attrs).map(String))
    .filter((value) => /NaN|Infinity/.test(value));

describe('axes', () => {
  test.each([
    { max: 1_333_531, ticks: [0, 500_000, 1_000_000, 1_500_000] },
    { max: 507, ticks: [0, 200, 400, 600] },
    { max: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] },
    { max: 0, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] },
    { max: Number.NaN, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] },
    { max: 0.3, ticks: [0, 0.1, 0.2, 0.3] },
  ])('niceScale($max)', ({ max, ticks }) => {
    expect(niceScale(max)).toEqual({ top: ticks.at(-1), ticks });
  });

  test.each([
    { months: 24, labels: 13, ticks: [1, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24] },
    { months: 24, labels: 8, ticks: [1, 6, 9, 12, 15, 18, 21, 24] },
    { months: 12, labels: 20, ticks: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
    { months: 60, labels: 6, ticks: [1, 12, 24, 36, 48, 60] },
    { months: 1, labels: 8, ticks: [1] },
  ])('monthTicks($months, $labels)', ({ months, labels, ticks }) => {
    expect(monthTicks(months, labels)).toEqual(ticks);
  });
});

describe('line chart', () => {
  const chart = lineChart({
    titleId: 't',
    title: 'Cumulative cost by month.',
    series: [
      { id: 'inHouse', values: [1, 2, 3] },
      { id: 'outsourced', values: [0, 0, 0] },
      { id: 'fullCycle', values: [2, 4, 6] },
    ],
    width: 400,
    height: 240,
    formatY: String,
  });

  test('is an image named by its title', () => {
    expect(chart.attrs).toMatchObject({ role: 'img', 'aria-labelledby': 't', viewBox: '0 0 400 240' });
    expect(chart.children?.[0]).toEqual({ tag: 'title', attrs: { id: 't' }, text: 'Cumulative cost by month.' });
  });

  test('draws one line per series, told apart by class and marker shape, with no inline style', () => {
    const all = nodes(chart);
    expect(all.filter((n) => String(n.attrs['class']).startsWith('line ')).map((n) => n.attrs['class'])).toEqual([
      'line line--inHouse',
      'line line--outsourced',
      'line line--fullCycle',
    ]);
    const shapes = (id: string) => [...new Set(all.filter((n) => n.attrs['class'] === `marker marker--${id}`).map((n) => n.tag))];
    expect([shapes('inHouse'), shapes('outsourced'), shapes('fullCycle')]).toEqual([['circle'], ['rect'], ['path']]);
    expect(all.some((n) => 'style' in n.attrs)).toBe(false);
  });

  test('never writes NaN or Infinity, even for empty or flat series', () => {
    expect(numbersIn(chart)).toEqual([]);
    const empty = lineChart({ titleId: 'e', title: '', series: [{ id: 'x', values: [] }], width: 100, height: 80, formatY: String });
    expect(numbersIn(empty)).toEqual([]);
    const single = lineChart({ titleId: 's', title: '', series: [{ id: 'x', values: [5] }], width: 300, height: 200, formatY: String });
    expect(numbersIn(single)).toEqual([]);
  });
});

describe('tornado chart', () => {
  test('two bars per input (lowered solid, raised outlined) and both values at the ends', () => {
    const chart = tornadoChart({
      titleId: 'tt',
      title: 'What moves it',
      bars: [{ label: 'Base salary', low: 90, high: 110 }],
      base: 100,
      width: 400,
      format: (value) => `$${value}`,
    });
    const all = nodes(chart);
    expect(all.filter((n) => n.tag === 'rect').map((n) => n.attrs['class'])).toEqual(['tornado__bar tornado__bar--low', 'tornado__bar tornado__bar--high']);
    expect(all.filter((n) => n.tag === 'text').map((n) => n.text)).toEqual(['Now $100', 'Base salary', '$90', '$110']);
    expect(numbersIn(chart)).toEqual([]);
  });

  test('no inputs: says so instead of drawing an empty panel', () => {
    const chart = tornadoChart({ titleId: 'tt', title: '', bars: [], base: 0, width: 300, format: String });
    expect(
      nodes(chart)
        .map((n) => n.text)
        .filter(Boolean),
    ).toContain('No input moves this result.');
    expect(numbersIn(chart)).toEqual([]);
  });
});

describe('chart keys', () => {
  const chartFor = (width: number, values: number[]) =>
    lineChart({ titleId: 't', title: 'Cost.', series: [{ id: 'inHouse', values }], width, height: 240, formatY: String });
  const drawn = chartFor(400, [1, 2, 3]);
  const key = chartKey(drawn);

  test.each([
    ['the same chart', chartFor(400, [1, 2, 3]), true],
    ['the chart for another width', chartFor(360, [1, 2, 3]), false],
    ['other figures', chartFor(400, [1, 2, 4]), false],
    // Its JSON is as long as the drawn chart's: the key's fingerprint tells them apart.
    ['other figures of the same length', chartFor(400, [3, 2, 1]), false],
  ])('the key the server wrote matches %s: %s', (_, svg, same) => {
    expect(hasChartKey(key, JSON.stringify(svg))).toBe(same);
  });

  test('charts of the same length are still told apart', () => {
    expect(JSON.stringify(chartFor(400, [3, 2, 1])).length).toBe(JSON.stringify(drawn).length);
  });

  test('a holder without a key shows no chart the browser knows of', () => {
    expect(hasChartKey(undefined, JSON.stringify(drawn))).toBe(false);
  });
});
