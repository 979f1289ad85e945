// The price_change fast path returns exactly what JSON.parse + the validators return, or declines: on real, generated, arbitrary and mutated frames.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFrame, parseFrameWithJson } from "../../../src/adapters/polymarket/parse/parse-frame.js";
import { parsePriceChangeFast } from "../../../src/adapters/polymarket/parse/price-change-fast-path.js";
import { generateTraffic } from "../../../src/bench/generator.js";
import { editedFrame, mostly, TakenCount } from "../../helpers/fast-path.js";
import { CAPTURE_FILES, receivedFrames } from "../../helpers/fixtures.js";

const taken = new TakenCount();

/** The fast path either declines or agrees with the reference path exactly (and parseFrame then returns the same). */
function agrees(text: string): boolean {
  const fast = parsePriceChangeFast(text);
  if (!taken.took(fast)) return true;
  const ref = parseFrameWithJson(text);
  expect({ events: [fast], rejections: [] }).toStrictEqual(ref);
  expect(parseFrame(text)).toStrictEqual(ref);
  return true;
}

const isPriceChange = (f: string): boolean => f.includes('"event_type":"price_change"');
const traffic = generateTraffic({ markets: 4, frames: 3_000, seed: 5, meanGapMs: 2 });
const generated = traffic.frames.filter(isPriceChange);
const captured = CAPTURE_FILES.flatMap((f) => receivedFrames(f)).filter(isPriceChange);

const price = mostly(fc.integer({ min: 1, max: 9999 }).map((p) => String(p / 10_000)), fc.constantFrom<unknown>("1", "0", "0.12345", ".5", "5.", "", "-0.1", "0.50", 0.5));
/** A best bid/ask: a price, or an empty side as the exchange writes it ("", "0", "1"). */
const top = mostly(
  fc.oneof(fc.integer({ min: 1, max: 9_999 }).map((p) => String(p / 10_000)), fc.constantFrom("", "0", "1", "1.0")),
  fc.constantFrom<unknown>("2", "x", "1.00001", null),
);
/** One entry, keys in Polymarket's order (the fast path declines any other order, which the JSON.parse path then reads). */
const entry = fc.record(
  {
    asset_id: mostly(fc.constantFrom("123", "71321045679252212594626385532706912750332728571942532289631379312455583992563"), fc.constantFrom<unknown>("", 7, "a b")),
    price,
    size: mostly(fc.integer({ min: 0, max: 1e9 }).map((s) => String(s / 100)), fc.constantFrom<unknown>("0.0000001", "1e3", "", " 1", "12345678.123456")),
    side: mostly(fc.constantFrom("BUY", "SELL"), fc.constantFrom<unknown>("buy", "", "BUYS")),
    hash: mostly(fc.constantFrom("8c7f21df4ea57ce24228402e20a307358e55a0fd", ""), fc.constantFrom<unknown>(null, 1, "é \u2028 \t")),
    best_bid: top,
    best_ask: top,
  },
  { requiredKeys: ["asset_id", "price", "size", "side", "hash", "best_bid", "best_ask"] },
);
const frameObject = fc.record(
  {
    market: mostly(fc.constant("0x" + "d".repeat(64)), fc.constantFrom<unknown>("", 7)),
    price_changes: fc.array(entry, { maxLength: 4 }),
    timestamp: mostly<unknown>(fc.constant("1766481546487"), fc.constantFrom<unknown>("12a", "", "12345678901234567", "9007199254740993", 1766481546487)),
    event_type: mostly(fc.constant("price_change"), fc.constantFrom("book", "Price_change")),
  },
  { requiredKeys: ["market", "price_changes", "timestamp", "event_type"] },
);
/** Now and then a key Polymarket does not send (a nested price_changes included): last, or first when the keys are reversed. */
const extra = fc.option(fc.constantFrom<unknown>({ price_changes: [] }, "price_changes", 1), { freq: 8 });

describe("the price_change fast path", () => {
  it("takes every generated price_change frame, and agrees with the reference path on each", () => {
    expect(generated.length).toBeGreaterThan(1_000);
    for (const f of generated) {
      expect(parsePriceChangeFast(f)).not.toBeNull();
      agrees(f);
    }
  });

  it("agrees with the reference path on every real captured frame, and takes the compact price_change ones", () => {
    expect(captured.length).toBeGreaterThan(0);
    taken.reset();
    for (const f of CAPTURE_FILES.flatMap((file) => receivedFrames(file))) agrees(f);
    expect(taken.n).toBeGreaterThan(0);
  });

  it("agrees on arbitrary price_change-like objects, in Polymarket's key order or another, alone or in arrays, compact or spaced", () => {
    taken.reset();
    const odd = mostly(fc.constant(false), fc.constant(true));
    fc.assert(
      fc.property(frameObject, extra, odd, odd, odd, (o, more, reversed, asArray, spaced) => {
        const withExtra = more === null ? o : { ...o, extra: more };
        const object = reversed ? Object.fromEntries(Object.entries(withExtra).reverse()) : withExtra;
        return agrees(JSON.stringify(asArray ? [object] : object, null, spaced ? 1 : undefined));
      }),
      { numRuns: 3_000 },
    );
    expect(taken.n).toBeGreaterThan(100);
  });

  it("agrees on real and generated frames with characters inserted, deleted or replaced (raw control chars and escapes included)", () => {
    taken.reset();
    const seeds = [...generated.slice(0, 30), ...captured.slice(0, 30)];
    fc.assert(fc.property(editedFrame(seeds, "\"{}[],:\\ \t\n\u0001price_chngsBUY0.5e-"), agrees), { numRuns: 4_000 });
    expect(taken.n).toBeGreaterThan(100);
  });

  it("declines what it must leave to JSON.parse: escapes, raw control chars, another layout, the legacy format, trailing text", () => {
    const f = generated[0];
    expect(parsePriceChangeFast(f)).not.toBeNull();
    for (const odd of [
      f.replace('"market":"', '"market":"\\u0030'),
      f.replace('"hash":"', '"hash":"\t'),
      f.replace('{"asset_id":', '{ "asset_id":'),
      f.replace('"price_changes":[', '"price_changes":[],"price_changes":['),
      f + " ",
      `[${f}]`,
      '{"market":"0x1","asset_id":"1","hash":"h","changes":[{"price":"0.5","side":"BUY","size":"1"}],"timestamp":"1","event_type":"price_change"}',
    ]) {
      expect(parsePriceChangeFast(odd)).toBeNull();
      agrees(odd);
    }
  });
});
