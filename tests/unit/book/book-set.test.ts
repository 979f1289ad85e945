// BookSet: replaying each real capture gives the top checks an exact book must give; tick epochs and desync signals.
import { describe, expect, it } from "vitest";
import { parseFrame } from "../../../src/adapters/polymarket/parse/parse-frame.js";
import { BookSet, inferTickSize } from "../../../src/domain/book/book-set.js";
import type { MarketEvent, PriceChangeEvent } from "../../../src/domain/events.js";
import { CAPTURE_FILES, receivedFrames } from "../../helpers/fixtures.js";

function replay(file: string): { books: BookSet; checks: number; mismatches: number; unsynced: number } {
  const books = new BookSet();
  let checks = 0;
  let mismatches = 0;
  let unsynced = 0;
  for (const text of receivedFrames(file)) {
    for (const event of parseFrame(text).events) {
      if (event.type === "text" || event.type === "order" || event.type === "trade") continue;
      const r = books.apply(event);
      checks += r.topChecks;
      mismatches += r.topMismatches;
      unsynced += r.unsyncedDeltas;
    }
  }
  return { books, checks, mismatches, unsynced };
}

/** Expected per capture, worked out independently (a Decimal map book in Python): checks, mismatches, entries before any book. */
const EXPECTED: Record<(typeof CAPTURE_FILES)[number], [number, number, number]> = {
  "nslaughter/settled-subscription--repro.jsonl": [0, 0, 0],
  // A curated subset with frames missing: an exact book disagrees on 10 of its 12 checks.
  "nslaughter/stream-duplicates--long-run.jsonl": [12, 10, 32],
  "nslaughter/stream-idle-close--repro.jsonl": [0, 0, 0],
  "polybotv2/ws_market_frames_2025-12-23.jsonl": [2, 0, 0],
  "polybotv2/ws_user_order_placement_2025-12-23.jsonl": [0, 0, 0],
  "polybotv2/ws_user_trade_2025-12-23.jsonl": [0, 0, 0],
};

const change = (assetId: string, price: number, size: number, bestBid?: number | null, bestAsk?: number | null): PriceChangeEvent => ({
  type: "price_change",
  market: "m",
  timestamp: 1,
  legacy: false,
  changes: [{ assetId, price, size, side: "BUY", hash: null, bestBid, bestAsk }],
});

const snapshot = (assetId: string, tickSize: number | null): MarketEvent => ({
  type: "book",
  market: "m",
  assetId,
  timestamp: 1,
  hash: "",
  bids: [{ price: 4000, size: 1 }],
  asks: [{ price: 6000, size: 1 }],
  tickSize,
  lastTradePrice: null,
  raw: { timestamp: "1", bids: [], asks: [], tickSize: null, lastTradePrice: null },
});

describe("BookSet on real captures", () => {
  for (const file of CAPTURE_FILES) {
    it(`${file}: ${EXPECTED[file][0]} top checks, ${EXPECTED[file][1]} mismatches`, () => {
      const { checks, mismatches, unsynced } = replay(file);
      expect([checks, mismatches, unsynced]).toEqual(EXPECTED[file]);
    });
  }
  it("ends with the polybotv2 books at the tops the feed reported", () => {
    const { books } = replay("polybotv2/ws_market_frames_2025-12-23.jsonl");
    const up = books.book("25245433628208476987364023432306599125597948324625578977436890641930158259698");
    expect([up?.bestBid(), up?.bestAsk(), up?.tickSize]).toEqual([4900, 5000, 100]);
  });
});

describe("BookSet events", () => {
  it("reports top changes, checks and mismatches per event", () => {
    const books = new BookSet();
    expect(books.apply(snapshot("A", 100))).toMatchObject({ snapshots: ["A"], topChanged: ["A"] });
    expect(books.apply(change("A", 4100, 5, 4100, 6000))).toMatchObject({ topChanged: ["A"], topChecks: 1, topMismatches: 0, mismatched: [] });
    expect(books.apply(change("A", 3000, 5, 4000, 6000))).toMatchObject({ topChanged: [], topChecks: 1, topMismatches: 1, mismatched: ["A"] });
    expect(books.apply(change("A", 3000, 0))).toMatchObject({ topChecks: 0, topMismatches: 0 });
  });

  it("counts deltas for unknown tokens as unsynced, not as checks", () => {
    const books = new BookSet();
    expect(books.apply(change("B", 4100, 5, 4100, 6000))).toMatchObject({ unsyncedDeltas: 1, unsynced: ["B"], topChecks: 0 });
    expect(books.book("B")).toBeUndefined();
  });

  it("starts a new epoch on tick_size_change: unsynced until the next snapshot, which takes the new tick", () => {
    const books = new BookSet();
    books.apply(snapshot("A", 100));
    const report = books.apply({ type: "tick_size_change", market: "m", assetId: "A", oldTickSize: 100, newTickSize: 10, timestamp: 2 });
    expect(report.newEpochs).toEqual(["A"]);
    expect([books.book("A")?.synced, books.book("A")?.epoch]).toEqual([false, 1]);
    expect(books.apply(change("A", 4100, 5, 4100, 6000))).toMatchObject({ unsyncedDeltas: 1, topChecks: 0 });
    books.apply(snapshot("A", null));
    expect([books.book("A")?.synced, books.book("A")?.tickSize]).toEqual([true, 10]);
  });

  it("takes the tick from metadata, else infers it from the snapshot's grid", () => {
    const books = new BookSet();
    books.setTickSize("A", 10);
    books.apply(snapshot("A", null));
    books.apply(snapshot("B", null));
    expect([books.book("A")?.tickSize, books.book("B")?.tickSize]).toEqual([10, 1000]);
    expect(inferTickSize([{ price: 4010, size: 1 }], [{ price: 6000, size: 1 }])).toBe(10);
    expect(inferTickSize([], [])).toBe(100);
  });

  it("finds the right book among many long token ids (its lookup cache has 256 slots, so ids collide)", () => {
    const books = new BookSet();
    const ids = Array.from({ length: 600 }, (_, i) => `${"7".repeat(70)}${String(i * 7919).padStart(7, "0")}`);
    ids.forEach((id, i) => books.apply({ ...snapshot(id, 1), bids: [{ price: 1 + i, size: 1 }], asks: [{ price: 9000, size: 1 }] } as MarketEvent));
    // Fresh string objects, as JSON.parse makes them, visited in a scrambled order.
    for (let k = 0; k < ids.length; k++) {
      const i = (k * 337) % ids.length;
      const fresh = JSON.parse(JSON.stringify(ids[i])) as string;
      expect(books.book(fresh)?.bestBid()).toBe(1 + i);
      expect(books.apply(change(fresh, 2000 + i, 5, 2000 + i, 9000))).toMatchObject({ topChecks: 1, topMismatches: 0 });
    }
    expect(books.book("not-a-token")).toBeUndefined();
  });

  it("invalidates every book after a reconnect", () => {
    const books = new BookSet();
    books.apply(snapshot("A", 100));
    books.invalidateAll();
    expect(books.book("A")?.synced).toBe(false);
    expect([...books.assetIds()]).toEqual(["A"]);
    expect(books.size).toBe(1);
  });
});
