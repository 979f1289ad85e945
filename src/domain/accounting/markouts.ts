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
  /** The earliest time any pending horizon falls due (Infinity when none): sampling before it changes nothing. Absent: not known yet. */
  nextDueAt?: number;
}

export function emptyMarkouts(): MarkoutState {
  return { pending: [], sums: MARKOUT_HORIZONS_MS.map(() => 0), counts: MARKOUT_HORIZONS_MS.map(() => 0), nextDueAt: Infinity };
}

export function trackFill(state: MarkoutState, fill: { id: string; tokenId: string; side: Side; price: Pips; ts: number }): MarkoutState {
  const pending: PendingMarkout = { fillId: fill.id, tokenId: fill.tokenId, side: fill.side, price: fill.price, ts: fill.ts, done: MARKOUT_HORIZONS_MS.map(() => false) };
  return { ...state, pending: [...state.pending, pending], nextDueAt: Math.min(state.nextDueAt ?? -Infinity, fill.ts + MARKOUT_HORIZONS_MS[0]) };
}

/** When the first horizon not yet sampled falls due (horizons are increasing, so they are sampled in order); Infinity when all are done. */
function dueAt(p: PendingMarkout): number {
  for (let i = 0; i < MARKOUT_HORIZONS_MS.length; i++) if (!p.done[i]) return p.ts + MARKOUT_HORIZONS_MS[i];
  return Infinity;
}

/**
 * Samples every horizon that has come due: markout = (mid - fill price) for a BUY, (fill price - mid) for a SELL, so a
 * negative average is adverse selection (the market moved against our fills). A horizon whose token has no midpoint
 * when it falls due is skipped rather than guessed. Returns `state` itself when nothing is due (the store samples on every
 * mark update, so that case must cost nothing); else only the fills with a horizon due are copied.
 */
export function sampleMarkouts(state: MarkoutState, now: number, midOf: (tokenId: string) => number | null): MarkoutState {
  if (state.pending.length === 0 || now < (state.nextDueAt ?? -Infinity)) return state;
  const sums = [...state.sums];
  const counts = [...state.counts];
  const pending: PendingMarkout[] = [];
  let nextDueAt = Infinity;
  for (const p of state.pending) {
    let next = p;
    if (now >= dueAt(p)) {
      const done = [...p.done];
      for (let i = 0; i < MARKOUT_HORIZONS_MS.length; i++) {
        if (done[i] || now < p.ts + MARKOUT_HORIZONS_MS[i]) continue;
        done[i] = true;
        const mid = midOf(p.tokenId);
        if (mid === null) continue;
        sums[i] += p.side === "BUY" ? mid - p.price : p.price - mid;
        counts[i] += 1;
      }
      next = { ...p, done };
    }
    const due = dueAt(next);
    if (due === Infinity) continue;
    pending.push(next);
    if (due < nextDueAt) nextDueAt = due;
  }
  return { pending, sums, counts, nextDueAt };
}

/** Average markout per horizon (pips per share), null until a fill has been sampled there. */
export function averageMarkouts(state: MarkoutState): { s5: number | null; s30: number | null; s120: number | null } {
  const avg = (i: number): number | null => (state.counts[i] > 0 ? state.sums[i] / state.counts[i] : null);
  return { s5: avg(0), s30: avg(1), s120: avg(2) };
}
