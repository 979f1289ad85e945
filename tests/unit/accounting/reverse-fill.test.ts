// Undoing a fill that failed on chain restores the account as if the fill had never happened: no P&L is made up.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyFill, emptyPortfolio, reverseFill, type Portfolio, type PortfolioFill } from "../../../src/domain/accounting/portfolio.js";

const S = 1_000_000;
const START = 1_000 * S;
const fill = (side: "BUY" | "SELL", price: number, size: number, fee = 0): PortfolioFill => ({ market: "m", tokenId: "yes", outcome: "YES", side, price, size, fee });

describe("reverseFill", () => {
  it("undoing a BUY at another price than the earlier one realizes nothing", () => {
    const before = applyFill(emptyPortfolio(START), fill("BUY", 4000, 10 * S));
    const failed = fill("BUY", 6000, 10 * S, 12_000);
    const after = reverseFill(applyFill(before, failed), failed);
    expect(after).toEqual(before);
  });

  it("undoing a partial SELL puts the shares back at their cost and takes back its realized P&L", () => {
    const before = applyFill(emptyPortfolio(START), fill("BUY", 4000, 10 * S));
    const failed = fill("SELL", 6000, 4 * S);
    const after = reverseFill(applyFill(before, failed), failed);
    expect(after).toEqual(before);
  });

  it("apply then reverse is the identity for any BUY, on any prior position (property)", () => {
    const arb = fc.record({
      held: fc.integer({ min: 0, max: 10_000 }).map((h) => h * 10_000),
      heldPrice: fc.integer({ min: 1, max: 9999 }),
      price: fc.integer({ min: 1, max: 9999 }),
      size: fc.integer({ min: 1, max: 10_000 }).map((h) => h * 10_000 + (h % 7)),
      fee: fc.integer({ min: 0, max: 50_000 }),
    });
    fc.assert(
      fc.property(arb, (a) => {
        const before: Portfolio = a.held > 0 ? applyFill(emptyPortfolio(START), fill("BUY", a.heldPrice, a.held)) : emptyPortfolio(START);
        const f = fill("BUY", a.price, a.size, a.fee);
        expect(reverseFill(applyFill(before, f), f)).toEqual(before);
      }),
    );
  });

  it("apply then reverse of a SELL that leaves shares restores P&L to within its rounding, and realized - cost exactly (property)", () => {
    const arb = fc.record({
      held: fc.integer({ min: 2, max: 10_000 }).map((h) => h * 10_000),
      heldPrice: fc.integer({ min: 1, max: 9999 }),
      price: fc.integer({ min: 1, max: 9999 }),
      part: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
    });
    fc.assert(
      fc.property(arb, (a) => {
        const before = applyFill(emptyPortfolio(START), fill("BUY", a.heldPrice, a.held));
        const size = Math.max(1, Math.floor(a.held * a.part));
        const f = fill("SELL", a.price, size);
        const after = reverseFill(applyFill(before, f), f);
        expect(after.cash).toBe(before.cash);
        expect(after.positions.yes.shares).toBe(before.positions.yes.shares);
        // The cost that left was rounded once (|e| <= 0.5); re-deriving it from what remains scales that by held / remaining.
        const bound = 0.5 * (a.held / (a.held - size)) + 0.5;
        expect(Math.abs(after.realized - before.realized)).toBeLessThanOrEqual(bound);
        expect(after.realized - after.positions.yes.cost).toBe(before.realized - before.positions.yes.cost);
      }),
    );
  });
});
