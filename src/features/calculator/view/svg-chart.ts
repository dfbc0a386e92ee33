/**
 * The calculator's charts as a small tree of SVG nodes (tag, attributes, text, children): pure data,
 * rendered to markup by the server (SvgTree.astro) and to DOM nodes by the browser (render.ts), so
 * both draw the same picture. No inline styles: colours and dash patterns come from classes in
 * charts.css, so lines differ by pattern and marker as well as colour.
 */

/** One SVG element. */
export interface SvgNode {
  tag: string;
  attrs: Record<string, string | number>;
  text?: string;
  children?: SvgNode[];
}

const node = (tag: string, attrs: Record<string, string | number>, children?: SvgNode[], text?: string): SvgNode => ({
  tag,
  attrs,
  ...(children ? { children } : {}),
  ...(text !== undefined ? { text } : {}),
});

/** The key of a chart tree's JSON: FNV-1a of it, then its length. */
function keyOfJson(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${(hash >>> 0).toString(36)}.${text.length.toString(36)}`;
}

/**
 * A short fingerprint of a chart tree (FNV-1a of its JSON, then the JSON's length): the server writes
 * it beside the chart it drew and the browser compares, so a chart that would come out the same is not
 * drawn again.
 */
export function chartKey(svg: SvgNode): string {
  return keyOfJson(JSON.stringify(svg));
}

/**
 * Whether `key` (from `chartKey`) is the key of the tree whose JSON is `text`. A chart drawn for another
 * width or other figures almost always has JSON of another length, which the key ends with: that is
 * told without going through the JSON character by character (which kept a phone busy at load).
 */
export function hasChartKey(key: string | undefined, text: string): boolean {
  if (key === undefined || !key.endsWith(`.${text.length.toString(36)}`)) return false;
  return keyOfJson(text) === key;
}

/** Rounds coordinates to one decimal so the markup stays short and stable. */
const r = (value: number): number => Math.round(value * 10) / 10;

/** A "nice" axis from 0: a round step (1, 2 or 5 × 10^n) and the ticks up to a top at or above `max`. */
export function niceScale(max: number, count = 5): { top: number; ticks: number[] } {
  const target = Number.isFinite(max) && max > 0 ? max : 1;
  const raw = target / count;
  const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
  const residual = raw / magnitude;
  const step = (residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10) * magnitude;
  const steps = Math.max(1, Math.ceil(target / step - 1e-9));
  const ticks: number[] = [];
  for (let i = 0; i <= steps; i++) ticks.push(Number((i * step).toPrecision(12)));
  return { top: ticks[ticks.length - 1] ?? target, ticks };
}

/** Month labels: 1 and every `step` months, with no more than `maxLabels` labels. */
export function monthTicks(months: number, maxLabels: number): number[] {
  const step = [1, 2, 3, 6, 12, 24].find((s) => Math.ceil(months / s) <= Math.max(2, maxLabels)) ?? 24;
  const ticks = [1];
  // A label too close to month 1 would overlap it: 1, 4, 6 rather than 1, 2, 4.
  for (let m = step; m <= months; m += step) if (m - 1 >= step * 0.75) ticks.push(m);
  return ticks;
}

/** A marker shape per series: circle, square, triangle, diamond (then repeating). */
function marker(index: number, seriesId: string, x: number, y: number): SvgNode {
  const cls = `marker marker--${seriesId}`;
  switch (index % 4) {
    case 3:
      return node('path', { class: cls, d: `M${r(x)} ${r(y - 5)}L${r(x + 5)} ${r(y)}L${r(x)} ${r(y + 5)}L${r(x - 5)} ${r(y)}Z` });
    case 0:
      return node('circle', { class: cls, cx: r(x), cy: r(y), r: 4 });
    case 1:
      return node('rect', { class: cls, x: r(x - 3.5), y: r(y - 3.5), width: 7, height: 7 });
    default:
      return node('path', { class: cls, d: `M${r(x)} ${r(y - 4.5)}L${r(x + 4.5)} ${r(y + 3.5)}L${r(x - 4.5)} ${r(y + 3.5)}Z` });
  }
}

/** Options for `lineChart`. */
export interface LineChartOptions {
  /** Id of the chart's <title>, referenced by aria-labelledby. */
  titleId: string;
  /** The accessible summary of the chart. */
  title: string;
  series: readonly { id: string; values: readonly number[] }[];
  width: number;
  height: number;
  formatY: (value: number) => string;
}

/** A line chart by month (x: months 1..n, y: from 0), one line per series with markers. */
export function lineChart(options: LineChartOptions): SvgNode {
  const { width, height, series, formatY } = options;
  const left = 64;
  const right = 14;
  const top = 12;
  const bottom = 40;
  const plotW = Math.max(10, width - left - right);
  const plotH = Math.max(10, height - top - bottom);
  const months = Math.max(1, ...series.map((s) => s.values.length));
  const max = Math.max(0, ...series.flatMap((s) => s.values.filter(Number.isFinite)));
  const { top: yTop, ticks } = niceScale(max, height < 260 ? 4 : 5);
  const x = (month: number) => left + (months === 1 ? plotW / 2 : ((month - 1) / (months - 1)) * plotW);
  const y = (value: number) => top + plotH - (Math.max(0, value) / yTop) * plotH;

  const children: SvgNode[] = [node('title', { id: options.titleId }, undefined, options.title)];
  const grid: SvgNode[] = [];
  for (const tick of ticks) {
    grid.push(node('line', { class: 'chart__grid', x1: left, x2: r(left + plotW), y1: r(y(tick)), y2: r(y(tick)) }));
    grid.push(node('text', { class: 'chart__tick', x: left - 8, y: r(y(tick) + 4), 'text-anchor': 'end' }, undefined, formatY(tick)));
  }
  const xTicks = monthTicks(months, Math.floor(plotW / 44));
  for (const month of xTicks) {
    grid.push(node('line', { class: 'chart__axis', x1: r(x(month)), x2: r(x(month)), y1: r(top + plotH), y2: r(top + plotH + 5) }));
    grid.push(node('text', { class: 'chart__tick', x: r(x(month)), y: r(top + plotH + 19), 'text-anchor': 'middle' }, undefined, String(month)));
  }
  grid.push(node('line', { class: 'chart__axis', x1: left, x2: r(left + plotW), y1: r(top + plotH), y2: r(top + plotH) }));
  grid.push(node('text', { class: 'chart__label', x: r(left + plotW / 2), y: height - 4, 'text-anchor': 'middle' }, undefined, 'Month'));
  children.push(node('g', { 'aria-hidden': 'true' }, grid));

  const markerMonths = new Set([...monthTicks(months, 8), months]);
  series.forEach((s, index) => {
    const points = s.values.map((value, i) => `${i === 0 ? 'M' : 'L'}${r(x(i + 1))} ${r(y(value))}`).join('');
    const lineChildren: SvgNode[] = [node('path', { class: `line line--${s.id}`, d: points || 'M0 0' })];
    s.values.forEach((value, i) => {
      if (markerMonths.has(i + 1)) lineChildren.push(marker(index, s.id, x(i + 1), y(value)));
    });
    children.push(node('g', { 'aria-hidden': 'true' }, lineChildren));
  });
  return node('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': options.titleId }, children);
}

/** One bar of a tornado chart: the result with the input lowered and raised. */
export interface TornadoBar {
  label: string;
  low: number;
  high: number;
}

/** Options for `tornadoChart`. */
export interface TornadoOptions {
  titleId: string;
  title: string;
  bars: readonly TornadoBar[];
  /** The base case the bars swing around. */
  base: number;
  width: number;
  format: (value: number) => string;
}

const ROW = 46;

/**
 * A tornado chart: one row per input, its label above a bar from the base value to the result with
 * the input lowered (solid) and raised (outlined), with the values at both ends.
 */
export function tornadoChart(options: TornadoOptions): SvgNode {
  const { bars, base, width, format } = options;
  const side = 72;
  const top = 28;
  const height = top + Math.max(1, bars.length) * ROW + 6;
  const values = [base, ...bars.flatMap((b) => [b.low, b.high])].filter(Number.isFinite);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (!(hi > lo)) {
    lo -= 1;
    hi += 1;
  }
  const plotW = Math.max(10, width - 2 * side);
  const x = (value: number) => side + ((value - lo) / (hi - lo)) * plotW;
  const children: SvgNode[] = [node('title', { id: options.titleId }, undefined, options.title)];
  const drawing: SvgNode[] = [node('text', { class: 'chart__tick', x: r(x(base)), y: 12, 'text-anchor': 'middle' }, undefined, `Now ${format(base)}`)];
  if (bars.length === 0) {
    drawing.push(node('text', { class: 'chart__label', x: r(width / 2), y: top + 24, 'text-anchor': 'middle' }, undefined, 'No input moves this result.'));
  }
  bars.forEach((bar, i) => {
    const y0 = top + i * ROW;
    drawing.push(node('text', { class: 'tornado__label', x: 4, y: y0 + 13 }, undefined, bar.label));
    for (const [value, cls] of [
      [bar.low, 'tornado__bar tornado__bar--low'],
      [bar.high, 'tornado__bar tornado__bar--high'],
    ] as const) {
      const from = Math.min(x(base), x(value));
      const to = Math.max(x(base), x(value));
      drawing.push(node('rect', { class: cls, x: r(from), y: y0 + 20, width: r(Math.max(1, to - from)), height: 16 }));
    }
    const min = Math.min(bar.low, bar.high, base);
    const max = Math.max(bar.low, bar.high, base);
    drawing.push(node('text', { class: 'chart__tick', x: r(x(min) - 6), y: y0 + 33, 'text-anchor': 'end' }, undefined, format(Math.min(bar.low, bar.high))));
    drawing.push(node('text', { class: 'chart__tick', x: r(x(max) + 6), y: y0 + 33, 'text-anchor': 'start' }, undefined, format(Math.max(bar.low, bar.high))));
  });
  drawing.push(node('line', { class: 'tornado__base', x1: r(x(base)), x2: r(x(base)), y1: 17, y2: height - 2 }));
  children.push(node('g', { 'aria-hidden': 'true' }, drawing));
  return node('svg', { class: 'chart chart--tornado', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': options.titleId }, children);
}

/** One option's row in a range chart. */
export interface RangeBar {
  /** The series id (a model id), for its colour class. */
  id: string;
  label: string;
  /** The low end (P10); null when even it is not finite (no opportunities in most runs). */
  low: number | null;
  /** The high end (P90); null when it is not finite (no opportunities in some runs): the bar runs off the axis. */
  high: number | null;
  /** The value on the person's own inputs, marked on the bar; null when there is none. */
  base: number | null;
  /** Written at the right of the row's label, e.g. "cheapest in 62%". */
  note: string;
}

/** Options for `rangeChart`. */
export interface RangeChartOptions {
  titleId: string;
  title: string;
  /** Drawn top to bottom in this order. */
  bars: readonly RangeBar[];
  width: number;
  format: (value: number) => string;
  /** One line per option (its name at the left, its note at the right): low enough for a printed memo. */
  compact?: boolean;
}

/**
 * A range chart: one row per option, its name and note above a bar from P10 to P90 on an axis from 0
 * shared by every row, with the base value marked across the bar (a line and a diamond) and the two
 * ends written beside it. A bar whose high end is not finite runs to the end of the axis and is
 * drawn open (dashed) at that end.
 */
export function rangeChart(options: RangeChartOptions): SvgNode {
  const { bars, width, format } = options;
  // Narrow: the note goes on its own line under the name, so that the two never overlap.
  const narrow = width < 420 && !options.compact;
  const compact = options.compact === true;
  const side = narrow ? 52 : 72;
  const rowH = compact ? 26 : narrow ? 66 : 50;
  // Compact: the names take the left of the row and the notes its right, each with room for a bar end's label; the axis runs between.
  const left = compact ? Math.round(width * 0.25) + 44 : side;
  const right = compact ? Math.round(width * 0.29) + 48 : side;
  const top = 4;
  const axisGap = 6;
  const height = top + Math.max(1, bars.length) * rowH + axisGap + 24;
  const values = bars.flatMap((b) => [b.low, b.high, b.base]).filter((v): v is number => v !== null && Number.isFinite(v));
  const { top: axisTop, ticks } = niceScale(Math.max(0, ...values), width < 420 ? 3 : 5);
  const plotW = Math.max(10, width - left - right);
  const x = (value: number) => left + (Math.min(Math.max(0, value), axisTop) / axisTop) * plotW;
  const axisY = top + Math.max(1, bars.length) * rowH + axisGap;

  const children: SvgNode[] = [node('title', { id: options.titleId }, undefined, options.title)];
  const drawing: SvgNode[] = [];
  for (const tick of ticks) {
    drawing.push(node('line', { class: 'chart__grid', x1: r(x(tick)), x2: r(x(tick)), y1: top, y2: axisY }));
    drawing.push(node('text', { class: 'chart__tick', x: r(x(tick)), y: axisY + 17, 'text-anchor': 'middle' }, undefined, format(tick)));
  }
  drawing.push(node('line', { class: 'chart__axis', x1: left, x2: r(left + plotW), y1: axisY, y2: axisY, 'data-top': axisTop }));
  if (bars.length === 0) {
    drawing.push(node('text', { class: 'chart__label', x: r(width / 2), y: top + 28, 'text-anchor': 'middle' }, undefined, 'No option has a range.'));
  }
  bars.forEach((bar, i) => {
    const y0 = top + i * rowH;
    const textY = compact ? y0 + 17 : y0 + 14;
    const row: SvgNode[] = [
      node('text', { class: 'range__label', x: 4, y: textY }, undefined, bar.label),
      compact
        ? node('text', { class: 'chart__tick range__note', x: width - 4, y: textY, 'text-anchor': 'end' }, undefined, bar.note)
        : narrow
          ? node('text', { class: 'chart__tick range__note', x: 4, y: y0 + 30 }, undefined, bar.note)
          : node('text', { class: 'chart__tick range__note', x: width - 4, y: y0 + 14, 'text-anchor': 'end' }, undefined, bar.note),
    ];
    const barY = y0 + (compact ? 4 : narrow ? 38 : 22);
    if (bar.low !== null) {
      const from = x(bar.low);
      const open = bar.high === null;
      const to = open ? left + plotW : x(bar.high ?? bar.low);
      row.push(
        node('rect', {
          class: `range__bar range__bar--${bar.id}${open ? ' range__bar--open' : ''}`,
          x: r(from),
          y: barY,
          width: r(Math.max(2, to - from)),
          height: 16,
          'data-low': bar.low,
          ...(bar.high !== null ? { 'data-high': bar.high } : {}),
        }),
      );
      row.push(node('text', { class: 'chart__tick', x: r(from - 6), y: barY + 13, 'text-anchor': 'end' }, undefined, format(bar.low)));
      row.push(node('text', { class: 'chart__tick', x: r(to + 6), y: barY + 13, 'text-anchor': 'start' }, undefined, open ? '→' : format(bar.high ?? bar.low)));
    }
    if (bar.base !== null && Number.isFinite(bar.base)) {
      const bx = x(bar.base);
      row.push(node('line', { class: 'range__base', x1: r(bx), x2: r(bx), y1: barY - 4, y2: barY + 20, 'data-base': bar.base }));
      row.push(
        node('path', { class: 'range__base-mark', d: `M${r(bx)} ${barY + 2}L${r(bx + 6)} ${barY + 8}L${r(bx)} ${barY + 14}L${r(bx - 6)} ${barY + 8}Z` }),
      );
    }
    drawing.push(node('g', { class: 'range__row', 'data-model': bar.id }, row));
  });
  children.push(node('g', { 'aria-hidden': 'true' }, drawing));
  return node('svg', { class: 'chart chart--range', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': options.titleId }, children);
}
