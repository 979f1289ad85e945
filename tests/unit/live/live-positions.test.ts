// Live positions and cash from fills (confirmed vs pending) and the balance check, with properties.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkBalance, liveAccount } from "../../../src/adapters/gateway/live/live-positions.js";
import type { Fill } from "../../../src/ports/order-gateway.js";

const fill = (o: Partial<Fill>): Fill => ({ id: "f", orderId: "o", market: "m", tokenId: "t", outcome: "YES", side: "BUY", price: 4000, size: 10_000_000, fee: 0, liquidity: "maker", ts: 0, status: "CONFIRMED", ...o });

describe("liveAccount", () => {
  it("splits confirmed and pending shares and cash", () => {
    const a = liveAccount([fill({}), fill({ side: "SELL", price: 4500, size: 4_000_000, status: "MATCHED" })]);
    expect(a.positions).toEqual([{ tokenId: "t", market: "m", outcome: "YES", shares: 10_000_000, pendingShares: -4_000_000 }]);
    expect(a.cashFlow).toBe(-4_000_000);
    expect(a.pendingCashFlow).toBe(1_800_000);
    expect(a.pendingFills).toBe(1);
  });

  it("accepts the balance at either settlement convention and reports anything else", () => {
    const a = liveAccount([fill({}), fill({ status: "MATCHED" })]);
    expect(checkBalance(100_000_000, a, 96_000_000).ok).toBe(true);
    expect(checkBalance(100_000_000, a, 92_000_000).ok).toBe(true);
    expect(checkBalance(100_000_000, a, 90_000_000)).toMatchObject({ ok: false, detail: expect.stringMatching(/\$90.00.*\$96.00.*\$92.00 with 1 pending/) });
  });

  it("shares and cash add up: buying then selling the same size at the same price nets to zero (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 10_000 }), fc.boolean()), { maxLength: 20 }), (legs) => {
        const fills = legs.flatMap(([price, cents, confirmed]) => {
          const status = confirmed ? "CONFIRMED" : "MATCHED";
          return [fill({ price, size: cents * 10_000, status }), fill({ side: "SELL", price, size: cents * 10_000, status })];
        });
        const a = liveAccount(fills);
        expect(a.cashFlow + a.pendingCashFlow).toBe(0);
        for (const p of a.positions) expect(p.shares + p.pendingShares).toBe(0);
      }),
    );
  });
});
