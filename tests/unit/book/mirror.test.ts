// YES/NO mirroring: a NO book read in YES terms, the combined top, and the real mirrored books of a capture.
import { describe, expect, it } from "vitest";
import { parseFrame } from "../../../src/adapters/polymarket/parse/parse-frame.js";
import { MirrorView, combinedTop, mirrorLevels, mirrorsAgree } from "../../../src/domain/book/mirror.js";
import { OrderBook } from "../../../src/domain/book/order-book.js";
import type { BookEvent } from "../../../src/domain/events.js";
import { receivedFrames } from "../../helpers/fixtures.js";

function bookOf(event: BookEvent): OrderBook {
  const book = new OrderBook(event.assetId, event.tickSize ?? 10);
  book.applySnapshot(event.bids, event.asks);
  return book;
}

describe("mirror", () => {
  it("reads a NO bid at 1-p as a YES ask at p", () => {
    const no = new OrderBook("NO", 100);
    no.applySnapshot([{ price: 3000, size: 5 }, { price: 3100, size: 7 }], [{ price: 3500, size: 9 }]);
    const asYes = new MirrorView(no);
    expect([asYes.bestBid(), asYes.bestAsk()]).toEqual([6500, 6900]);
    expect(asYes.depth("SELL", 2)).toEqual([
      { price: 6900, size: 7 },
      { price: 7000, size: 5 },
    ]);
    expect(asYes.sizeAt("BUY", 6500)).toBe(9);
    expect(asYes.levelCount("SELL")).toBe(2);
    expect(mirrorLevels([{ price: 1, size: 2 }])).toEqual([{ price: 9999, size: 2 }]);
  });

  it("combines a YES book with a NO book into the best YES-terms top", () => {
    const yes = new OrderBook("YES", 100);
    yes.applySnapshot([{ price: 6000, size: 1 }], [{ price: 7200, size: 1 }]);
    const no = new OrderBook("NO", 100);
    no.applySnapshot([{ price: 3100, size: 1 }], [{ price: 3900, size: 1 }]);
    expect(combinedTop(yes, no)).toEqual({ bestBid: 6100, bestAsk: 6900 });
    expect(combinedTop(yes, null)).toEqual({ bestBid: 6000, bestAsk: 7200 });
    expect(combinedTop(null, null)).toEqual({ bestBid: null, bestAsk: null });
    expect(mirrorsAgree(yes, no)).toBe(false);
  });

  it("finds the real YES and NO opening books mirrored exactly", () => {
    const [a, b] = parseFrame(receivedFrames("nslaughter/settled-subscription--repro.jsonl")[0]).events as BookEvent[];
    const yes = bookOf(a);
    const no = bookOf(b);
    expect(mirrorsAgree(yes, no)).toBe(true);
    expect(new MirrorView(no).depth("BUY", 20)).toEqual(yes.depth("BUY", 20));
    expect(new MirrorView(no).depth("SELL", 20)).toEqual(yes.depth("SELL", 20));
  });
});
