// Accounting: examples and the identities that must hold across random fill sequences (equity, P&L, pairs, resolution).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyFill, applyResolution, avgCostOf, emptyPortfolio, mergePairs, reverseFill, type Portfolio, type PortfolioFill } from "../../../src/domain/accounting/portfolio.js";
import { value, valueAt, type Marks } from "../../../src/domain/accounting/valuation.js";
import { reservedCash, reservedShares } from "../../../src/domain/accounting/reservations.js";

const S = 1_000_000;
const USD = 1_000_000;
const START = 10_000 * USD;

const buy = (tokenId: string, outcome: "YES" | "NO", price: number, size: number, fee = 0): PortfolioFill => ({ market: "m", tokenId, outcome, side: "BUY", price, size, fee });
const sell = (tokenId: string, outcome: "YES" | "NO", price: number, size: number, fee = 0): PortfolioFill => ({ market: "m", tokenId, outcome, side: "SELL", price, size, fee });

/** A random fill sequence that never sells more than it holds (sizes on the exchange's 0.01-share grid). */
const fills = fc
  .array(
    fc.record({
      token: fc.constantFrom("yes", "no"),
      side: fc.constantFrom("BUY" as const, "SELL" as const),
      price: fc.integer({ min: 1, max: 9999 }),
      hundredths: fc.integer({ min: 1, max: 100_000 }),
      fee: fc.integer({ min: 0, max: 50_000 }),
    }),
    { maxLength: 40 },
  )
  .map((steps) => {
    const held: Record<string, number> = { yes: 0, no: 0 };
    const out: PortfolioFill[] = [];
    for (const s of steps) {
      let size = s.hundredths * 10_000;
      if (s.side === "SELL") size = Math.min(size, held[s.token]);
      if (size === 0) continue;
      held[s.token] += s.side === "BUY" ? size : -size;
      out.push({ market: "m", tokenId: s.token, outcome: s.token === "yes" ? "YES" : "NO", side: s.side, price: s.price, size, fee: s.fee });
    }
    return out;
  });

const marks = fc.record({
  yes: fc.record({ mid: fc.option(fc.integer({ min: 0, max: 20_000 }).map((x) => x / 2), { nil: null }), bid: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }) }),
  no: fc.record({ mid: fc.option(fc.integer({ min: 0, max: 20_000 }).map((x) => x / 2), { nil: null }), bid: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }) }),
});

const run = (list: PortfolioFill[]): Portfolio => list.reduce(applyFill, emptyPortfolio(START));

describe("portfolio", () => {
  it("buys, sells and realizes against the average cost", () => {
    let p = emptyPortfolio(START);
    p = applyFill(p, buy("yes", "YES", 5000, 10 * S));
    p = applyFill(p, buy("yes", "YES", 6000, 10 * S));
    expect(avgCostOf(p.positions.yes)).toBe(550_000);
    p = applyFill(p, sell("yes", "YES", 7000, 5 * S, 10_000));
    expect(p.realized).toBe(5 * 150_000);
    expect(p.fees).toBe(10_000);
    expect(p.cash).toBe(START - 11 * USD + 3.5 * USD - 10_000);
    expect(p.positions.yes.shares).toBe(15 * S);
    expect(() => applyFill(p, sell("yes", "YES", 5000, 16 * S))).toThrow(/no shorting/);
    p = applyFill(p, sell("yes", "YES", 5000, 15 * S));
    expect(p.positions.yes).toBeUndefined();
    expect(p.fills).toBe(4);
  });

  it("values a YES+NO pair at exactly $1 whatever the marks", () => {
    let p = emptyPortfolio(START);
    p = applyFill(p, buy("yes", "YES", 6000, 10 * S));
    p = applyFill(p, buy("no", "NO", 3000, 10 * S));
    const v = value(p, { yes: { mid: 9000, bid: 100 }, no: { mid: 9000, bid: 100 } });
    expect(v.positionsValue).toBe(10 * USD);
    expect(v.liquidationValue).toBe(10 * USD);
    expect(v.unrealized).toBe(1 * USD);
  });

  it("marks at the midpoint and liquidates at the best bid", () => {
    const p = applyFill(emptyPortfolio(START), buy("yes", "YES", 5000, 10 * S));
    const v = value(p, { yes: { mid: 5150.5, bid: 5100 } });
    expect(v.positionsValue).toBe(5_150_500);
    expect(v.liquidationValue).toBe(5_100_000);
    expect(v.unrealized).toBe(150_500);
    expect(value(p, {}).unrealized).toBe(0); // unmarked: carried at cost
  });

  it("equity = cash + shares x mark, and total P&L = equity - starting cash, across random fills", () => {
    fc.assert(
      fc.property(fills, marks, (list, m: Marks) => {
        const p = run(list);
        const v = value(p, m);
        const pairs = Math.min(p.positions.yes?.shares ?? 0, p.positions.no?.shares ?? 0);
        let expected = p.cash + pairs;
        for (const t of ["yes", "no"]) {
          const pos = p.positions[t];
          if (!pos) continue;
          const rest = pos.shares - pairs;
          const mid = m[t]?.mid ?? null;
          expected += mid === null ? (rest === pos.shares ? pos.cost : Math.round((pos.cost * rest) / pos.shares)) : valueAt(mid, rest);
        }
        return v.equity === expected && v.total === v.equity - START && v.realized + v.unrealized - v.fees === v.total;
      }),
    );
  });

  it("cash moves by exactly the signed notional and fees of the fills", () => {
    fc.assert(
      fc.property(fills, (list) => {
        const p = run(list);
        let cash = START;
        for (const f of list) cash += (f.side === "BUY" ? -1 : 1) * Math.round((f.price * f.size) / 10_000) - f.fee;
        return p.cash === cash && Object.values(p.positions).every((x) => x.shares > 0 && x.cost >= 0);
      }),
    );
  });

  it("merging pairs never changes equity (on marked positions; unmarked ones carry at cost)", () => {
    const known = fc.record({ mid: fc.integer({ min: 0, max: 20_000 }).map((x) => x / 2), bid: fc.integer({ min: 0, max: 10_000 }) });
    fc.assert(
      fc.property(fills, fc.record({ yes: known, no: known }), fc.double({ min: 0, max: 1, noNaN: true }), (list, m: Marks, frac) => {
        const p = run(list);
        const pairs = Math.min(p.positions.yes?.shares ?? 0, p.positions.no?.shares ?? 0);
        if (pairs === 0) return true;
        const k = Math.max(1, Math.floor(pairs * frac));
        const merged = mergePairs(p, "yes", "no", k);
        const a = value(p, m);
        const b = value(merged, m);
        return a.equity === b.equity && a.total === b.total && merged.cash === p.cash + k;
      }),
    );
  });

  it("resolution pays $1 a winning share, closes the market, and keeps total = equity - start", () => {
    fc.assert(
      fc.property(fills, fc.constantFrom("yes", "no"), (list, winner) => {
        const p = run(list);
        const r = applyResolution(p, "m", winner);
        const v = value(r, {});
        return (
          Object.keys(r.positions).length === 0 &&
          r.cash === p.cash + (p.positions[winner]?.shares ?? 0) &&
          v.equity === r.cash &&
          v.total === r.cash - START
        );
      }),
    );
  });

  it("reversing a fill restores the account exactly", () => {
    fc.assert(
      fc.property(fills, (list) => {
        if (list.length === 0) return true;
        const before = run(list.slice(0, -1));
        const last = list[list.length - 1];
        const after = reverseFill(applyFill(before, last), last);
        return after.cash === before.cash && after.fees === before.fees && after.fills === before.fills && (after.positions[last.tokenId]?.shares ?? 0) === (before.positions[last.tokenId]?.shares ?? 0);
      }),
    );
  });

  it("reserves cash for BUYs and shares for SELLs", () => {
    const orders = [
      { tokenId: "yes", side: "BUY" as const, price: 5000, size: 10 * S, filled: 4 * S },
      { tokenId: "yes", side: "SELL" as const, price: 6000, size: 3 * S, filled: 1 * S },
      { tokenId: "no", side: "SELL" as const, price: 6000, size: 3 * S, filled: 0 },
    ];
    expect(reservedCash(orders)).toBe(3 * USD);
    expect(reservedShares(orders, "yes")).toBe(2 * S);
    expect(reservedShares(orders, "no")).toBe(3 * S);
  });
});
