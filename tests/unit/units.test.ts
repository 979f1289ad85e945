import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatFixed, formatPrice, notional, parseFixed, parsePrice, parseSize } from "../../src/domain/units.js";

describe("units", () => {
  it("parses decimal strings exactly", () => {
    expect(parsePrice("0.53")).toBe(5300);
    expect(parsePrice("0.001")).toBe(10);
    expect(parsePrice("1")).toBe(10000);
    expect(parsePrice(".5")).toBe(5000);
    expect(parseSize("3769.8")).toBe(3_769_800_000);
    expect(parseSize("0.870000260000099")).toBeNull();
    expect(parsePrice("0.00005")).toBeNull();
    expect(parsePrice("-0.5")).toBeNull();
    expect(parsePrice("abc")).toBeNull();
    expect(parsePrice("")).toBeNull();
    expect(parsePrice(".")).toBeNull();
    expect(parsePrice("1e-3")).toBeNull();
    expect(parsePrice("0.5000")).toBe(5000);
  });
  it("formats without trailing zeros", () => {
    expect(formatPrice(5300)).toBe("0.53");
    expect(formatPrice(10000)).toBe("1");
    expect(formatFixed(-1_500_000, 6)).toBe("-1.5");
  });
  it("round-trips every integer", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => parseFixed(formatFixed(n, 6), 6) === n));
  });
  it("parses any short text over digits and dots as a reference decimal reader does", () => {
    /** The obvious reader: split at the one dot, digits only, no digit past the scale but zeros, exact via BigInt. */
    const reference = (text: string, decimals: number): number | null => {
      const parts = text.split(".");
      if (parts.length > 2 || text.length === 0 || text.length > 32) return null;
      const [head, tail = ""] = parts;
      if (head.length + tail.length === 0 || !/^[0-9]*$/.test(head + tail) || /[1-9]/.test(tail.slice(decimals))) return null;
      const v = BigInt((head || "0") + tail.slice(0, decimals).padEnd(decimals, "0"));
      return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : null;
    };
    const text = fc.array(fc.constantFrom("0", "1", "5", "9", ".", "-", "e"), { maxLength: 24 }).map((cs) => cs.join(""));
    fc.assert(fc.property(text, fc.constantFrom(0, 4, 6), (t, d) => parseFixed(t, d) === reference(t, d)), { numRuns: 2000 });
  });
  it("notional is exact on the 0.01-share grid", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 1e9 }), (p, centi) => {
        return notional(p, centi * 10_000) === p * centi;
      }),
    );
  });
});

describe("signed money", () => {
  it("reads losses as negative amounts", async () => {
    const { parseSignedUsd } = await import("../../src/domain/units.js");
    expect(parseSignedUsd("-0.05")).toBe(-50_000);
    expect(parseSignedUsd("12.3")).toBe(12_300_000);
    expect(parseSignedUsd("-")).toBeNull();
    expect(parseSignedUsd("--1")).toBeNull();
  });
});
