// The book hash reproduces every real hash listed in book_hash_checks.json.
import { describe, expect, it } from "vitest";
import { bookHash } from "../../../src/adapters/polymarket/book-hash.js";
import { parseFrame } from "../../../src/adapters/polymarket/parse/parse-frame.js";
import { bookHashText } from "../../../src/domain/book/book-hash.js";
import type { BookEvent } from "../../../src/domain/events.js";
import { readFixture, receivedFrames } from "../../helpers/fixtures.js";

interface HashCheck {
  file: string;
  line: number | string;
  min_order_size: string;
  tick_size: string;
  neg_risk: boolean;
  last_trade_price: string;
  hashes: string[];
}

const { checks } = JSON.parse(readFixture("book_hash_checks.json")) as { checks: HashCheck[] };

/** The frames on the listed line(s) of a fixture file (1-based), in the order of the file. */
function booksOn(check: HashCheck): BookEvent[] {
  const lines = readFixture(check.file).split("\n");
  const numbers = String(check.line).split(",").map(Number);
  const books: BookEvent[] = [];
  for (const n of numbers) {
    const line = lines[n - 1];
    const record = JSON.parse(line) as { kind?: string; text?: string };
    const text = record.kind === "recv" && typeof record.text === "string" ? record.text : line;
    for (const event of parseFrame(text).events) if (event.type === "book") books.push(event);
  }
  return books;
}

describe("book hash", () => {
  it("the fixture lists all 11 real hashes", () => {
    expect(checks.flatMap((c) => c.hashes)).toHaveLength(11);
  });
  for (const check of checks) {
    it(`reproduces ${check.file} line ${check.line}`, () => {
      const books = booksOn(check);
      expect(books.map((b) => b.hash)).toEqual(check.hashes);
      const meta = { minOrderSize: check.min_order_size, tickSize: check.tick_size, negRisk: check.neg_risk, lastTradePrice: check.last_trade_price };
      expect(books.map((b) => bookHash(b, meta))).toEqual(check.hashes);
    });
  }
  it("builds the canonical text in the exact key order, levels as sent", () => {
    const [book] = parseFrame(receivedFrames("polybotv2/ws_market_frames_2025-12-23.jsonl")[2]).events as BookEvent[];
    const text = bookHashText(book, { minOrderSize: "5", tickSize: "0.01", negRisk: false, lastTradePrice: "0.500" });
    expect(text.startsWith(`{"market":"0x0936baff284871821b1ab5c64d33d67f117392dba34d461fe04360df893dfde4","asset_id":"20168250870314270898487593595943592687458358996170785976290704639743788087191","timestamp":"`)).toBe(true);
    expect(text).toContain(`"hash":"","bids":[{"price":"0.01","size":"3641.8"},{"price":"0.02","size":"2452.3"}`);
    expect(text.endsWith(`,"min_order_size":"5","tick_size":"0.01","neg_risk":false,"last_trade_price":"0.500"}`)).toBe(true);
  });
  it("changes with any metadata (so a wrong flag shows as a mismatch)", () => {
    const [book] = parseFrame(receivedFrames("polybotv2/ws_market_frames_2025-12-23.jsonl")[2]).events as BookEvent[];
    const meta = { minOrderSize: "5", tickSize: "0.01", negRisk: false, lastTradePrice: "0.500" };
    expect(bookHash(book, meta)).toBe("7d979de7586e893d33493d738300ab3f7027c661");
    expect(bookHash(book, { ...meta, lastTradePrice: "0.5" })).not.toBe("7d979de7586e893d33493d738300ab3f7027c661");
    expect(bookHash(book, { ...meta, negRisk: true })).not.toBe("7d979de7586e893d33493d738300ab3f7027c661");
  });
});
