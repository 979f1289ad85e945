// Inventory off the 0.01-share grid (partial fills, taker walks) must never turn into an order size the exchange rejects.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { computeQuotes } from "../../../src/domain/quoting/quote.js";
import type { Inventory } from "../../../src/domain/quoting/desired-order.js";
import { notional } from "../../../src/domain/units.js";
import { books, market, params, SH } from "./market-fixture.js";

const NOW = Date.parse("2026-01-01T00:00:00Z");

function quote(inv: Inventory, mode: "normal" | "reduce") {
  const { yes, no } = books([[4800, 100], [4900, 50]], [[5100, 50], [5200, 100]]);
  return computeQuotes({ market: market(), yes, no, inventory: inv, params: params({ levels: 2 }), mode, now: NOW }).orders;
}

describe("quoting with inventory off the 0.01-share grid", () => {
  it("sells held YES of 7.123456 shares as 7.12 shares", () => {
    const asks = quote({ yes: 7_123_456, no: 0, yesCost: notional(5000, 7_123_456), noCost: 0 }, "normal").filter((o) => o.quoteSide === "ask");
    expect(asks[0]).toMatchObject({ outcome: "YES", side: "SELL", size: 7_120_000 });
  });

  it("every order size is a multiple of 0.01 share and at least the minimum, in normal and reduce mode", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * SH }), fc.integer({ min: 0, max: 60 * SH }), fc.boolean(), (y, n, reduce) => {
        const inv: Inventory = { yes: y, no: n, yesCost: notional(5000, y), noCost: notional(5000, n) };
        for (const o of quote(inv, reduce ? "reduce" : "normal")) {
          expect(o.size % 10_000).toBe(0);
          expect(o.size).toBeGreaterThanOrEqual(5 * SH);
        }
      }),
      { numRuns: 300 },
    );
  });
});
