// OrderBook: examples, and random snapshots and delta sequences checked against a brute-force reference book.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OrderBook } from "../../../src/domain/book/order-book.js";
import type { Level } from "../../../src/domain/events.js";
import type { Side } from "../../../src/domain/market.js";

/** The obvious book: a map per side, rescanned for every question. */
class ReferenceBook {
  readonly bids = new Map<number, number>();
  readonly asks = new Map<number, number>();
  constructor(public tick: number) {}
  snapshot(bids: Level[], asks: Level[]): void {
    this.bids.clear();
    this.asks.clear();
    for (const l of bids) this.set("BUY", l.price, l.size);
    for (const l of asks) this.set("SELL", l.price, l.size);
  }
  set(side: Side, price: number, size: number): void {
    const m = side === "BUY" ? this.bids : this.asks;
    if (size === 0) m.delete(price);
    else m.set(price, size);
  }
  sorted(side: Side): Level[] {
    const m = side === "BUY" ? this.bids : this.asks;
    const levels = [...m].map(([price, size]) => ({ price, size }));
    return levels.sort((a, b) => (side === "BUY" ? b.price - a.price : a.price - b.price));
  }
  best(side: Side): Level | null {
    return this.sorted(side)[0] ?? null;
  }
  sizeWithin(side: Side, ticks: number): number {
    const best = this.best(side);
    if (best === null) return 0;
    const span = ticks * this.tick;
    return this.sorted(side)
      .filter((l) => Math.abs(l.price - best.price) <= span)
      .reduce((s, l) => s + l.size, 0);
  }
  adjustedMid(minSize: number): number | null {
    const bid = this.sorted("BUY").find((l) => l.size >= minSize);
    const ask = this.sorted("SELL").find((l) => l.size >= minSize);
    return bid && ask ? (bid.price + ask.price) / 2 : null;
  }
}

function expectSame(book: OrderBook, ref: ReferenceBook, n: number, ticks: number, minSize: number): void {
  const bb = ref.best("BUY");
  const ba = ref.best("SELL");
  expect(book.bestBid()).toBe(bb?.price ?? null);
  expect(book.bestAsk()).toBe(ba?.price ?? null);
  expect(book.levelCount("BUY")).toBe(ref.bids.size);
  expect(book.levelCount("SELL")).toBe(ref.asks.size);
  expect(book.depth("BUY", n)).toEqual(ref.sorted("BUY").slice(0, n));
  expect(book.depth("SELL", n)).toEqual(ref.sorted("SELL").slice(0, n));
  expect(book.midpoint()).toBe(bb && ba ? (bb.price + ba.price) / 2 : null);
  expect(book.spread()).toBe(bb && ba ? ba.price - bb.price : null);
  expect(book.microprice()).toBe(bb && ba ? (bb.price * ba.size + ba.price * bb.size) / (bb.size + ba.size) : null);
  expect(book.sizeWithin("BUY", ticks)).toBe(ref.sizeWithin("BUY", ticks));
  expect(book.sizeWithin("SELL", ticks)).toBe(ref.sizeWithin("SELL", ticks));
  expect(book.sizeAdjustedMidpoint(minSize)).toBe(ref.adjustedMid(minSize));
}

const TICKS = [1, 10, 25, 50, 100, 1000];
const level = (tick: number) =>
  fc.record({
    price: fc.integer({ min: 1, max: Math.floor(9999 / tick) }).map((k) => k * tick),
    size: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5_000_000_000 })),
  });

const scenario = fc.constantFrom(...TICKS).chain((tick) =>
  fc.record({
    tick: fc.constant(tick),
    // Now and then a snapshot level off the tick grid too (the book refines its grid while loading).
    bids: fc.array(fc.oneof({ weight: 19, arbitrary: level(tick) }, { weight: 1, arbitrary: level(1) }), { maxLength: 30 }),
    asks: fc.array(fc.oneof({ weight: 19, arbitrary: level(tick) }, { weight: 1, arbitrary: level(1) }), { maxLength: 30 }),
    deltas: fc.array(
      fc.record({
        side: fc.constantFrom<Side>("BUY", "SELL"),
        level: fc.oneof({ weight: 9, arbitrary: level(tick) }, { weight: 1, arbitrary: level(1) }), // now and then a level off the tick grid
      }),
      { maxLength: 60 },
    ),
    n: fc.integer({ min: 0, max: 12 }),
    ticks: fc.integer({ min: 0, max: 20 }),
    minSize: fc.integer({ min: 0, max: 3_000_000_000 }),
  }),
);

describe("OrderBook against a brute-force reference", () => {
  it("agrees on best bid/ask, depth, mid, spread, microprice, size within k ticks and the size-adjusted mid after every delta", () => {
    fc.assert(
      fc.property(scenario, ({ tick, bids, asks, deltas, n, ticks, minSize }) => {
        const book = new OrderBook("T", tick);
        const ref = new ReferenceBook(tick);
        book.applySnapshot(bids, asks);
        ref.snapshot(bids, asks);
        expectSame(book, ref, n, ticks, minSize);
        for (const { side, level: l } of deltas) {
          const before = [ref.best("BUY"), ref.best("SELL")];
          const changed = book.applyDelta(side, l.price, l.size);
          ref.set(side, l.price, l.size);
          expect(changed).toBe(JSON.stringify(before) !== JSON.stringify([ref.best("BUY"), ref.best("SELL")]));
          expectSame(book, ref, n, ticks, minSize);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("leaves no level of an earlier snapshot or delta behind when a new snapshot replaces the book", () => {
    fc.assert(
      fc.property(scenario, scenario, (first, second) => {
        const book = new OrderBook("T", first.tick);
        book.applySnapshot(first.bids, first.asks);
        for (const { side, level: l } of first.deltas) book.applyDelta(side, l.price, l.size);
        book.applySnapshot(second.bids, second.asks, second.tick);
        const ref = new ReferenceBook(second.tick);
        ref.snapshot(second.bids, second.asks);
        expectSame(book, ref, second.n, second.ticks, second.minSize);
        for (let p = 1; p < 10_000; p++) {
          if (book.sizeAt("BUY", p) !== (ref.bids.get(p) ?? 0) || book.sizeAt("SELL", p) !== (ref.asks.get(p) ?? 0)) {
            throw new Error(`level ${p} differs after the second snapshot`);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("OrderBook examples", () => {
  const snap = (): OrderBook => {
    const book = new OrderBook("YES", 100);
    // Wire order: bids ascending, asks descending.
    book.applySnapshot(
      [
        { price: 4800, size: 10_000_000 },
        { price: 4900, size: 2_000_000 },
      ],
      [
        { price: 5200, size: 30_000_000 },
        { price: 5100, size: 5_000_000 },
      ],
    );
    return book;
  };

  it("reads the top and its measures", () => {
    const book = snap();
    expect(book.synced).toBe(true);
    expect([book.bestBid(), book.bestAsk(), book.spread(), book.midpoint()]).toEqual([4900, 5100, 200, 5000]);
    expect(book.microprice()).toBeCloseTo((4900 * 5 + 5100 * 2) / 7, 9);
    expect(book.sizeAdjustedMidpoint(5_000_000)).toBe((4800 + 5100) / 2);
    expect(book.sizeAdjustedMidpoint(50_000_000)).toBeNull();
    expect(book.sizeWithin("BUY", 1)).toBe(12_000_000);
    expect(book.sizeWithin("SELL", 0)).toBe(5_000_000);
    expect(book.depth("SELL", 5)).toEqual([
      { price: 5100, size: 5_000_000 },
      { price: 5200, size: 30_000_000 },
    ]);
  });

  it("reports top changes only when the best price or its size changes", () => {
    const book = snap();
    expect(book.applyDelta("BUY", 4800, 1_000_000)).toBe(false);
    expect(book.applyDelta("BUY", 4900, 3_000_000)).toBe(true);
    expect(book.applyDelta("BUY", 4900, 3_000_000)).toBe(false);
    expect(book.applyDelta("BUY", 4700, 0)).toBe(false);
    expect(book.applyDelta("SELL", 5000, 1_000_000)).toBe(true);
    expect(book.bestAsk()).toBe(5000);
    expect(book.applyDelta("SELL", 5000, 0)).toBe(true);
    expect(book.bestAsk()).toBe(5100);
  });

  it("empties a side and refills it", () => {
    const book = snap();
    book.applyDelta("BUY", 4900, 0);
    book.applyDelta("BUY", 4800, 0);
    expect([book.bestBid(), book.midpoint(), book.microprice(), book.levelCount("BUY")]).toEqual([null, null, null, 0]);
    expect(book.depth("BUY", 3)).toEqual([]);
    book.applyDelta("BUY", 100, 1);
    expect(book.bestBid()).toBe(100);
  });

  it("finds a level off the tick grid when the best above it empties", () => {
    const book = new OrderBook("T", 100);
    book.applySnapshot([{ price: 5000, size: 1 }], []);
    book.applyDelta("BUY", 4950, 7);
    book.applyDelta("BUY", 5000, 0);
    expect(book.bestBid()).toBe(4950);
  });

  it("starts an unsynced epoch on a tick size change", () => {
    const book = snap();
    book.newEpoch(10);
    expect([book.synced, book.epoch, book.tickSize, book.bestBid(), book.levelCount("SELL")]).toEqual([false, 1, 10, null, 0]);
    book.applySnapshot([{ price: 4990, size: 1 }], [{ price: 5010, size: 1 }]);
    expect([book.synced, book.spread()]).toEqual([true, 20]);
    book.invalidate();
    expect([book.synced, book.bestBid()]).toEqual([false, 4990]);
  });

  it("checks its top against a feed's best bid/ask (null: empty side)", () => {
    const book = snap();
    expect(book.topMatches(4900, 5100)).toBe(true);
    expect(book.topMatches(4900, 5200)).toBe(false);
    book.applyDelta("SELL", 5100, 0);
    book.applyDelta("SELL", 5200, 0);
    expect(book.topMatches(4900, null)).toBe(true);
  });

  it("rejects prices and sizes outside the grid with a clear error", () => {
    const book = snap();
    expect(() => book.applyDelta("BUY", 10_000, 1)).toThrow(/price 10000 pips/);
    expect(() => book.applyDelta("BUY", 0.5, 1)).toThrow(/whole number of pips/);
    expect(() => book.applyDelta("BUY", 100, -1)).toThrow(/size -1/);
    expect(() => new OrderBook("T", 0)).toThrow(/tick size 0/);
  });
});
