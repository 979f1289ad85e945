// Polymarket's liquidity-reward score (POLYMARKET.md section 6): per-order score, Q_one/Q_two/Q, our share of the visible book and its $/day.
import type { Level } from "../events.js";
import type { Outcome, RewardParams, Side } from "../market.js";
import { yesPrice } from "../quoting/desired-order.js";
import { SIZE_SCALE, type Micro, type MicroUsd, type Pips } from "../units.js";

export interface ScoredOrder {
  outcome: Outcome;
  side: Side;
  /** Price in the order's own token's terms. */
  price: Pips;
  /** Remaining size. */
  size: Micro;
}

/** S = ((v - s) / v)^2 x size (in shares) when s < v and the size meets the minimum, else 0. */
export function orderScore(spreadCents: number, maxSpreadCents: number, size: Micro, minSize: Micro): number {
  if (size < minSize || maxSpreadCents <= 0 || spreadCents >= maxSpreadCents) return 0;
  const r = (maxSpreadCents - spreadCents) / maxSpreadCents;
  return r * r * (size / SIZE_SCALE);
}

/** Whether an order counts toward Q_one (bids on YES, asks on NO) rather than Q_two (asks on YES, bids on NO). */
export const isQOne = (o: { outcome: Outcome; side: Side }): boolean => (o.outcome === "YES") === (o.side === "BUY");

/** Distance in cents from the YES size-adjusted midpoint (a NO order at q sits at 1 - q in YES terms). */
export function spreadCents(o: { outcome: Outcome; price: Pips }, yesMid: number): number {
  return Math.abs(yesPrice(o) - yesMid) / 100;
}

/** Combines the two sides: two-sided quoting is rewarded, and required outside [0.10, 0.90]. */
export function combineQ(qOne: number, qTwo: number, yesMid: number): number {
  const lo = Math.min(qOne, qTwo);
  const hi = Math.max(qOne, qTwo);
  return yesMid >= 1_000 && yesMid <= 9_000 ? Math.max(lo, hi / 3) : lo;
}

export interface RewardEstimate {
  qOne: number;
  qTwo: number;
  q: number;
  /** Q of the visible YES book, each level taken as one order. */
  bookQ: number;
  /** Our estimated share of the pool, 0..1. */
  share: number;
  /** share x the market's daily pool. */
  perDay: MicroUsd;
  /** Per input order: whether it scores at all. */
  scoring: boolean[];
}

/**
 * Estimates our reward against the visible book. The YES book alone stands for the competition (the NO book is its
 * mirror); each visible level counts as one order, which overstates competitors who split a level below the minimum
 * size. Our dry-run orders are not in the visible book; for live orders, pass a book with them taken out.
 */
export function estimateReward(
  orders: readonly ScoredOrder[],
  yesBook: { bids: readonly Level[]; asks: readonly Level[] },
  yesMid: number | null,
  params: RewardParams | null,
): RewardEstimate {
  const none: RewardEstimate = { qOne: 0, qTwo: 0, q: 0, bookQ: 0, share: 0, perDay: 0, scoring: orders.map(() => false) };
  if (!params || yesMid === null) return none;
  let qOne = 0;
  let qTwo = 0;
  const scoring = orders.map((o) => {
    const s = orderScore(spreadCents(o, yesMid), params.maxSpreadCents, o.size, params.minSize);
    if (isQOne(o)) qOne += s;
    else qTwo += s;
    return s > 0;
  });
  const levelScore = (l: Level): number => orderScore(Math.abs(l.price - yesMid) / 100, params.maxSpreadCents, l.size, params.minSize);
  const bookOne = yesBook.bids.reduce((s, l) => s + levelScore(l), 0);
  const bookTwo = yesBook.asks.reduce((s, l) => s + levelScore(l), 0);
  const q = combineQ(qOne, qTwo, yesMid);
  const bookQ = combineQ(bookOne, bookTwo, yesMid);
  const share = q > 0 ? q / (q + bookQ) : 0;
  return { qOne, qTwo, q, bookQ, share, perDay: Math.round(share * params.dailyRate), scoring };
}

/** The estimate straight from a live YES book: its size-adjusted midpoint and its top `levels` levels per side. */
export function estimateRewardFromBook(
  orders: readonly ScoredOrder[],
  yesBook: { depth(side: Side, n: number): Level[]; sizeAdjustedMidpoint(minSize: Micro): number | null },
  params: RewardParams | null,
  levels = 50,
): RewardEstimate {
  if (!params) return estimateReward(orders, { bids: [], asks: [] }, null, null);
  const mid = yesBook.sizeAdjustedMidpoint(params.minSize);
  return estimateReward(orders, { bids: yesBook.depth("BUY", levels), asks: yesBook.depth("SELL", levels) }, mid, params);
}
