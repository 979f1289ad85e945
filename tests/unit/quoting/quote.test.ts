import { describe, expect, it } from "vitest";
import { computeQuotes, type QuoteInput } from "../../../src/domain/quoting/quote.js";
import { emptyInventory, yesPrice } from "../../../src/domain/quoting/desired-order.js";
import { books, market, params, SH } from "./market-fixture.js";

const NOW = Date.parse("2026-01-01T00:00:00Z");

function input(over: Partial<QuoteInput> = {}): QuoteInput {
  const { yes, no } = books([[4800, 100], [4900, 50]], [[5300, 80], [5100, 60]]);
  return { market: market(), yes, no, inventory: emptyInventory(), params: params(), mode: "normal", now: NOW, ...over };
}

describe("computeQuotes", () => {
  it("quotes a BUY of YES and a BUY of NO around the midpoint with no inventory", () => {
    const r = computeQuotes(input());
    expect(r.fair).toBe(5000);
    expect(r.orders).toEqual([
      { tokenId: "111", outcome: "YES", side: "BUY", price: 4800, size: 10 * SH, level: 0, quoteSide: "bid" },
      { tokenId: "222", outcome: "NO", side: "BUY", price: 4800, size: 10 * SH, level: 0, quoteSide: "ask" },
    ]);
  });

  it("sells held YES on the ask instead of buying NO, never more than held", () => {
    const inv = { ...emptyInventory(), yes: 7 * SH, yesCost: 7 * 5000 * 100 };
    const r = computeQuotes(input({ inventory: inv, params: params({ levels: 2 }) }));
    const asks = r.orders.filter((o) => o.quoteSide === "ask");
    expect(asks[0]).toMatchObject({ outcome: "YES", side: "SELL", price: 5200, size: 7 * SH });
    expect(asks[1]).toMatchObject({ outcome: "NO", side: "BUY", price: 10_000 - 5300 });
  });

  it("skews the reservation price against inventory and shrinks the side that adds to it", () => {
    const inv = { ...emptyInventory(), yes: 50 * SH, yesCost: 50 * 5000 * 100 };
    const r = computeQuotes(input({ inventory: inv, params: params({ skewRiskFactor: 1, orderSize: 20 * SH }) }));
    expect(r.reservation).toBe(5000 - 2.5 * 100); // 1 tick per orderSize (20) of net inventory (50)
    const bid = r.orders.find((o) => o.quoteSide === "bid")!;
    const ask = r.orders.find((o) => o.quoteSide === "ask")!;
    expect(bid.size).toBe(10 * SH); // 20 * (1 - 50/100)
    expect(ask.size).toBe(20 * SH);
    expect(yesPrice(bid)).toBeLessThan(4800);
  });

  it("joins the best price instead of quoting inside a wide spread, and improves it when asked", () => {
    const { yes, no } = books([[4000, 100]], [[6000, 100]]);
    const join = computeQuotes(input({ yes, no, params: params({ placement: "join" }) }));
    expect(join.orders.map(yesPrice)).toEqual([4000, 6000]);
    const improve = computeQuotes(input({ yes, no, params: params({ placement: "improve" }) }));
    expect(improve.orders.map(yesPrice)).toEqual([4100, 5900]);
    const target = computeQuotes(input({ yes, no, params: params({ placement: "target" }) }));
    expect(target.orders.map(yesPrice)).toEqual([4800, 5200]);
  });

  it("never crosses a one-tick book (post-only)", () => {
    const { yes, no } = books([[5000, 100]], [[5100, 100]]);
    const r = computeQuotes(input({ yes, no, params: params({ halfSpreadTicks: 1, skewRiskFactor: 10, maxSkewTicks: 10 }), inventory: { ...emptyInventory(), no: 30 * SH, noCost: 1 } }));
    for (const o of r.orders) {
      if (o.quoteSide === "bid") expect(yesPrice(o)).toBeLessThanOrEqual(5000);
      else expect(yesPrice(o)).toBeGreaterThanOrEqual(5100);
    }
  });

  it("stops quoting within stopBeforeEndMs of the end date", () => {
    const m = market({ endDate: new Date(NOW + 30 * 60_000).toISOString() });
    const r = computeQuotes(input({ market: m, params: params({ stopBeforeEndMs: 3_600_000 }) }));
    expect(r.orders).toEqual([]);
    expect(r.reason).toMatch(/ends/);
  });

  it("in reduce mode quotes only the side that shrinks net inventory, capped at it", () => {
    const inv = { ...emptyInventory(), yes: 8 * SH, yesCost: 1 };
    const r = computeQuotes(input({ inventory: inv, mode: "reduce", params: params({ levels: 3 }) }));
    expect(r.orders).toEqual([{ tokenId: "111", outcome: "YES", side: "SELL", price: 5200, size: 8 * SH, level: 0, quoteSide: "ask" }]);
    expect(computeQuotes(input({ mode: "reduce" })).orders).toEqual([]);
  });

  it("keeps quotes inside the reward band at the reward minimum size", () => {
    const m = market({ rewards: { maxSpreadCents: 1.5, minSize: 20 * SH, dailyRate: 0 } });
    const r = computeQuotes(input({ market: m, params: params({ rewardsMode: true, halfSpreadTicks: 5, levels: 3, levelSpacingTicks: 1 }) }));
    // Size-adjusted midpoint (levels >= 20 shares): bid 4900 (50), ask 5100 (60) -> 5000; band (4850, 5150).
    for (const o of r.orders) {
      expect(Math.abs(yesPrice(o) - 5000)).toBeLessThan(150);
      expect(o.size).toBeGreaterThanOrEqual(20 * SH);
    }
    expect(r.orders.map(yesPrice)).toEqual([4900, 5100]);
  });

  it("drops reward quoting to nothing when only one side is possible outside [0.10, 0.90]", () => {
    const { yes, no } = books([[400, 100]], [[600, 100]]);
    const m = market({ rewards: { maxSpreadCents: 3, minSize: 5 * SH, dailyRate: 0 } });
    const r = computeQuotes(input({ market: m, yes, no, params: params({ rewardsMode: true, minPrice: 500 }) }));
    expect(r.orders).toEqual([]);
    expect(r.reason).toMatch(/two-sided/);
  });

  it("caps BUYs so a full fill stays within the position limits", () => {
    const inv = { ...emptyInventory(), no: 95 * SH, noCost: 95 * 5000 * 100 };
    const r = computeQuotes(input({ inventory: inv, params: params({ maxPositionShares: 100 * SH, maxPositionUsd: 1000 * SH }) }));
    // Holding NO: the bid sells NO; the ask would BUY NO but only 5 shares of room remain.
    expect(r.orders.find((o) => o.quoteSide === "ask")).toMatchObject({ outcome: "NO", side: "BUY", size: 5 * SH });
  });
});
