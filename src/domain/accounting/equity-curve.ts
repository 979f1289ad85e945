// The equity curve, kept small by halving the resolution of old samples, and the running peak and maximum drawdown.
import type { MicroUsd } from "../units.js";

export interface EquityPoint {
  ts: number;
  equity: MicroUsd;
}

export interface Drawdown {
  peak: MicroUsd;
  /** Largest peak-to-trough fall seen, micro-dollars (>= 0). */
  max: MicroUsd;
}

/**
 * Appends a sample. Past `maxPoints` the older samples are thinned to every other one (the first and the newest are
 * always kept), so the curve covers the whole session in bounded space with finer detail for recent history.
 */
export function appendEquity(curve: readonly EquityPoint[], point: EquityPoint, maxPoints: number): EquityPoint[] {
  const next = [...curve, point];
  if (next.length <= Math.max(2, maxPoints)) return next;
  const thinned = next.filter((_, i) => i % 2 === 0 || i === next.length - 1);
  return thinned;
}

export function updateDrawdown(d: Drawdown, equity: MicroUsd): Drawdown {
  const peak = Math.max(d.peak, equity);
  return { peak, max: Math.max(d.max, peak - equity) };
}

/** The maximum drawdown of a whole series (used to check the running one). */
export function maxDrawdownOf(series: readonly MicroUsd[]): MicroUsd {
  let d: Drawdown = { peak: series[0] ?? 0, max: 0 };
  for (const e of series) d = updateDrawdown(d, e);
  return d.max;
}
