import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { computeQuotes } from "../../../src/domain/quoting/quote.js";
import { combinedTop } from "../../../src/domain/quoting/fair-value.js";
import { yesPrice, type DesiredOrder, type Inventory } from "../../../src/domain/quoting/desired-order.js";
import type { QuoteParams } from "../../../src/domain/quoting/params.js";
import { notional } from "../../../src/domain/units.js";
import { books, market, params, SH } from "./market-fixture.js";

const NOW = Date.parse("2026-01-01T00:00:00Z");
const TICKS = [10, 25, 50, 100, 1000];

const scenario = fc
  .record({
    tick: fc.constantFrom(...TICKS),
    bidIdx: fc.integer({ min: 1, max: 9998 }),
    spreadTicks: fc.integer({ min: 1, max: 20 }),
    depth: fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 500 })), { minLength: 1, maxLength: 6 }),
    askDepth: fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 500 })), { minLength: 1, maxLength: 6 }),
    yes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 150 })),
    no: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 150 })),
    avgYes: fc.integer({ min: 1, max: 9999 }),
    avgNo: fc.integer({ min: 1, max: 9999 }),
    p: fc.record({
      fairValue: fc.constantFrom("midpoint", "microprice", "size_adjusted"),
      halfSpreadTicks: fc.integer({ min: 1, max: 40 }).map((h) => h / 2),
      placement: fc.constantFrom("target", "join", "improve"),
      levels: fc.integer({ min: 1, max: 5 }),
      levelSpacingTicks: fc.integer({ min: 1, max: 5 }),
      orderSize: fc.integer({ min: 1, max: 20_000 }).map((c) => c * 10_000),
      levelSizeMultiplier: fc.double({ min: 0.1, max: 3, noNaN: true }),
      minPrice: fc.integer({ min: 1, max: 2000 }),
      maxPrice: fc.integer({ min: 8000, max: 9999 }),
      skewRiskFactor: fc.double({ min: 0, max: 5, noNaN: true }),
      maxSkewTicks: fc.integer({ min: 0, max: 50 }),
      rewardsMode: fc.boolean(),
      stopBeforeEndMs: fc.constant(0),
      maxPositionShares: fc.integer({ min: 5, max: 400 }).map((s) => s * SH),
      maxPositionUsd: fc.integer({ min: 5, max: 400 }).map((s) => s * SH),
    }) as fc.Arbitrary<QuoteParams>,
    reduce: fc.boolean(),
    maxSpreadCents: fc.double({ min: 0.5, max: 5, noNaN: true }),
    withNo: fc.boolean(),
  })
  .map((s) => {
    const bestBid = Math.max(s.tick, Math.floor(s.bidIdx / s.tick) * s.tick);
    const bestAsk = bestBid + s.spreadTicks * s.tick;
    return { ...s, bestBid, bestAsk };
  })
  .filter((s) => s.bestAsk <= 10_000 - s.tick);


type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function run(s: Scenario) {
  const bids: [number, number][] = s.depth.map(([d, sz]): [number, number] => [s.bestBid - d * s.tick, sz]).filter(([p]) => p >= s.tick);
  const asks: [number, number][] = s.askDepth.map(([d, sz]): [number, number] => [s.bestAsk + d * s.tick, sz]).filter(([p]) => p <= 10_000 - s.tick);
  bids.push([s.bestBid, 7]);
  asks.push([s.bestAsk, 9]);
  const { yes, no } = books(bids, asks, s.tick);
  const inv: Inventory = { yes: s.yes * SH, no: s.no * SH, yesCost: notional(s.avgYes, s.yes * SH), noCost: notional(s.avgNo, s.no * SH) };
  const m = market({ tickSize: s.tick, rewards: { maxSpreadCents: s.maxSpreadCents, minSize: 10 * SH, dailyRate: 0 } });
  const r = computeQuotes({ market: m, yes, no: s.withNo ? no : null, inventory: inv, params: s.p, mode: s.reduce ? "reduce" : "normal", now: NOW });
  return { r, yes, no, inv, m };
}

const sum = (orders: DesiredOrder[], f: (o: DesiredOrder) => boolean) => orders.filter(f).reduce((a, o) => a + o.size, 0);

describe("quoting properties", () => {
  it("generates scenarios that do quote (so the properties below are not vacuous)", () => {
    const samples = fc.sample(scenario, { numRuns: 300, seed: 7 });
    const quoted = samples.filter((s) => run(s).r.orders.length > 0).length;
    const twoSided = samples.filter((s) => new Set(run({ ...s, reduce: false }).r.orders.map((o) => o.quoteSide)).size === 2).length;
    expect(quoted).toBeGreaterThan(100);
    expect(twoSided).toBeGreaterThan(60);
  });

  it("never crosses, stays on the grid and in bounds, uses valid sizes", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { r, yes, no, m } = run(s);
        const top = combinedTop(yes, s.withNo ? no : null);
        const lo = Math.max(s.tick, Math.ceil(s.p.minPrice / s.tick) * s.tick);
        const hi = Math.min(10_000 - s.tick, Math.floor(s.p.maxPrice / s.tick) * s.tick);
        let maxBid = -1;
        let minAsk = 20_000;
        for (const o of r.orders) {
          const y = yesPrice(o);
          expect(o.price % s.tick).toBe(0);
          expect(o.price).toBeGreaterThanOrEqual(s.tick);
          expect(o.price).toBeLessThanOrEqual(10_000 - s.tick);
          expect(y).toBeGreaterThanOrEqual(lo);
          expect(y).toBeLessThanOrEqual(hi);
          expect(o.size).toBeGreaterThanOrEqual(m.minSize);
          expect(o.size % 10_000).toBe(0);
          if (o.quoteSide === "bid") {
            expect(y).toBeLessThan(top.ask!);
            maxBid = Math.max(maxBid, y);
          } else {
            expect(y).toBeGreaterThan(top.bid!);
            minAsk = Math.min(minAsk, y);
          }
          // In the token's own book: a BUY stays below its ask, a SELL above its bid.
          const book = o.outcome === "YES" ? yes : no;
          if (o.side === "BUY" && book.bestAsk() !== null) expect(o.price).toBeLessThan(book.bestAsk()!);
          if (o.side === "SELL" && book.bestBid() !== null) expect(o.price).toBeGreaterThan(book.bestBid()!);
        }
        expect(maxBid).toBeLessThan(minAsk);
      }),
      { numRuns: 400 },
    );
  });

  it("never sells more than is held, and a full fill of every quote keeps positions within limits", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { r, inv } = run(s);
        const p: QuoteParams = s.p;
        expect(sum(r.orders, (o) => o.outcome === "YES" && o.side === "SELL")).toBeLessThanOrEqual(inv.yes);
        expect(sum(r.orders, (o) => o.outcome === "NO" && o.side === "SELL")).toBeLessThanOrEqual(inv.no);
        for (const outcome of ["YES", "NO"] as const) {
          const buys = r.orders.filter((o) => o.outcome === outcome && o.side === "BUY");
          if (buys.length === 0) continue;
          const held = outcome === "YES" ? inv.yes : inv.no;
          const cost = outcome === "YES" ? inv.yesCost : inv.noCost;
          expect(held + buys.reduce((a, o) => a + o.size, 0)).toBeLessThanOrEqual(p.maxPositionShares);
          expect(cost + buys.reduce((a, o) => a + notional(o.price, o.size), 0)).toBeLessThanOrEqual(p.maxPositionUsd);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("in reduce mode a full fill moves net inventory toward zero without flipping it", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { r, inv } = run({ ...s, reduce: true });
        const net = inv.yes - inv.no;
        let after = net;
        for (const o of r.orders) after += ((o.outcome === "YES") === (o.side === "BUY") ? 1 : -1) * o.size;
        expect(Math.abs(after)).toBeLessThanOrEqual(Math.abs(net));
        expect(after * net).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});
