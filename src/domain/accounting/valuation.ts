// Marking the account: positions at the midpoint (YES+NO pairs at exactly $1), liquidation at the best bid, and the P&L identity.
import { notional, type Micro, type MicroUsd, type Pips } from "../units.js";
import { costOut, type Portfolio, type Position } from "./portfolio.js";

/** A token's marks: midpoint (may be a half pip) and best bid, null when unknown. */
export interface Mark {
  mid: number | null;
  bid: Pips | null;
}

export type Marks = Record<string, Mark>;

export interface Valuation {
  cash: MicroUsd;
  /** Positions marked at the midpoint, pairs at $1. */
  positionsValue: MicroUsd;
  equity: MicroUsd;
  /** What the positions fetch if sold now at the best bid, pairs at $1. */
  liquidationValue: MicroUsd;
  realized: MicroUsd;
  unrealized: MicroUsd;
  fees: MicroUsd;
  /** realized + unrealized - fees = equity - starting cash. */
  total: MicroUsd;
}

/** Value of `size` micro-shares at a price that may be a half pip. */
export function valueAt(price: number, size: Micro): MicroUsd {
  if (Number.isInteger(price)) return notional(price, size);
  return Math.round(notional(Math.round(price * 2), size) / 2);
}

function valueOf(position: Position, shares: Micro, price: number | null): MicroUsd {
  if (shares === 0) return 0;
  // Unknown mark: carry at cost, so an unmarked position shows no unrealized P&L.
  if (price === null) return costOut(position, shares);
  return valueAt(price, shares);
}

/** Micro-shares held as complete YES+NO pairs, per token (both tokens of a market get the same count). */
export function pairedShares(p: Portfolio): Record<string, Micro> {
  const byMarket = new Map<string, Position[]>();
  for (const pos of Object.values(p.positions)) byMarket.set(pos.market, [...(byMarket.get(pos.market) ?? []), pos]);
  const out: Record<string, Micro> = {};
  for (const positions of byMarket.values()) {
    const yes = positions.find((x) => x.outcome === "YES");
    const no = positions.find((x) => x.outcome === "NO");
    const pairs = yes && no ? Math.min(yes.shares, no.shares) : 0;
    for (const pos of positions) out[pos.tokenId] = pairs;
  }
  return out;
}

function positionsValue(p: Portfolio, priceOf: (tokenId: string) => number | null): MicroUsd {
  const paired = pairedShares(p);
  let total = 0;
  for (const pos of Object.values(p.positions)) {
    const pairs = paired[pos.tokenId] ?? 0;
    // Each pair is one YES and one NO share worth $1 together: count $0.50 per share on each side, exactly.
    total += Math.floor(pairs / 2) + (pos.outcome === "YES" ? pairs % 2 : 0);
    total += valueOf(pos, pos.shares - pairs, priceOf(pos.tokenId));
  }
  return total;
}

export function value(p: Portfolio, marks: Marks): Valuation {
  const marked = positionsValue(p, (t) => marks[t]?.mid ?? null);
  const liquidation = positionsValue(p, (t) => marks[t]?.bid ?? null);
  const cost = Object.values(p.positions).reduce((s, x) => s + x.cost, 0);
  const unrealized = marked - cost;
  return {
    cash: p.cash,
    positionsValue: marked,
    equity: p.cash + marked,
    liquidationValue: liquidation,
    realized: p.realized,
    unrealized,
    fees: p.fees,
    total: p.realized + unrealized - p.fees,
  };
}
