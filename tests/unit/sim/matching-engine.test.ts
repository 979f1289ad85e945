// The sim matching engine: price-time priority, NO orders on the YES book, mints, fills in each order's own token, Polymarket's rejections.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MatchingEngine, type BookUpdate } from "../../../src/sim/matching/matching-engine.js";
import type { SimMarketMeta, SimOrderInput } from "../../../src/sim/context.js";

const META: SimMarketMeta = { conditionId: "0xc", yesTokenId: "111", noTokenId: "222", tickSize: 100, minSize: 5_000_000, negRisk: false };
const S = 1_000_000;

function engine(meta: SimMarketMeta = META) {
  let n = 0;
  const updates: BookUpdate[] = [];
  const e = new MatchingEngine({
    marketOfToken: (t) => (t === meta.yesTokenId || t === meta.noTokenId ? { meta, open: true } : undefined),
    now: () => 1_700_000_000_000,
    nextTradeId: () => `t${++n}`,
  });
  e.onBookUpdate((u) => updates.push(u));
  return { e, updates };
}

let seq = 0;
const order = (o: Partial<SimOrderInput>): SimOrderInput => ({
  orderId: `o${++seq}`,
  owner: "alice",
  tokenId: META.yesTokenId,
  side: "BUY",
  price: 5000,
  size: 10 * S,
  type: "GTC",
  postOnly: false,
  expiration: 0,
  ...o,
});

describe("MatchingEngine", () => {
  it("fills resting orders best price first, then oldest first at a price", () => {
    const { e } = engine();
    const a = e.place(order({ side: "SELL", price: 5200, owner: "a" }));
    const b = e.place(order({ side: "SELL", price: 5100, owner: "b" }));
    const c = e.place(order({ side: "SELL", price: 5100, owner: "c" }));
    const taker = e.place(order({ side: "BUY", price: 5200, size: 25 * S, owner: "t" }));
    expect(taker.ok).toBe(true);
    if (!taker.ok || !a.ok || !b.ok || !c.ok) return;
    expect(taker.matches.map((m) => [m.makerOwner, m.size, m.maker.price])).toEqual([
      ["b", 10 * S, 5100],
      ["c", 10 * S, 5100],
      ["a", 5 * S, 5200],
    ]);
    expect(taker.order.status).toBe("matched");
    expect(e.order(a.order.orderId)?.filled).toBe(5 * S);
    expect(e.openOrders("a")).toHaveLength(1);
    expect(e.openOrders("b")).toHaveLength(0);
  });

  it("maps a BUY of NO at q onto the YES book as a SELL at 1-q and reports fills in each order's own token", () => {
    const { e, updates } = engine();
    e.place(order({ tokenId: META.noTokenId, side: "BUY", price: 4000, owner: "no-buyer" }));
    expect(updates.at(-1)?.changes).toEqual([{ side: "SELL", price: 6000, size: 10 * S }]);
    const taker = e.place(order({ side: "BUY", price: 6000, size: 6 * S, owner: "yes-buyer", type: "FAK" }));
    if (!taker.ok) throw new Error(taker.message);
    const [m] = taker.matches;
    // A YES buyer meeting a NO buyer is a mint: each pays their own price, 0.60 + 0.40 = $1.
    expect(m.taker).toEqual({ tokenId: META.yesTokenId, side: "BUY", price: 6000 });
    expect(m.maker).toEqual({ tokenId: META.noTokenId, side: "BUY", price: 4000 });
  });

  it("crosses a BUY YES at p with a BUY NO at q when p + q >= 1", () => {
    const { e } = engine();
    e.place(order({ side: "BUY", price: 5500, owner: "y" }));
    const no = e.place(order({ tokenId: META.noTokenId, side: "BUY", price: 4600, owner: "n", size: 3 * S + 5 * S }));
    if (!no.ok) throw new Error(no.message);
    expect(no.matches[0].maker).toEqual({ tokenId: META.yesTokenId, side: "BUY", price: 5500 });
    expect(no.matches[0].taker).toEqual({ tokenId: META.noTokenId, side: "BUY", price: 4500 });
  });

  it("answers Polymarket's error codes for tick, bounds, size, post-only and FOK", () => {
    const { e } = engine();
    e.place(order({ side: "SELL", price: 5100 }));
    const code = (o: Partial<SimOrderInput>) => {
      const r = e.place(order(o));
      return r.ok ? "ok" : r.code;
    };
    expect(code({ price: 5050 })).toBe("INVALID_ORDER_MIN_TICK_SIZE");
    expect(code({ price: 0 })).toBe("INVALID_ORDER_MIN_TICK_SIZE");
    expect(code({ price: 10_000 })).toBe("INVALID_ORDER_MIN_TICK_SIZE");
    expect(code({ size: 4_990_000 })).toBe("INVALID_ORDER_MIN_SIZE");
    expect(code({ price: 5100, postOnly: true })).toBe("INVALID_POST_ONLY_ORDER");
    expect(code({ tokenId: META.noTokenId, side: "SELL", price: 4900, postOnly: true })).toBe("INVALID_POST_ONLY_ORDER");
    expect(code({ price: 5100, type: "FOK", postOnly: true })).toBe("INVALID_POST_ONLY_ORDER_TYPE");
    expect(code({ price: 5100, type: "FOK", size: 11 * S })).toBe("FOK_ORDER_NOT_FILLED_ERROR");
    expect(code({ tokenId: "999" })).toBe("INVALID_ORDER_ERROR");
    expect(code({ price: 5000, postOnly: true })).toBe("ok");
  });

  it("cancels a live order once, telling cancel listeners and publishing the level", () => {
    const { e, updates } = engine();
    const cancelled: string[] = [];
    e.onCancel((o) => cancelled.push(o.orderId));
    const r = e.place(order({ price: 4800 }));
    if (!r.ok) throw new Error(r.message);
    expect(e.cancel(r.order.orderId)?.status).toBe("canceled");
    expect(e.cancel(r.order.orderId)).toBeNull();
    expect(cancelled).toEqual([r.order.orderId]);
    expect(updates.at(-1)?.changes).toEqual([{ side: "BUY", price: 4800, size: 0 }]);
  });

  it("expires GTD orders whose expiration has passed", () => {
    const { e } = engine();
    const r = e.place(order({ type: "GTD", expiration: 1_700_000_100 }));
    if (!r.ok) throw new Error(r.message);
    e.expire(1_700_000_099);
    expect(e.order(r.order.orderId)?.status).toBe("live");
    e.expire(1_700_000_100);
    expect(e.order(r.order.orderId)?.status).toBe("canceled");
  });

  it("keeps a consistent, uncrossed book whatever orders arrive (property)", () => {
    const arbOrder = fc.record({
      yes: fc.boolean(),
      side: fc.constantFrom("BUY" as const, "SELL" as const),
      price: fc.integer({ min: 1, max: 99 }).map((c) => c * 100),
      size: fc.integer({ min: 500, max: 5000 }).map((c) => c * 10_000),
      type: fc.constantFrom("GTC" as const, "FAK" as const, "FOK" as const),
      cancel: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(arbOrder, { maxLength: 60 }), (ops) => {
        const { e } = engine();
        const placed: string[] = [];
        let matched = 0;
        let takerFilled = 0;
        for (const op of ops) {
          if (op.cancel % 5 === 0 && placed.length > 0) e.cancel(placed[op.cancel % placed.length]);
          const r = e.place(order({ tokenId: op.yes ? META.yesTokenId : META.noTokenId, side: op.side, price: op.price, size: op.size, type: op.type, owner: "p" }));
          if (!r.ok) continue;
          placed.push(r.order.orderId);
          for (const m of r.matches) {
            matched += m.size;
            // Each side sees its own token's price; the YES-terms prices agree.
            const yesOf = (x: { tokenId: string; price: number }) => (x.tokenId === META.yesTokenId ? x.price : 10_000 - x.price);
            expect(yesOf(m.taker)).toBe(yesOf(m.maker));
          }
          takerFilled += r.order.filled;
          const book = e.book(META.conditionId);
          const bid = book.bids.best()?.price ?? 0;
          const ask = book.asks.best()?.price ?? 10_000;
          expect(bid).toBeLessThan(ask);
          for (const side of [book.bids, book.asks])
            for (const level of side.levels) expect(level.total).toBe(level.queue.reduce((s, q) => s + q.remaining, 0));
        }
        expect(matched).toBe(takerFilled);
      }),
      { numRuns: 150 },
    );
  });
});
