// The book ladder's rows in YES terms: the book's top levels merged with our own orders (NO orders shown as their mirror).
import type { MarketSnapshot, OrderSnapshot } from "../engine/snapshot.js";
import type { Level } from "../domain/events.js";
import { mirror, type Micro, type Pips } from "../domain/units.js";

export interface LadderRow {
  side: "bid" | "ask";
  price: Pips;
  /** Size shown in the book at this price (0 when only our dry-run order is there). */
  size: Micro;
  /** Our remaining size at this price, in YES terms. */
  ours: Micro;
}

export interface Ladder {
  /** Best ask last (the ladder reads top-down from the highest ask). */
  asks: LadderRow[];
  /** Best bid first. */
  bids: LadderRow[];
  /** The largest size on screen, for depth bars. */
  maxSize: Micro;
}

/** Where an order rests in YES terms: a NO BUY at q is a YES ask at 1 - q, a NO SELL a YES bid. */
export function yesTermsOf(order: Pick<OrderSnapshot, "outcome" | "side" | "price">): { side: "bid" | "ask"; price: Pips } {
  if (order.outcome === "YES") return { side: order.side === "BUY" ? "bid" : "ask", price: order.price };
  return { side: order.side === "BUY" ? "ask" : "bid", price: mirror(order.price) };
}

function mergeSide(levels: readonly Level[], ours: Map<Pips, Micro>, better: (a: Pips, b: Pips) => number, depth: number, side: "bid" | "ask"): LadderRow[] {
  const rows = new Map<Pips, LadderRow>();
  for (const level of levels) rows.set(level.price, { side, price: level.price, size: level.size, ours: 0 });
  for (const [price, size] of ours) {
    const row = rows.get(price);
    if (row) row.ours += size;
    else rows.set(price, { side, price, size: 0, ours: size });
  }
  return [...rows.values()].sort((a, b) => better(a.price, b.price)).slice(0, depth);
}

/** The ladder for a market: `depth` levels a side, best first for bids and best last for asks. */
export function buildLadder(market: MarketSnapshot, orders: readonly OrderSnapshot[], depth: number): Ladder {
  const ourBids = new Map<Pips, Micro>();
  const ourAsks = new Map<Pips, Micro>();
  for (const order of orders) {
    if (order.market !== market.info.conditionId) continue;
    const remaining = order.size - order.filled;
    if (remaining <= 0) continue;
    const at = yesTermsOf(order);
    const map = at.side === "bid" ? ourBids : ourAsks;
    map.set(at.price, (map.get(at.price) ?? 0) + remaining);
  }
  const bids = mergeSide(market.bids, ourBids, (a, b) => b - a, depth, "bid");
  const asks = mergeSide(market.asks, ourAsks, (a, b) => a - b, depth, "ask").reverse();
  let maxSize = 0;
  for (const row of [...bids, ...asks]) maxSize = Math.max(maxSize, row.size, row.ours);
  return { asks, bids, maxSize };
}
