/** An sRGB colour with channels 0-255. */
type Rgb = readonly [number, number, number];

/** Parses `#rrggbb`. */
export function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`expected a colour like "#1d4ed8"; given ${JSON.stringify(hex)}`);
  return [parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? '0', 16), parseInt(m[3] ?? '0', 16)];
}

const toHex = (rgb: Rgb): string => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio between two `#rrggbb` colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(parseHex(a)), luminance(parseHex(b))].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function mix(rgb: Rgb, toward: Rgb, amount: number): Rgb {
  return [0, 1, 2].map((i) => (rgb[i] ?? 0) + ((toward[i] ?? 0) - (rgb[i] ?? 0)) * amount) as unknown as Rgb;
}

/**
 * The brand accent adjusted until it reads as text on `background` with at least `ratio` contrast
 * (WCAG AA is 4.5): darkened on light backgrounds, lightened on dark ones. Unchanged if it already passes.
 */
export function readableAccent(accent: string, background: string, ratio = 4.5): string {
  const start = parseHex(accent);
  const target: Rgb = luminance(parseHex(background)) > 0.5 ? [0, 0, 0] : [255, 255, 255];
  for (let step = 0; step <= 20; step++) {
    const candidate = toHex(mix(start, target, step / 20));
    if (contrast(candidate, background) >= ratio) return candidate;
  }
  return toHex(target);
}
