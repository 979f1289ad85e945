// Two tokens, no shorting: turns YES-terms levels of one quote side into SELLs of held shares or BUYs of the other token.
import { tokenOf, type MarketInfo, type Outcome } from "../market.js";
import { PRICE_SCALE, mirror, type Micro, type MicroUsd, type Pips } from "../units.js";
import type { DesiredOrder, Inventory, QuoteSide } from "./desired-order.js";
import { floorSize } from "./grid.js";

export interface LevelQuote {
  /** YES terms. */
  price: Pips;
  size: Micro;
  level: number;
}

export interface RouteLimits {
  maxPositionShares: Micro;
  maxPositionUsd: MicroUsd;
  /** In REDUCING, the most this side may trade in total (net inventory); null when not reducing. */
  reduceCap: Micro | null;
}

/**
 * A bid on YES at p is a SELL of held NO at 1 - p, else a BUY of YES at p; an ask at p is a SELL of held YES at p,
 * else a BUY of NO at 1 - p. SELLs never exceed what is held; BUYs are capped so a full fill keeps the token's
 * position within the share and dollar limits.
 */
export function routeSide(side: QuoteSide, levels: LevelQuote[], market: MarketInfo, inv: Inventory, limits: RouteLimits): DesiredOrder[] {
  const heldOutcome: Outcome = side === "bid" ? "NO" : "YES";
  const buyOutcome: Outcome = side === "bid" ? "YES" : "NO";
  let held = heldOutcome === "YES" ? inv.yes : inv.no;
  let capShares = limits.maxPositionShares - (buyOutcome === "YES" ? inv.yes : inv.no);
  let capUsd = limits.maxPositionUsd - (buyOutcome === "YES" ? inv.yesCost : inv.noCost);
  let reduceLeft = limits.reduceCap;
  const out: DesiredOrder[] = [];
  for (const lv of levels) {
    const want = reduceLeft === null ? lv.size : Math.min(lv.size, reduceLeft);
    if (want < market.minSize) break;
    const heldPrice = heldOutcome === "YES" ? lv.price : mirror(lv.price);
    const buyPrice = buyOutcome === "YES" ? lv.price : mirror(lv.price);
    let order: DesiredOrder | null = null;
    // Held shares can be off the 0.01-share grid (partial fills): sell only whole hundredths.
    if (floorSize(held) >= market.minSize) {
      const size = floorSize(Math.min(want, held));
      held -= size;
      order = { tokenId: tokenOf(market, heldOutcome), outcome: heldOutcome, side: "SELL", price: heldPrice, size, level: lv.level, quoteSide: side };
    } else {
      const byUsd = capUsd <= 0 ? 0 : floorSize((capUsd * PRICE_SCALE) / buyPrice);
      const size = floorSize(Math.min(want, capShares, byUsd));
      if (size >= market.minSize) {
        capShares -= size;
        capUsd -= Math.ceil((buyPrice * size) / PRICE_SCALE);
        order = { tokenId: tokenOf(market, buyOutcome), outcome: buyOutcome, side: "BUY", price: buyPrice, size, level: lv.level, quoteSide: side };
      }
    }
    if (!order) continue;
    out.push(order);
    if (reduceLeft !== null) reduceLeft -= order.size;
  }
  return out;
}
