// Equity curve downsampling, running drawdown, and fill markouts at +5 s / +30 s / +120 s.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { appendEquity, maxDrawdownOf, updateDrawdown, type EquityPoint } from "../../../src/domain/accounting/equity-curve.js";
import { averageMarkouts, emptyMarkouts, MARKOUT_HORIZONS_MS, sampleMarkouts, trackFill } from "../../../src/domain/accounting/markouts.js";

describe("equity curve", () => {
  it("stays within its bound, keeps the first and the newest sample, in time order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 600 }), fc.integer({ min: 2, max: 100 }), (values, max) => {
        let curve: EquityPoint[] = [];
        values.forEach((equity, ts) => (curve = appendEquity(curve, { ts, equity }, max)));
        const sorted = curve.every((p, i) => i === 0 || p.ts > curve[i - 1].ts);
        return curve.length <= max && curve[0].ts === 0 && curve[curve.length - 1].ts === values.length - 1 && sorted;
      }),
    );
  });
  it("tracks the maximum drawdown incrementally", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1 }), (values) => {
        let d = { peak: values[0], max: 0 };
        for (const v of values) d = updateDrawdown(d, v);
        let brute = 0;
        for (let i = 0; i < values.length; i++) for (let j = i; j < values.length; j++) brute = Math.max(brute, values[i] - values[j]);
        return d.max === brute && maxDrawdownOf(values) === brute;
      }),
    );
    expect(maxDrawdownOf([100, 120, 90, 110, 80, 130])).toBe(40);
  });
});

describe("markouts", () => {
  it("samples each horizon once, signed as our gain", () => {
    let m = emptyMarkouts();
    m = trackFill(m, { id: "f1", tokenId: "yes", side: "BUY", price: 5000, ts: 0 });
    m = trackFill(m, { id: "f2", tokenId: "yes", side: "SELL", price: 5100, ts: 0 });
    m = sampleMarkouts(m, 4_999, () => 4900);
    expect(averageMarkouts(m)).toEqual({ s5: null, s30: null, s120: null });
    m = sampleMarkouts(m, 5_000, () => 4900); // BUY: -100, SELL: +200
    expect(averageMarkouts(m).s5).toBe(50);
    m = sampleMarkouts(m, 6_000, () => 1); // already sampled at 5 s
    expect(averageMarkouts(m).s5).toBe(50);
    m = sampleMarkouts(m, 200_000, () => null); // no midpoint: skipped, not guessed
    expect(averageMarkouts(m)).toEqual({ s5: 50, s30: null, s120: null });
    expect(m.pending).toEqual([]);
  });
  it("samples each fill's horizon with the midpoint of the first sampling at or after it falls due, whatever the order of fills and samples", () => {
    type Step = { kind: "fill"; ts: number; side: "BUY" | "SELL"; price: number; token: string } | { kind: "sample"; now: number; mid: number | null };
    const step = fc.oneof(
      fc.record({ kind: fc.constant("fill" as const), ts: fc.integer({ min: 0, max: 300_000 }), side: fc.constantFrom("BUY" as const, "SELL" as const), price: fc.integer({ min: 1, max: 9999 }), token: fc.constantFrom("a", "b") }),
      fc.record({ kind: fc.constant("sample" as const), now: fc.integer({ min: 0, max: 400_000 }), mid: fc.option(fc.integer({ min: 1, max: 9999 })) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps: Step[]) => {
        let m = emptyMarkouts();
        // The oracle: per fill and horizon, the first later sampling with now >= ts + horizon decides (a null mid skips it).
        const fills: { ts: number; side: "BUY" | "SELL"; price: number; taken: boolean[] }[] = [];
        const sums = MARKOUT_HORIZONS_MS.map(() => 0);
        const counts = MARKOUT_HORIZONS_MS.map(() => 0);
        steps.forEach((s, i) => {
          if (s.kind === "fill") {
            m = trackFill(m, { id: `f${i}`, tokenId: s.token, side: s.side, price: s.price, ts: s.ts });
            fills.push({ ts: s.ts, side: s.side, price: s.price, taken: MARKOUT_HORIZONS_MS.map(() => false) });
            return;
          }
          m = sampleMarkouts(m, s.now, () => s.mid);
          for (const f of fills) {
            MARKOUT_HORIZONS_MS.forEach((h, k) => {
              if (f.taken[k] || s.now < f.ts + h) return;
              f.taken[k] = true;
              if (s.mid === null) return;
              sums[k] += f.side === "BUY" ? s.mid - f.price : f.price - s.mid;
              counts[k] += 1;
            });
          }
        });
        const open = fills.filter((f) => f.taken.some((t) => !t)).length;
        expect(m.sums).toEqual(sums);
        expect(m.counts).toEqual(counts);
        expect(m.pending.length).toBe(open);
      }),
    );
  });
  it("returns the same state, untouched, when no horizon is due", () => {
    let m = trackFill(emptyMarkouts(), { id: "f1", tokenId: "yes", side: "BUY", price: 5000, ts: 1_000 });
    expect(sampleMarkouts(m, 5_999, () => 4900)).toBe(m);
    m = sampleMarkouts(m, 6_000, () => 4900);
    expect(m.counts).toEqual([1, 0, 0]);
    expect(sampleMarkouts(m, 30_999, () => 1)).toBe(m);
  });
});
