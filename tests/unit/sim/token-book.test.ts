// The sim's canonical book text and hash reproduce real Polymarket hashes (book_hash_checks.json).
import { describe, expect, it } from "vitest";
import { bookHash } from "../../../src/sim/market-data/token-book.js";
import { receivedFrames } from "../../helpers/fixtures.js";

interface Book {
  market: string;
  asset_id: string;
  timestamp: string;
  hash: string;
  bids: unknown[];
  asks: unknown[];
}

describe("sim book hash", () => {
  it("reproduces the real hashes of the polybotv2 opening books and the nslaughter Lisnard books", () => {
    const cases: { frame: string; meta: { minOrderSize: string; tickSize: string; negRisk: boolean; lastTradePrice: string } }[] = [
      { frame: receivedFrames("polybotv2/ws_market_frames_2025-12-23.jsonl")[0], meta: { minOrderSize: "5", tickSize: "0.01", negRisk: false, lastTradePrice: "0.500" } },
      { frame: receivedFrames("nslaughter/settled-subscription--repro.jsonl").find((f) => f.startsWith("[{"))!, meta: { minOrderSize: "5", tickSize: "0.001", negRisk: true, lastTradePrice: "0.893" } },
    ];
    let checked = 0;
    for (const { frame, meta } of cases)
      for (const book of JSON.parse(frame) as Book[]) {
        if (!book.hash) continue;
        const sides = { bids: JSON.stringify(book.bids), asks: JSON.stringify(book.asks) };
        const lastTradePrice = (book as { last_trade_price?: string }).last_trade_price ?? meta.lastTradePrice;
        expect(bookHash(book.market, book.asset_id, book.timestamp, sides, { ...meta, lastTradePrice })).toBe(book.hash);
        checked++;
      }
    expect(checked).toBe(4);
  });
});
