// The last_trade_price fast path returns exactly what JSON.parse + the validators return, or declines: on real, generated, arbitrary and mutated frames.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLastTradeFast } from "../../../src/adapters/polymarket/parse/last-trade-fast-path.js";
import { parseFrame, parseFrameWithJson } from "../../../src/adapters/polymarket/parse/parse-frame.js";
import { generateTraffic } from "../../../src/bench/generator.js";
import { editedFrame, mostly, TakenCount } from "../../helpers/fast-path.js";
import { CAPTURE_FILES, receivedFrames } from "../../helpers/fixtures.js";

const taken = new TakenCount();

/** The fast path either declines or agrees with the reference path exactly (and parseFrame then returns the same). */
function agrees(text: string): boolean {
  const fast = parseLastTradeFast(text);
  if (!taken.took(fast)) return true;
  const ref = parseFrameWithJson(text);
  expect({ events: [fast], rejections: [] }).toStrictEqual(ref);
  expect(parseFrame(text)).toStrictEqual(ref);
  return true;
}

const isTrade = (f: string): boolean => f.includes('"event_type":"last_trade_price"');
const generated = generateTraffic({ markets: 4, frames: 3_000, seed: 9, meanGapMs: 2 }).frames.filter(isTrade);
const captured = CAPTURE_FILES.flatMap((f) => receivedFrames(f)).filter(isTrade);

/** A trade print's fields in Polymarket's order (the fast path declines any other order, which the JSON.parse path reads). */
const trade = fc.record({
  market: mostly(fc.constant("0x" + "d".repeat(64)), fc.constantFrom<unknown>("", 7)),
  asset_id: mostly(fc.constantFrom("123", "71321045679252212594626385532706912750332728571942532289631379312455583992563"), fc.constantFrom<unknown>("", null)),
  price: mostly(fc.integer({ min: 1, max: 9999 }).map((p) => String(p / 10_000)), fc.constantFrom<unknown>("1", "0", "0.12345", ".5", "5.", "", "0.5.1")),
  size: mostly(fc.integer({ min: 0, max: 1e9 }).map((s) => String(s / 100)), fc.constantFrom<unknown>("0.0000001", "1e3", "", "1..2")),
  fee_rate_bps: mostly(fc.constantFrom("0", "", "1000"), fc.constantFrom<unknown>("12345678901234567", "-1", null, 5)),
  side: mostly(fc.constantFrom("BUY", "SELL"), fc.constantFrom<unknown>("buy", "")),
  timestamp: mostly(fc.constant("1766481546487"), fc.constantFrom<unknown>("", "12a", "12345678901234567", 1766481546487)),
  event_type: mostly(fc.constant("last_trade_price"), fc.constant("book")),
  transaction_hash: mostly(fc.constantFrom("0x" + "a".repeat(64), ""), fc.constantFrom<unknown>(null, "é \u2028 \t")),
});

describe("the last_trade_price fast path", () => {
  it("takes every generated trade print, and agrees with the reference path on each", () => {
    expect(generated.length).toBeGreaterThan(20);
    for (const f of generated) {
      expect(parseLastTradeFast(f)).not.toBeNull();
      agrees(f);
    }
  });

  it("agrees with the reference path on every real captured frame, and takes the captured trade prints", () => {
    expect(captured.length).toBeGreaterThan(0);
    taken.reset();
    for (const f of CAPTURE_FILES.flatMap((file) => receivedFrames(file))) agrees(f);
    expect(taken.n).toBeGreaterThan(0);
  });

  it("agrees on arbitrary trade-like objects, in Polymarket's key order or reversed, alone or in arrays, compact or spaced", () => {
    taken.reset();
    const odd = mostly(fc.constant(false), fc.constant(true));
    fc.assert(
      fc.property(trade, odd, odd, odd, (o, reversed, asArray, spaced) => {
        const object = reversed ? Object.fromEntries(Object.entries(o).reverse()) : o;
        return agrees(JSON.stringify(asArray ? [object] : object, null, spaced ? 1 : undefined));
      }),
      { numRuns: 2_000 },
    );
    expect(taken.n).toBeGreaterThan(200);
  });

  it("agrees on real and generated trade prints with characters inserted, deleted or replaced", () => {
    taken.reset();
    const seeds = [...generated.slice(0, 20), ...captured];
    fc.assert(fc.property(editedFrame(seeds, "\"{}[],:\\ \t\n\u0001BUYSEL0.5e-"), agrees), { numRuns: 3_000 });
    expect(taken.n).toBeGreaterThan(100);
  });
});
