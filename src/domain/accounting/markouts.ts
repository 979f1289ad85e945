// Fill markouts at +5 s, +30 s and +120 s: where the midpoint went after each fill, in pips per share, signed as our gain.
import type { Side } from "../market.js";
import type { Pips } from "../units.js";

export const MARKOUT_HORIZONS_MS = [5_000, 30_000, 120_000] as const;

export interface PendingMarkout {
  fillId: string;
  tokenId: string;
  side: Side;
  price: Pips;
  ts: number;
  /** Per horizon: already sampled. */
  done: boolean[];
}

export interface MarkoutState {
  pending: PendingMarkout[];
  /** Per horizon: sum of markouts (pips per share) and how many fills were sampled. */
  sums: number[];
  counts: number[];
}

export function emptyMarkouts(): MarkoutState {
  return { pending: [], sums: MARKOUT_HORIZONS_MS.map(() => 0), counts: MARKOUT_HORIZONS_MS.map(() => 0) };
}

export function trackFill(state: MarkoutState, fill: { id: string; tokenId: string; side: Side; price: Pips; ts: number }): MarkoutState {
  const pending: PendingMarkout = { fillId: fill.id, tokenId: fill.tokenId, side: fill.side, price: fill.price, ts: fill.ts, done: MARKOUT_HORIZONS_MS.map(() => false) };
  return { ...state, pending: [...state.pending, pending] };
}

/**
 * Samples every horizon that has come due: markout = (mid - fill price) for a BUY, (fill price - mid) for a SELL, so a
 * negative average is adverse selection (the market moved against our fills). A horizon whose token has no midpoint
 * when it falls due is skipped rather than guessed.
 */
export function sampleMarkouts(state: MarkoutState, now: number, midOf: (tokenId: string) => number | null): MarkoutState {
  if (state.pending.length === 0) return state;
  const sums = [...state.sums];
  const counts = [...state.counts];
  const pending: PendingMarkout[] = [];
  for (const p of state.pending) {
    const done = [...p.done];
    MARKOUT_HORIZONS_MS.forEach((h, i) => {
      if (done[i] || now < p.ts + h) return;
      done[i] = true;
      const mid = midOf(p.tokenId);
      if (mid === null) return;
      sums[i] += p.side === "BUY" ? mid - p.price : p.price - mid;
      counts[i] += 1;
    });
    if (done.some((d) => !d)) pending.push({ ...p, done });
  }
  return { pending, sums, counts };
}

/** Average markout per horizon (pips per share), null until a fill has been sampled there. */
export function averageMarkouts(state: MarkoutState): { s5: number | null; s30: number | null; s120: number | null } {
  const avg = (i: number): number | null => (state.counts[i] > 0 ? state.sums[i] / state.counts[i] : null);
  return { s5: avg(0), s30: avg(1), s120: avg(2) };
}
