// Property tests: the parser never throws, whatever the input, and mutated real frames are either parsed or rejected with a reason.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFrame } from "../../../src/adapters/polymarket/parse/parse-frame.js";
import { receivedFrames } from "../../helpers/fixtures.js";

const REAL = [...receivedFrames("nslaughter/stream-duplicates--long-run.jsonl").slice(0, 12), ...receivedFrames("polybotv2/ws_market_frames_2025-12-23.jsonl")];

const wellFormed = (frame: string): void => {
  const parsed = parseFrame(frame);
  expect(Array.isArray(parsed.events) && Array.isArray(parsed.rejections)).toBe(true);
  expect(parsed.events.length + parsed.rejections.length).toBeGreaterThan(0);
  for (const r of parsed.rejections) expect(typeof r.detail).toBe("string");
};

describe("parseFrame never throws", () => {
  it("on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => wellFormed(s)), { numRuns: 1000 });
  });
  it("on arbitrary JSON", () => {
    fc.assert(fc.property(fc.json({ maxDepth: 4 }), (s) => wellFormed(s)), { numRuns: 2000 });
  });
  it("on JSON objects with event_type and random fields", () => {
    const types = fc.constantFrom("book", "price_change", "last_trade_price", "tick_size_change", "best_bid_ask", "market_resolved", "new_market", "order", "trade");
    const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom("0.5", "1", "0", "", "BUY", "-1", "1e3"), fc.array(fc.dictionary(fc.constantFrom("price", "size", "asset_id", "side"), fc.jsonValue({ maxDepth: 1 }))));
    const keys = fc.constantFrom("market", "asset_id", "timestamp", "hash", "bids", "asks", "price_changes", "changes", "price", "size", "side", "best_bid", "best_ask", "maker_orders", "id", "status", "type", "match_time", "assets_ids");
    fc.assert(
      fc.property(types, fc.dictionary(keys, anyValue), (type, fields) => wellFormed(JSON.stringify({ ...fields, event_type: type }))),
      { numRuns: 800 },
    );
  });
  it("on real frames with a character replaced, inserted or deleted", () => {
    fc.assert(
      fc.property(fc.constantFrom(...REAL), fc.nat(), fc.string({ minLength: 0, maxLength: 2 }), fc.nat({ max: 2 }), (frame, at, insert, cut) => {
        const i = at % frame.length;
        wellFormed(frame.slice(0, i) + insert + frame.slice(i + cut));
      }),
      { numRuns: 2000 },
    );
  });
});
