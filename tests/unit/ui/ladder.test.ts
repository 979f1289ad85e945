// The ladder: book levels merged with our orders in YES terms (NO orders mirrored).
import { describe, expect, it } from "vitest";
import { buildLadder, yesTermsOf } from "../../../src/ui/ladder.js";
import { market, marketSnapshot, snapshot } from "./fixtures.js";

describe("ladder", () => {
  it("maps NO orders onto the YES ladder as mirrors", () => {
    expect(yesTermsOf({ outcome: "YES", side: "BUY", price: 5200 })).toEqual({ side: "bid", price: 5200 });
    expect(yesTermsOf({ outcome: "YES", side: "SELL", price: 5400 })).toEqual({ side: "ask", price: 5400 });
    expect(yesTermsOf({ outcome: "NO", side: "BUY", price: 4600 })).toEqual({ side: "ask", price: 5400 });
    expect(yesTermsOf({ outcome: "NO", side: "SELL", price: 4800 })).toEqual({ side: "bid", price: 5200 });
  });

  it("marks our size at the book's levels and orders the sides for display", () => {
    const info = market();
    const snap = snapshot(info);
    const ladder = buildLadder(snap.markets[0], snap.openOrders, 5);
    expect(ladder.bids.map((r) => [r.price, r.ours])).toEqual([
      [5200, 10_000_000],
      [5100, 0],
      [5000, 0],
    ]);
    // Asks read top-down: the best ask is last.
    expect(ladder.asks.map((r) => [r.price, r.ours])).toEqual([
      [5500, 0],
      [5400, 10_000_000],
    ]);
    expect(ladder.maxSize).toBe(1_000_000_000);
  });

  it("shows a dry-run order at a price the book does not have, and ignores other markets and filled orders", () => {
    const info = market();
    const snap = marketSnapshot(info);
    const base = snapshot(info).openOrders[0];
    const orders = [
      { ...base, id: "a", price: 5300 },
      { ...base, id: "b", market: "0xother", price: 5250 },
      { ...base, id: "c", price: 5150, filled: base.size },
      { ...base, id: "d", price: 5300, size: 4_000_000 },
    ];
    const ladder = buildLadder(snap, orders, 2);
    expect(ladder.bids.map((r) => [r.price, r.size, r.ours])).toEqual([
      [5300, 0, 14_000_000],
      [5200, 150_000_000, 0],
    ]);
  });
});
