// Sparklines and bars: exact widths, the series' shape, clamping.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { depthBar, resample, sparkline, usageBar } from "../../../src/ui/sparkline.js";

describe("sparkline", () => {
  it("draws the lowest and highest points at the bottom and top", () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8], 8)).toBe("▁▂▃▄▅▆▇█");
    expect(sparkline([5, 5, 5], 10)).toBe("▄▄▄");
    expect(sparkline([], 10)).toBe("");
    expect(sparkline([1, NaN, 2], 10)).toBe("▁█");
  });

  it("never draws wider than asked", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true })), fc.integer({ min: 0, max: 100 }), (values, width) => {
        expect(Array.from(sparkline(values, width)).length).toBe(Math.min(values.length, width));
      }),
    );
  });

  it("resamples by averaging buckets", () => {
    expect(resample([1, 3, 5, 7], 2)).toEqual([2, 6]);
    expect(resample([1, 2], 5)).toEqual([1, 2]);
  });

  it("usage bars fill in proportion and clamp", () => {
    expect(usageBar(50, 100, 10)).toBe("█████░░░░░");
    expect(usageBar(150, 100, 4)).toBe("████");
    expect(usageBar(-1, 100, 4)).toBe("░░░░");
    expect(usageBar(1, 0, 2)).toBe("██");
    expect(depthBar(1, 1000, 10)).toBe("█");
    expect(depthBar(1000, 1000, 10)).toBe("██████████");
    expect(depthBar(0, 1000, 10)).toBe("");
  });
});
