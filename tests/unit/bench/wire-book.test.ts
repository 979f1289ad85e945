// The generator's incremental book writes the same hash text as the domain's recipe (POLYMARKET.md section 2).
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WireBook } from "../../../src/bench/wire-book.js";
import { bookHashText } from "../../../src/domain/book/book-hash.js";
import { formatPrice, formatSize } from "../../../src/domain/units.js";

const meta = { market: "0xabc", assetId: "123", minOrderSize: "5", tickSize: "0.01", negRisk: true };
const sha1 = (text: string): string => createHash("sha1").update(text).digest("hex");

describe("WireBook", () => {
  it("keeps levels in wire order (best last) and hashes like the domain recipe after any changes", () => {
    const change = fc.record({ buy: fc.boolean(), price: fc.integer({ min: 1, max: 99 }), size: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1e6 })) });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 60 }), (changes) => {
        const book = new WireBook(meta);
        const sides = { BUY: new Map<number, number>(), SELL: new Map<number, number>() };
        for (const c of changes) {
          const side = c.buy ? "BUY" : "SELL";
          const price = c.price * 100;
          const size = c.size * 10_000;
          book.set(side, price, size);
          if (size === 0) sides[side].delete(price);
          else sides[side].set(price, size);
        }
        const raw = (side: "BUY" | "SELL") =>
          [...sides[side]].sort((a, b) => (side === "BUY" ? a[0] - b[0] : b[0] - a[0])).map(([p, s]) => ({ price: formatPrice(p), size: formatSize(s) }));
        const expected = sha1(bookHashText({ market: meta.market, assetId: meta.assetId, raw: { timestamp: "1700000000000", bids: raw("BUY"), asks: raw("SELL") } }, { ...meta, lastTradePrice: "0.5" }));
        expect(book.hash("1700000000000", "0.5")).toBe(expected);
        const bids = [...sides.BUY.keys()];
        const asks = [...sides.SELL.keys()];
        expect(book.bestBid()).toBe(bids.length ? Math.max(...bids) : null);
        expect(book.bestAsk()).toBe(asks.length ? Math.min(...asks) : null);
      }),
      { numRuns: 200 },
    );
  });
});
