// Test helpers: a demo MarketInfo, default quote params and books built from level lists.
import { OrderBook } from "../../../src/domain/book/order-book.js";
import type { Level } from "../../../src/domain/events.js";
import { openMarket, type MarketInfo } from "../../../src/domain/market.js";
import type { QuoteParams } from "../../../src/domain/quoting/params.js";
import { mirror } from "../../../src/domain/units.js";

export const SH = 1_000_000;

export function market(over: Partial<MarketInfo> = {}): MarketInfo {
  return openMarket(
    { conditionId: "0xc0nd", question: "Will it rain?", slug: "will-it-rain", yesTokenId: "111", noTokenId: "222", tickSize: 100, minSize: 5 * SH, negRisk: false },
    over,
  );
}

export function params(over: Partial<QuoteParams> = {}): QuoteParams {
  return {
    fairValue: "midpoint",
    halfSpreadTicks: 2,
    placement: "target",
    levels: 1,
    levelSpacingTicks: 1,
    orderSize: 10 * SH,
    levelSizeMultiplier: 1,
    minPrice: 100,
    maxPrice: 9900,
    skewRiskFactor: 0,
    maxSkewTicks: 10,
    rewardsMode: false,
    stopBeforeEndMs: 0,
    maxPositionShares: 100 * SH,
    maxPositionUsd: 100 * SH,
    ...over,
  };
}

/** A YES book from [price, shares] pairs, and the NO book that mirrors it. */
export function books(bids: [number, number][], asks: [number, number][], tick = 100): { yes: OrderBook; no: OrderBook } {
  const lv = (l: [number, number][]): Level[] => l.map(([p, s]) => ({ price: p, size: s * SH }));
  const yes = new OrderBook("111", tick);
  yes.applySnapshot(lv(bids), lv(asks));
  const no = new OrderBook("222", tick);
  no.applySnapshot(
    lv(asks.map(([p, s]) => [mirror(p), s])),
    lv(bids.map(([p, s]) => [mirror(p), s])),
  );
  return { yes, no };
}
