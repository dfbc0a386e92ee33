import { describe, expect, test } from 'vitest';
import { rangeChartView } from '../../../src/features/calculator/view/analysis.ts';
import { rangeChart, type SvgNode } from '../../../src/features/calculator/view/svg-chart.ts';
import { evaluate } from '../../../src/features/calculator/model/cost-model.ts';
import { runUncertainty, type UncertaintyResult } from '../../../src/features/calculator/model/uncertainty.ts';
import { createFormatters } from '../../../src/common/format.ts';
import { scenarioWith } from './fixtures.ts';

/** Every node of a tree, depth first. */
const nodes = (node: SvgNode): SvgNode[] => [node, ...(node.children ?? []).flatMap(nodes)];
const num = (node: SvgNode, name: string): number => Number(node.attrs[name]);
const hasClass = (node: SvgNode, cls: string): boolean =>
  String(node.attrs['class'] ?? '')
    .split(' ')
    .includes(cls);

/** Per row of the chart, in drawing order: its model, the bar's ends and the base line's x. */
function rows(chart: SvgNode) {
  return nodes(chart)
    .filter((n) => hasClass(n, 'range__row'))
    .map((row) => {
      const bar = nodes(row).find((n) => hasClass(n, 'range__bar'));
      const base = nodes(row).find((n) => hasClass(n, 'range__base'));
      const texts = nodes(row).flatMap((n) => (n.text ? [n.text] : []));
      return {
        model: String(row.attrs['data-model']),
        from: bar ? num(bar, 'x') : null,
        to: bar ? num(bar, 'x') + num(bar, 'width') : null,
        open: bar ? hasClass(bar, 'range__bar--open') : false,
        base: base ? num(base, 'x1') : null,
        texts,
      };
    });
}

/** The axis line's ends and the money labels under it. */
function axis(chart: SvgNode) {
  const line = nodes(chart).find((n) => n.tag === 'line' && hasClass(n, 'chart__axis'));
  if (!line) throw new Error('no axis');
  return { from: num(line, 'x1'), to: num(line, 'x2'), top: num(line, 'data-top') };
}

const fmt = createFormatters('en-US', 'USD');
const scenario = scenarioWith({});
const evaluation = evaluate(scenario);
// A known analysis: the methodology's defaults, 2,000 runs from seed 1.
const uncertainty = runUncertainty(scenario, evaluation);

describe('the range chart of a known analysis', () => {
  test.each([280, 390, 560, 900])('at %i px: bars cheapest first, each base inside its bar, one axis covering every bar', (width) => {
    const chart = rangeChartView(evaluation, uncertainty, fmt, width);
    expect(chart.attrs['viewBox']).toMatch(new RegExp(`^0 0 ${width} \\d+$`));
    const drawn = rows(chart);
    expect(drawn.map((row) => row.model)).toHaveLength(4);
    const baseCost = drawn.map((row) => evaluation[row.model as keyof typeof evaluation].costPerOpportunity ?? Infinity);
    expect(baseCost).toEqual([...baseCost].sort((a, b) => a - b));
    const { from, to } = axis(chart);
    for (const row of drawn) {
      expect(row.from).not.toBeNull();
      expect(row.base).not.toBeNull();
      expect(row.base!).toBeGreaterThanOrEqual(row.from!);
      expect(row.base!).toBeLessThanOrEqual(row.to!);
      expect(row.from!).toBeGreaterThanOrEqual(from);
      expect(row.to!).toBeLessThanOrEqual(to + 0.1);
      expect(row.texts.join(' ')).toMatch(/cheapest in \d+(\.\d)?%/);
    }
    // The axis runs from $0 to a round value at or above every P90 and base value, and is labelled in money.
    const highest = Math.max(...Object.values(uncertainty).map((u) => u?.p90 ?? 0), ...baseCost.filter(Number.isFinite));
    expect(axis(chart).top).toBeGreaterThanOrEqual(highest);
    expect(axis(chart).top).toBeLessThan(highest * 2);
    const ticks = nodes(chart).filter((n) => n.tag === 'text' && n.attrs['y'] === nodes(chart).filter((t) => t.text === '$0')[0]?.attrs['y']);
    expect(ticks[0]?.text).toBe('$0');
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(chart)).not.toMatch(/NaN|Infinity/);
  });

  test('the bar ends are P10 and P90, in the same place on the shared axis for every row', () => {
    const chart = rangeChart({
      titleId: 't',
      title: 'Ranges',
      width: 600,
      format: (v) => fmt.moneyCompact(v),
      bars: [
        { id: 'outsourced', label: 'Outsourced agency', low: 1000, high: 4000, base: 1500, note: 'cheapest in 75%' },
        { id: 'inHouse', label: 'In-house SDR team', low: 2000, high: 3000, base: 2500, note: 'cheapest in 25%' },
      ],
    });
    const [agency, inHouse] = rows(chart);
    const { from, to, top } = axis(chart);
    expect(top).toBe(4000);
    // Axis 0 to 4,000: 1,000 is a quarter of the way, 4,000 the end.
    expect(agency!.from).toBeCloseTo(from + (to - from) / 4, 0);
    expect(agency!.to).toBeCloseTo(to, 0);
    expect(inHouse!.from).toBeCloseTo(from + (to - from) / 2, 0);
    expect(inHouse!.base).toBeCloseTo(from + ((to - from) * 5) / 8, 0);
    expect(agency!.texts).toEqual(['Outsourced agency', 'cheapest in 75%', '$1K', '$4K']);
  });

  test('a P90 with no opportunities in some runs runs open to the end of the axis; an option without a range is not drawn', () => {
    const u: UncertaintyResult = {
      inHouse: { p10: 2000, p50: 2500, p90: null, probabilityLowest: 0.1 },
      outsourced: { p10: 1000, p50: 1500, p90: 2000, probabilityLowest: 0.9 },
      fullCycle: null,
      bridge: null,
    };
    const drawn = rows(rangeChartView(evaluation, u, fmt, 560));
    expect(drawn.map((row) => row.model)).toEqual(['outsourced', 'inHouse']);
    const open = drawn.find((row) => row.model === 'inHouse');
    expect(open?.open).toBe(true);
    expect(open?.texts).toContain('→');
  });

  test('no option with a range: the chart says so and has no bars', () => {
    const none: UncertaintyResult = { inHouse: null, outsourced: null, fullCycle: null, bridge: null };
    const chart = rangeChartView(evaluation, none, fmt, 0);
    expect(rows(chart)).toEqual([]);
    expect(nodes(chart).some((n) => n.text === 'No option has a range.')).toBe(true);
    expect(chart.attrs['viewBox']).toMatch(/^0 0 560 /);
  });
});

describe('the compact range chart (for print)', () => {
  test('one line per option, lower than the screen’s, with the same bars cheapest first and each base inside its bar', () => {
    const screen = rangeChartView(evaluation, uncertainty, fmt, 900);
    const compact = rangeChartView(evaluation, uncertainty, fmt, 900, true);
    const height = (chart: SvgNode) => Number(String(chart.attrs['viewBox']).split(' ')[3]);
    expect(height(compact)).toBeLessThan(height(screen) * 0.6);
    expect(rows(compact).map((row) => row.model)).toEqual(rows(screen).map((row) => row.model));
    const { from, to } = axis(compact);
    for (const row of rows(compact)) {
      expect(row.base!).toBeGreaterThanOrEqual(row.from!);
      expect(row.base!).toBeLessThanOrEqual(row.to!);
      expect(row.from!).toBeGreaterThanOrEqual(from);
      expect(row.to!).toBeLessThanOrEqual(to + 0.1);
      expect(row.texts.join(' ')).toMatch(/on your inputs · cheapest in/);
    }
  });
});
