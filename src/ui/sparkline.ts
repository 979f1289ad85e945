// Text charts for the TUI: a sparkline of a series and a usage bar, both pure and of an exact width.

const TICKS = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/** Averages `values` into `width` equal buckets (or returns them unchanged when there are fewer). */
export function resample(values: readonly number[], width: number): number[] {
  if (width <= 0) return [];
  if (values.length <= width) return values.slice();
  const out: number[] = [];
  for (let i = 0; i < width; i++) {
    const from = Math.floor((i * values.length) / width);
    const to = Math.max(from + 1, Math.floor(((i + 1) * values.length) / width));
    let sum = 0;
    for (let j = from; j < to; j++) sum += values[j];
    out.push(sum / (to - from));
  }
  return out;
}

/** A sparkline of at most `width` characters over the series' own min..max (a flat series draws mid-height). */
export function sparkline(values: readonly number[], width: number): string {
  const points = resample(values.filter((v) => Number.isFinite(v)), width);
  if (points.length === 0) return "";
  let min = Infinity;
  let max = -Infinity;
  for (const v of points) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const range = max - min;
  let out = "";
  for (const v of points) {
    const idx = range === 0 ? 3 : Math.round(((v - min) / range) * (TICKS.length - 1));
    out += TICKS[idx];
  }
  return out;
}

/** A usage bar of exactly `width` cells: filled in proportion to used/limit, clamped to [0, 1]. */
export function usageBar(used: number, limit: number, width: number): string {
  if (width <= 0) return "";
  const ratio = limit > 0 ? Math.min(1, Math.max(0, used / limit)) : used > 0 ? 1 : 0;
  const filled = Math.round(ratio * width);
  return "█".repeat(filled) + "░".repeat(width - filled);
}

/** A depth bar: `size` relative to `max`, at most `width` cells, at least one cell for any non-zero size. */
export function depthBar(size: number, max: number, width: number): string {
  if (width <= 0 || size <= 0 || max <= 0) return "";
  return "█".repeat(Math.max(1, Math.min(width, Math.round((size / max) * width))));
}
