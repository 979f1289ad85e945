// Pre-send checks of live orders: types, tick grid, size grid, min size, and the notional cap (examples and properties).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkOrder, restingNotional } from "../../../src/adapters/gateway/live/order-check.js";
import type { MarketInfo } from "../../../src/domain/market.js";
import type { OrderRequest } from "../../../src/ports/order-gateway.js";
import { notional } from "../../../src/domain/units.js";

const market = { conditionId: "0xc", yesTokenId: "1", noTokenId: "2", tickSize: 100, minSize: 5_000_000, negRisk: false } as MarketInfo;
const req = (price: number, size: number, extra: Partial<OrderRequest> = {}): OrderRequest => ({ clientId: "c", market, tokenId: "1", outcome: "YES", side: "BUY", price, size, type: "GTC", postOnly: true, ...extra });

describe("checkOrder", () => {
  it("accepts a resting order on the grid under the cap", () => {
    expect(checkOrder(req(4500, 10_000_000), 100, 0, 50)).toEqual({ ok: true });
  });

  it("names what is wrong", () => {
    expect(checkOrder(req(4550, 10_000_000), 100, 0, 50)).toMatchObject({ ok: false, reason: expect.stringMatching(/0.455 is off the tick grid 0.01/) });
    expect(checkOrder(req(0, 10_000_000), 100, 0, 50)).toMatchObject({ ok: false, reason: expect.stringMatching(/outside \[0.01, 0.99\]/) });
    expect(checkOrder(req(4500, 10_005_000), 100, 0, 50)).toMatchObject({ ok: false, reason: expect.stringMatching(/multiple of 0.01 shares/) });
    expect(checkOrder(req(4500, 4_000_000), 100, 0, 50)).toMatchObject({ ok: false, reason: expect.stringMatching(/below the market's minimum 5/) });
    expect(checkOrder(req(4500, 10_000_000, { type: "FAK" }), 100, 0, 50)).toMatchObject({ ok: false, reason: expect.stringMatching(/FAK is not placed/) });
    expect(checkOrder(req(4500, 10_000_000, { type: "GTD" }), 100, 0, 50)).toMatchObject({ ok: false, reason: expect.stringMatching(/needs an expiration/) });
    expect(checkOrder(req(5000, 100_000_000), 100, 10_000_000, 50)).toMatchObject({ ok: false, reason: expect.stringMatching(/\$60.00 would rest.*\$50.00/) });
  });

  it("never lets resting notional pass the cap (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 5, max: 2000 })), { maxLength: 30 }), fc.integer({ min: 1, max: 200 }), (orders, cap) => {
        const resting: { price: number; size: number; filled: number }[] = [];
        for (const [cents, shares] of orders) {
          const r = req(cents * 100, shares * 1_000_000);
          if (checkOrder(r, 100, restingNotional(resting), cap).ok) resting.push({ price: r.price, size: r.size, filled: 0 });
        }
        expect(restingNotional(resting)).toBeLessThanOrEqual(cap * 1_000_000);
      }),
    );
  });

  it("counts only the unfilled part of resting orders", () => {
    expect(restingNotional([{ price: 5000, size: 10_000_000, filled: 4_000_000 }])).toBe(notional(5000, 6_000_000));
  });
});
