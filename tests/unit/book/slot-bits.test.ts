// The slot bitmaps under the order book: next set slot below/above and clearing, against a plain set of slots.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bitmapWords, clearSlots, setAbove, setBelow } from "../../../src/domain/book/slot-bits.js";

const SLOTS = 10_001;

describe("slot bitmaps", () => {
  it("find the nearest set slot either way and clear exactly the set slots", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: SLOTS - 1 }), { maxLength: 80 }), fc.array(fc.integer({ min: 0, max: SLOTS - 1 }), { maxLength: 40 }), (slots, probes) => {
        const bits = new Uint32Array(bitmapWords(SLOTS));
        const arr = new Float64Array(SLOTS);
        for (const s of slots) {
          bits[s >>> 5] |= 1 << (s & 31);
          arr[s] = s + 1;
        }
        const sorted = [...slots].sort((a, b) => a - b);
        for (const p of [...probes, 0, 31, 32, SLOTS - 1, ...slots]) {
          expect(setBelow(bits, p)).toBe(sorted.filter((s) => s < p).at(-1) ?? -1);
          expect(setAbove(bits, p)).toBe(sorted.find((s) => s > p) ?? -1);
        }
        clearSlots(arr, bits, slots.length);
        expect(arr.every((v) => v === 0) && bits.every((w) => w === 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  it("handles the top bit of a word", () => {
    const bits = new Uint32Array(bitmapWords(SLOTS));
    bits[0] = 0x80000000;
    bits[1] = 0x80000001;
    expect(setBelow(bits, 32)).toBe(31);
    expect(setAbove(bits, 31)).toBe(32);
    expect(setAbove(bits, 32)).toBe(63);
    expect(setBelow(bits, 63)).toBe(32);
  });
});
