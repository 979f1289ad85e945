// Reads the account for quoting and risk: a market's inventory, its exposure with resting orders, marks from the books.
import type { MarketInfo } from "../domain/market.js";
import type { Portfolio } from "../domain/accounting/portfolio.js";
import type { Marks } from "../domain/accounting/valuation.js";
import type { Inventory } from "../domain/quoting/desired-order.js";
import { remaining, type TrackedOrder } from "../domain/orders/tracked-order.js";
import { addResting, emptyTokenExposure, type MarketExposure } from "../domain/risk/exposure.js";
import type { MarketData } from "../ports/market-data.js";

export function inventoryOf(p: Portfolio, m: MarketInfo): Inventory {
  const yes = p.positions[m.yesTokenId];
  const no = p.positions[m.noTokenId];
  return { yes: yes?.shares ?? 0, no: no?.shares ?? 0, yesCost: yes?.cost ?? 0, noCost: no?.cost ?? 0 };
}

/** The market's positions and resting orders (every tracked order counts, including those being cancelled), and the total over all markets. */
export function exposureOf(p: Portfolio, m: MarketInfo, orders: readonly TrackedOrder[]): MarketExposure {
  const inv = inventoryOf(p, m);
  let totalUsd = 0;
  for (const pos of Object.values(p.positions)) totalUsd += pos.cost;
  const e: MarketExposure = {
    yes: { ...emptyTokenExposure(), shares: inv.yes, cost: inv.yesCost },
    no: { ...emptyTokenExposure(), shares: inv.no, cost: inv.noCost },
    totalUsd,
  };
  const other: MarketExposure = { yes: emptyTokenExposure(), no: emptyTokenExposure(), totalUsd: 0 };
  for (const o of orders) {
    const order = { outcome: o.outcome, side: o.side, price: o.price, size: remaining(o) };
    if (o.market === m.conditionId) addResting(e, order);
    else addResting(other, order);
  }
  e.totalUsd += other.totalUsd;
  return e;
}

/** Mid and best bid per token from the live books (null where a book has no value). */
export function marksOf(md: MarketData, tokenIds: readonly string[]): Marks {
  const marks: Marks = {};
  for (const t of tokenIds) {
    const b = md.book(t);
    marks[t] = { mid: b ? b.midpoint() : null, bid: b ? b.bestBid() : null };
  }
  return marks;
}
