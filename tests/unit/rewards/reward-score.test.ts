// Liquidity-reward scoring per POLYMARKET.md section 6.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { combineQ, estimateReward, estimateRewardFromBook, isQOne, orderScore, spreadCents } from "../../../src/domain/rewards/reward-score.js";
import { OrderBook } from "../../../src/domain/book/order-book.js";

const S = 1_000_000;
const params = { maxSpreadCents: 3, minSize: 20 * S, dailyRate: 100 * 1_000_000 };

describe("reward score", () => {
  it("scores ((v - s) / v)^2 x size inside the band, 0 outside or below the minimum size", () => {
    expect(orderScore(1, 3, 100 * S, 20 * S)).toBeCloseTo((2 / 3) ** 2 * 100);
    expect(orderScore(0, 3, 100 * S, 20 * S)).toBe(100);
    expect(orderScore(3, 3, 100 * S, 20 * S)).toBe(0);
    expect(orderScore(1, 3, 19 * S, 20 * S)).toBe(0);
  });
  it("puts YES bids and NO asks in Q_one, a NO bid at q sits at 1 - q", () => {
    expect(isQOne({ outcome: "YES", side: "BUY" })).toBe(true);
    expect(isQOne({ outcome: "NO", side: "SELL" })).toBe(true);
    expect(isQOne({ outcome: "NO", side: "BUY" })).toBe(false);
    expect(spreadCents({ outcome: "NO", price: 4800 }, 5000)).toBe(2);
  });
  it("requires two sides outside [0.10, 0.90] and rewards them inside", () => {
    expect(combineQ(90, 0, 5000)).toBe(30);
    expect(combineQ(90, 0, 9500)).toBe(0);
    expect(combineQ(40, 50, 5000)).toBe(40);
  });
  it("estimates our share against the visible book and the $/day it implies", () => {
    const book = { bids: [{ price: 4900, size: 100 * S }], asks: [{ price: 5100, size: 100 * S }] };
    const orders = [
      { outcome: "YES" as const, side: "BUY" as const, price: 4900, size: 100 * S },
      { outcome: "NO" as const, side: "BUY" as const, price: 4900, size: 100 * S }, // a YES ask at 0.51
    ];
    const r = estimateReward(orders, book, 5000, params);
    expect(r.qOne).toBeCloseTo(r.qTwo);
    expect(r.share).toBeCloseTo(0.5);
    expect(r.perDay).toBe(50_000_000);
    expect(r.scoring).toEqual([true, true]);
    expect(estimateReward(orders, book, 5000, null).perDay).toBe(0);
  });
  it("reads the size-adjusted midpoint and levels from a live book", () => {
    const book = new OrderBook("yes", 100);
    // A 10-share bid at 0.50 is below the 20-share minimum: the adjusted midpoint uses 0.49 / 0.51.
    book.applySnapshot([{ price: 4900, size: 100 * S }, { price: 5000, size: 10 * S }], [{ price: 5100, size: 100 * S }]);
    const orders = [{ outcome: "YES" as const, side: "BUY" as const, price: 4900, size: 100 * S }];
    const r = estimateRewardFromBook(orders, book, params);
    expect(r).toEqual(estimateReward(orders, { bids: book.depth("BUY", 50), asks: book.depth("SELL", 50) }, 5000, params));
    expect(r.qOne).toBeCloseTo((2 / 3) ** 2 * 100);
    expect(estimateRewardFromBook(orders, book, null).perDay).toBe(0);
  });

  it("share stays within [0, 1] and $/day within the pool", () => {
    const level = fc.record({ price: fc.integer({ min: 1, max: 9999 }), size: fc.integer({ min: 0, max: 1e9 }) });
    const order = fc.record({ outcome: fc.constantFrom("YES" as const, "NO" as const), side: fc.constantFrom("BUY" as const, "SELL" as const), price: fc.integer({ min: 1, max: 9999 }), size: fc.integer({ min: 0, max: 1e9 }) });
    fc.assert(
      fc.property(fc.array(order), fc.array(level), fc.array(level), fc.integer({ min: 1, max: 9999 }), (orders, bids, asks, mid) => {
        const r = estimateReward(orders, { bids, asks }, mid, params);
        return r.share >= 0 && r.share <= 1 && r.perDay >= 0 && r.perDay <= params.dailyRate;
      }),
    );
  });
});
