// parseFrame on the shapes no capture holds (text frames, legacy price_change, lifecycle events) and on every kind of bad input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFrame } from "../../../src/adapters/polymarket/parse/parse-frame.js";
import { parseRounded } from "../../../src/adapters/polymarket/parse/fields.js";
import type { PriceChangeEvent, RejectionReason } from "../../../src/domain/events.js";
import { formatFixed } from "../../../src/domain/units.js";

const change = (over: Record<string, unknown> = {}) => ({ asset_id: "A", price: "0.5", size: "10", side: "BUY", hash: "h", best_bid: "0.5", best_ask: "0.51", ...over });
const priceChange = (entries: unknown[]) => JSON.stringify({ market: "0xm", price_changes: entries, timestamp: "1700000000000", event_type: "price_change" });
const book = (over: Record<string, unknown> = {}) => ({
  market: "0xm",
  asset_id: "A",
  timestamp: "1700000000000",
  hash: "h",
  bids: [{ price: "0.4", size: "5" }],
  asks: [{ price: "0.6", size: "7.25" }],
  event_type: "book",
  ...over,
});
const reasons = (text: string): RejectionReason[] => parseFrame(text).rejections.map((r) => r.reason);

describe("text frames", () => {
  it.each(["PONG", "NO NEW ASSETS", "INVALID MESSAGE", "INVALID OPERATION"])("%s", (text) => {
    expect(parseFrame(text)).toEqual({ events: [{ type: "text", text }], rejections: [] });
    expect(parseFrame(text + "\n").events).toEqual([{ type: "text", text }]);
  });
  it("[] with or without a newline", () => {
    expect(parseFrame("[]").events).toEqual([{ type: "text", text: "[]" }]);
    expect(parseFrame("[]\n").events).toEqual([{ type: "text", text: "[]" }]);
  });
  it("rejects an unknown text frame", () => {
    expect(parseFrame("HELLO")).toEqual({ events: [], rejections: [{ reason: "unknown_text", detail: 'unknown text frame "HELLO"' }] });
    expect(reasons("")).toEqual(["unknown_text"]);
  });
});

describe("market events", () => {
  it("reads the pre-2025-09-15 price_change format", () => {
    const text = JSON.stringify({ event_type: "price_change", asset_id: "A", changes: [{ price: "0.4", side: "SELL", size: "0" }], hash: "hh", market: "0xm", timestamp: "1700000000000" });
    const [event] = parseFrame(text).events as PriceChangeEvent[];
    expect(event).toEqual({
      type: "price_change",
      market: "0xm",
      timestamp: 1_700_000_000_000,
      legacy: true,
      changes: [{ assetId: "A", price: 4000, size: 0, side: "SELL", hash: "hh", bestBid: undefined, bestAsk: undefined }],
    });
  });
  it('reads an empty side in best_bid/best_ask ("", "0", "1") as null and an absent one as undefined', () => {
    const [event] = parseFrame(priceChange([change({ best_bid: "0", best_ask: "1" }), change({ best_bid: "", best_ask: undefined })])).events as PriceChangeEvent[];
    expect(event.changes.map((c) => [c.bestBid, c.bestAsk])).toEqual([
      [null, null],
      [null, undefined],
    ]);
  });
  it("reads market_resolved and new_market (shapes from Polymarket's docs; no real capture exists)", () => {
    const resolved = { id: "1031769", market: "0xm", assets_ids: ["A", "B"], winning_asset_id: "A", winning_outcome: "Yes", timestamp: "1766790415550", event_type: "market_resolved" };
    expect(parseFrame(JSON.stringify(resolved)).events).toEqual([
      { type: "market_resolved", id: "1031769", market: "0xm", assetIds: ["A", "B"], winningAssetId: "A", winningOutcome: "Yes", timestamp: 1766790415550 },
    ]);
    const created = { id: 1031769, question: "Q?", market: "0xm", slug: "q", description: "d", assets_ids: ["A", "B"], outcomes: ["Up", "Down"], timestamp: "1761677345887", event_type: "new_market" };
    expect(parseFrame(JSON.stringify(created)).events).toEqual([
      { type: "new_market", id: "1031769", question: "Q?", market: "0xm", slug: "q", assetIds: ["A", "B"], outcomes: ["Up", "Down"], timestamp: 1761677345887 },
    ]);
  });
  it("keeps good items of an array and rejects the bad ones", () => {
    const parsed = parseFrame(JSON.stringify([book(), book({ bids: [{ price: "1.5", size: "1" }] }), 7]));
    expect(parsed.events.map((e) => e.type)).toEqual(["book"]);
    expect(parsed.rejections).toEqual([
      { reason: "bad_price", detail: 'book: bids[0]."price" is "1.5", expected a decimal strictly between 0 and 1 with at most 4 decimals' },
      { reason: "bad_field", detail: "item 2 is number, expected an event object" },
    ]);
  });
});

describe("rejections", () => {
  it.each<[string, string, RejectionReason]>([
    ["bad JSON", '{"event_type": "book", ', "bad_json"],
    ["a JSON scalar", "42", "unknown_text"],
    ["a JSON null in an array", "[null]", "bad_field"],
    ["no event_type", JSON.stringify({ market: "0xm" }), "missing_field"],
    ["an unknown event_type", JSON.stringify({ event_type: "surprise" }), "unknown_event"],
    ["a book without asset_id", JSON.stringify(book({ asset_id: undefined })), "missing_field"],
    ["a book with a numeric market", JSON.stringify(book({ market: 5 })), "bad_field"],
    ["a level price of 0", JSON.stringify(book({ asks: [{ price: "0", size: "1" }] })), "bad_price"],
    ["a level price of 1", JSON.stringify(book({ asks: [{ price: "1", size: "1" }] })), "bad_price"],
    ["a level price with 5 decimals", JSON.stringify(book({ asks: [{ price: "0.12345", size: "1" }] })), "bad_price"],
    ["a negative size", JSON.stringify(book({ bids: [{ price: "0.4", size: "-5" }] })), "bad_size"],
    ["a size in exponent notation", JSON.stringify(book({ bids: [{ price: "0.4", size: "1e3" }] })), "bad_size"],
    ["a numeric price", JSON.stringify(book({ bids: [{ price: 0.4, size: "5" }] })), "bad_field"],
    ["a bad side", priceChange([change({ side: "buy" })]), "bad_field"],
    ["a best_bid above 1", priceChange([change({ best_bid: "1.2" })]), "bad_price"],
    ["a bad timestamp", JSON.stringify(book({ timestamp: "soon" })), "bad_field"],
    ["a price_change without entries", JSON.stringify({ event_type: "price_change", market: "0xm", timestamp: "1" }), "missing_field"],
    ["a trade with an unknown status", JSON.stringify({ event_type: "trade", status: "LOST" }), "missing_field"],
  ])("rejects %s", (_what, text, reason) => {
    const parsed = parseFrame(text);
    expect(parsed.events).toEqual([]);
    expect(parsed.rejections.map((r) => r.reason)).toEqual([reason]);
  });
  it("rejects a whole price_change when one entry is bad (a partial apply would desync the book silently)", () => {
    expect(reasons(priceChange([change(), change({ size: "-1" })]))).toEqual(["bad_size"]);
    expect(parseFrame(priceChange([change(), change({ size: "-1" })])).rejections[0].detail).toBe('price_change: price_changes[1]."size" is "-1", expected a non-negative decimal with at most 6 decimals');
  });
  it("never throws on a non-string frame", () => {
    expect(reasons(undefined as unknown as string)).toEqual(["bad_field"]);
  });
});

describe("parseRounded (user channel only)", () => {
  it("rounds half up to the unit and rejects what is not a plain decimal", () => {
    expect(parseRounded("0.870000260000099", 4)).toBe(8700);
    expect(parseRounded("0.87005", 4)).toBe(8701);
    expect(parseRounded("0.87", 4)).toBe(8700);
    expect(parseRounded("16.2307684", 6)).toBe(16_230_768);
    expect(parseRounded("16.2307685", 6)).toBe(16_230_769);
    expect(parseRounded("0.8700x", 4)).toBeNull();
    expect(parseRounded("-0.5", 4)).toBeNull();
  });
  it("is exact on the unit and rounds extra digits half up (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.constantFrom(4, 6), fc.stringMatching(/^[0-9]{1,12}$/), (units, decimals, extra) => {
        const exact = formatFixed(units, decimals);
        expect(parseRounded(exact, decimals)).toBe(units);
        const [whole, frac = ""] = exact.split(".");
        const text = `${whole}.${frac.padEnd(decimals, "0")}${extra}`;
        expect(parseRounded(text, decimals)).toBe(units + (extra.charCodeAt(0) >= 53 ? 1 : 0));
      }),
    );
  });
});
