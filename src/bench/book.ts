// Section 2, `book`: parse and validate every frame and apply it to the books, reading the best bid/ask of each book whose top moved.
import { parseFrame } from "../adapters/polymarket/parse/parse-frame.js";
import { BookSet } from "../domain/book/book-set.js";
import type { MarketInfo } from "../domain/market.js";
import type { ChunkVariant } from "./interleave.js";

/** Results flow into this so the JIT cannot drop the measured work. */
let sink = 0;

/** What the books did over a round, to show the stream was applied cleanly (no rejections, no top mismatches). */
export interface BookCounters {
  rejections: number;
  topChecks: number;
  topMismatches: number;
  unsyncedDeltas: number;
}

/** Parses `frames` (after the opening frame) into fresh books each round; `counters` holds the last round's counts. */
export function bookVariant(markets: readonly MarketInfo[], opening: string | null, frames: readonly string[], counters: BookCounters): ChunkVariant {
  let books = new BookSet();
  const applyFrame = (text: string): void => {
    const parsed = parseFrame(text);
    counters.rejections += parsed.rejections.length;
    const events = parsed.events;
    for (let j = 0; j < events.length; j++) {
      const e = events[j];
      if (e.type === "text" || e.type === "order" || e.type === "trade") continue;
      const r = books.apply(e);
      counters.topChecks += r.topChecks;
      counters.topMismatches += r.topMismatches;
      counters.unsyncedDeltas += r.unsyncedDeltas;
      const moved = r.topChanged;
      for (let k = 0; k < moved.length; k++) {
        const book = books.book(moved[k]);
        if (book) sink += (book.bestBid() ?? 0) + (book.bestAsk() ?? 0);
      }
    }
  };
  return {
    reset() {
      books = new BookSet();
      for (const m of markets) {
        books.setTickSize(m.yesTokenId, m.tickSize);
        books.setTickSize(m.noTokenId, m.tickSize);
      }
      counters.rejections = counters.topChecks = counters.topMismatches = counters.unsyncedDeltas = 0;
      if (opening !== null) applyFrame(opening);
    },
    run(from, to) {
      for (let i = from; i < to; i++) applyFrame(frames[i]);
    },
  };
}
