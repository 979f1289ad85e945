// The dry-run gateway's placement checks match the exchange's: tick grid, [tick, 1 - tick], 0.01-share sizes, min size, collateral.
import { describe, expect, it } from "vitest";
import { rejectReason } from "../../../src/adapters/gateway/dry-run/order-checks.js";
import type { OrderRequest } from "../../../src/ports/order-gateway.js";
import { market } from "../../unit/quoting/market-fixture.js";

const S = 1_000_000;
const plenty = { freeCash: 1_000_000 * S, freeShares: 1_000 * S };
const req = (over: Partial<OrderRequest> = {}): OrderRequest => ({ clientId: "c", market: market(), tokenId: "111", outcome: "YES", side: "BUY", price: 5000, size: 10 * S, type: "GTC", postOnly: true, ...over });

describe("dry-run order checks", () => {
  it("accepts prices at exactly tick and 1 - tick, and rejects 0 and 1", () => {
    expect(rejectReason(req({ price: 100 }), plenty)).toBeNull();
    expect(rejectReason(req({ price: 9900 }), plenty)).toBeNull();
    expect(rejectReason(req({ price: 0 }), plenty)).toMatch(/MIN_TICK_SIZE/);
    expect(rejectReason(req({ price: 10_000 }), plenty)).toMatch(/MIN_TICK_SIZE/);
    expect(rejectReason(req({ price: 5050 }), plenty)).toMatch(/MIN_TICK_SIZE/);
  });

  it("rejects a size that is not a whole number of hundredths of a share", () => {
    expect(rejectReason(req({ size: 10_010_000 }), plenty)).toBeNull();
    expect(rejectReason(req({ size: 10_005_000 }), plenty)).toMatch(/0\.01/);
    expect(rejectReason(req({ side: "SELL", size: 7_123_456 }), plenty)).toMatch(/0\.01/);
  });

  it("rejects sizes below the market minimum and collateral shortfalls", () => {
    expect(rejectReason(req({ size: 4_990_000 }), plenty)).toMatch(/MIN_SIZE/);
    expect(rejectReason(req({ size: 10 * S }), { freeCash: 4_999_999, freeShares: 0 })).toMatch(/NOT_ENOUGH_BALANCE/);
    expect(rejectReason(req({ size: 10 * S }), { freeCash: 5 * S, freeShares: 0 })).toBeNull();
  });
});
