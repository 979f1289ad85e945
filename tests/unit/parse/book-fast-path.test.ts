// The book fast path returns exactly what JSON.parse + the validators return, or declines: on real, generated, arbitrary and mutated frames.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBookFast } from "../../../src/adapters/polymarket/parse/book-fast-path.js";
import { parseFrame, parseFrameWithJson } from "../../../src/adapters/polymarket/parse/parse-frame.js";
import { generateTraffic } from "../../../src/bench/generator.js";
import { bookHashText } from "../../../src/domain/book/book-hash.js";
import type { BookEvent, ParsedFrame } from "../../../src/domain/events.js";
import { editedFrame, mostly, TakenCount } from "../../helpers/fast-path.js";
import { CAPTURE_FILES, receivedFrames } from "../../helpers/fixtures.js";

/** Events as plain data (lazy raw levels read), without the fast path's extra canonical texts. */
const plain = (p: ParsedFrame): unknown => JSON.parse(JSON.stringify(p, (k, v: unknown) => (k === "bidsJson" || k === "asksJson" ? undefined : v)));

const taken = new TakenCount();

/** The fast path either declines or agrees with the reference path, hash text included. */
function agrees(text: string): boolean {
  const fast = parseBookFast(text);
  if (!taken.took(fast)) return true;
  const ref = parseFrameWithJson(text);
  expect(ref.rejections).toEqual([]);
  expect(plain({ events: [fast], rejections: [] })).toEqual(plain(ref));
  const meta = { minOrderSize: "5", tickSize: "0.01", negRisk: false, lastTradePrice: "0.5" };
  expect(bookHashText(fast, meta)).toBe(bookHashText(ref.events[0] as BookEvent, meta));
  expect(plain(parseFrame(text))).toEqual(plain(ref));
  return true;
}

const traffic = generateTraffic({ markets: 4, frames: 3_000, seed: 3, meanGapMs: 2 });
const generatedBooks = traffic.frames.filter((f) => f.includes('"event_type":"book"'));
const captureBooks = CAPTURE_FILES.flatMap((f) => receivedFrames(f)).filter((f) => f.includes('"event_type":"book"'));

const level = fc.record({
  price: mostly(fc.integer({ min: 1, max: 9999 }).map((p) => String(p / 10_000)), fc.constantFrom("1", "0", "0.12345", ".5", "5.", "0.1e1", "", "-0.1", "0.50")),
  size: mostly(fc.integer({ min: 0, max: 1e9 }).map((s) => String(s / 100)), fc.constantFrom("0.0000001", "1e3", "", " 1", "12345678.123456")),
});
const bookObject = fc.record(
  {
    event_type: mostly(fc.constant("book"), fc.constant("price_change")),
    market: mostly(fc.constant("0x" + "d".repeat(64)), fc.constantFrom("", 7)),
    asset_id: mostly(fc.constantFrom("123", "456789"), fc.constantFrom("", null)),
    timestamp: mostly<string | number>(fc.constant("1766481546487"), fc.oneof(fc.constant("12a"), fc.integer({ min: 0, max: 1e12 }))),
    hash: fc.constantFrom("8c7f21df4ea57ce24228402e20a307358e55a0fd", ""),
    bids: fc.array(level, { maxLength: 6 }),
    asks: fc.array(level, { maxLength: 6 }),
    tick_size: mostly(fc.constantFrom("0.01", "0.001"), fc.constantFrom("0", "x")),
    last_trade_price: mostly(fc.constantFrom("0.5", "", "0", "1"), fc.constant("2")),
    extra: fc.constantFrom<unknown>({ bids: [{ price: "0.4", size: "1" }] }, { asks: [] }, "bids", ["asks"], 1),
  },
  { requiredKeys: ["event_type", "bids", "asks"] },
);

/** A book in the layout Polymarket sends after a trade (the fast path reads it with regular expressions alone). */
const postTradeObject = fc.record({
  market: mostly(fc.constant("0x" + "d".repeat(64)), fc.constantFrom<unknown>("", 7, "0x\u0001")),
  asset_id: mostly(fc.constantFrom("123", "456789"), fc.constantFrom<unknown>("", null)),
  bids: fc.array(level, { maxLength: 6 }),
  asks: fc.array(level, { maxLength: 6 }),
  hash: mostly(fc.constantFrom("8c7f21df4ea57ce24228402e20a307358e55a0fd", ""), fc.constantFrom<unknown>(null, 1, "é\t")),
  timestamp: mostly<unknown>(fc.constant("1766481546487"), fc.constantFrom<unknown>("12a", "", "12345678901234567", 1766481546487)),
  event_type: mostly(fc.constant("book"), fc.constant("price_change")),
});

describe("the book fast path", () => {
  it("takes every generated book frame, and agrees with the reference path on each", () => {
    expect(generatedBooks.length).toBeGreaterThan(50);
    for (const f of generatedBooks) {
      expect(parseBookFast(f)).not.toBeNull();
      agrees(f);
    }
  });

  it("agrees with the reference path on every real captured frame", () => {
    expect(captureBooks.length).toBeGreaterThan(0);
    for (const f of CAPTURE_FILES.flatMap((file) => receivedFrames(file))) agrees(f);
  });

  it("agrees on arbitrary book-like objects, in any key order, alone or in arrays, compact or spaced", () => {
    taken.reset();
    fc.assert(
      fc.property(fc.array(bookObject, { minLength: 1, maxLength: 2 }), fc.boolean(), fc.boolean(), mostly(fc.constant(false), fc.constant(true)), (books, asArray, reversed, spaced) => {
        const objects = reversed ? books.map((b) => Object.fromEntries(Object.entries(b).reverse())) : books;
        const value = asArray || objects.length > 1 ? objects : objects[0];
        return agrees(JSON.stringify(value, null, spaced ? 1 : undefined));
      }),
      { numRuns: 2_000 },
    );
    expect(taken.n).toBeGreaterThan(20);
  });

  it("agrees on arbitrary books in Polymarket's post-trade layout, compact or spaced", () => {
    taken.reset();
    fc.assert(
      fc.property(postTradeObject, mostly(fc.constant(false), fc.constant(true)), (o, spaced) => agrees(JSON.stringify(o, null, spaced ? 1 : undefined))),
      { numRuns: 2_000 },
    );
    expect(taken.n).toBeGreaterThan(200);
  });

  it("reads any level value of digits and dots as the validators do (second dots, lone dots, long, extra decimals)", () => {
    taken.reset();
    const digits = fc.string({ unit: fc.constantFrom(..."0123456789."), minLength: 1, maxLength: 40 });
    // A price-like value with trailing zeros: a few over 32 chars, which the validators refuse.
    const padded = (most: number): fc.Arbitrary<string> => fc.integer({ min: 0, max: 9999 }).map((p) => `0.${String(p).padStart(4, "0")}${"0".repeat(p % most)}`);
    const value = fc.oneof({ arbitrary: digits, weight: 2 }, { arbitrary: padded(4), weight: 6 }, { arbitrary: padded(40), weight: 1 });
    const sides = fc.array(fc.record({ price: value, size: value }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(sides, sides, (bids, asks) =>
        agrees(JSON.stringify({ event_type: "book", market: "0x1", asset_id: "1", timestamp: "1", hash: "h", bids, asks })),
      ),
      { numRuns: 3_000 },
    );
    expect(taken.n).toBeGreaterThan(100);
  });

  it("agrees on real and generated book frames with characters inserted, deleted or replaced", () => {
    taken.reset();
    const seeds = [...generatedBooks.slice(0, 20), ...captureBooks];
    fc.assert(fc.property(editedFrame(seeds, "\"{}[],:\\ bidsakp0.5e-\n"), agrees), { numRuns: 3_000 });
    expect(taken.n).toBeGreaterThan(100);
  });

  it("declines frames it must leave to JSON.parse: escapes, two books, spaced levels, a repeated key", () => {
    const book = generatedBooks[0];
    const o = JSON.parse(book) as Record<string, unknown>;
    expect(parseBookFast(book.replace('"market":"', '"market":"\\u0030'))).toBeNull();
    expect(parseBookFast(JSON.stringify([o, o]))).toBeNull();
    expect(parseBookFast(book.replace('{"price":', '{ "price":'))).toBeNull();
    expect(parseBookFast(book.replace('"bids":[', '"bids":[],"bids":['))).toBeNull();
    expect(parseFrame(book.replace('"bids":[', '"bids":[],"bids":['))).toEqual(parseFrameWithJson(book.replace('"bids":[', '"bids":[],"bids":[')));
  });
});
