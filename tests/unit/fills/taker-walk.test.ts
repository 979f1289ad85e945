// A taker order walks the book up to its limit and pays the taker fee per level.
import { describe, expect, it } from "vitest";
import { takerFee, walkBook } from "../../../src/domain/fills/taker-walk.js";

const S = 1_000_000;

describe("taker walk", () => {
  it("walks asks best first up to the limit", () => {
    const asks = [
      { price: 5300, size: 10 * S },
      { price: 5400, size: 10 * S },
      { price: 5600, size: 10 * S },
    ];
    const fills = walkBook("BUY", 5400, 25 * S, asks, 0);
    expect(fills).toEqual([
      { price: 5300, size: 10 * S, fee: 0 },
      { price: 5400, size: 10 * S, fee: 0 },
    ]);
  });
  it("walks bids for a SELL down to the limit", () => {
    const bids = [
      { price: 5200, size: 3 * S },
      { price: 5100, size: 10 * S },
    ];
    expect(walkBook("SELL", 5100, 5 * S, bids, 0)).toEqual([
      { price: 5200, size: 3 * S, fee: 0 },
      { price: 5100, size: 2 * S, fee: 0 },
    ]);
  });
  it("charges rate x min(p, 1-p) x shares", () => {
    // 100 shares at 0.70, 200 bps: 0.02 x 0.30 x 100 = $0.60
    expect(takerFee(7000, 100 * S, 200)).toBe(600_000);
    expect(takerFee(3000, 100 * S, 200)).toBe(600_000);
    expect(takerFee(5000, 100 * S, 0)).toBe(0);
  });
});
