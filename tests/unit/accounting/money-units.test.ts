// Money units against exact BigInt arithmetic: notional for any size, and cents for display rounding half away from zero.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatCents, notional } from "../../../src/domain/units.js";

/** round(a / b) half away from zero, exactly, for b > 0. */
function divRound(a: bigint, b: bigint): bigint {
  const neg = a < 0n;
  const abs = neg ? -a : a;
  const q = (abs * 2n + b) / (2n * b);
  return neg ? -q : q;
}

describe("money units", () => {
  it("notional is price x size rounded half away from zero, for any size up to a billion shares (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 1e15 }), (price, size) => {
        expect(notional(price, size)).toBe(Number(divRound(BigInt(price) * BigInt(size), 10_000n)));
      }),
    );
  });

  it("formats cents symmetrically: -x reads as x with a minus sign", () => {
    expect(formatCents(15_000)).toBe("0.02");
    expect(formatCents(-15_000)).toBe("-0.02");
    expect(formatCents(-4_999)).toBe("0.00");
    expect(formatCents(-1_234_567)).toBe("-1.23");
  });

  it("formatCents is the micro-dollar amount rounded to the cent (property)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1e14, max: 1e14 }), fc.integer({ min: -1e9, max: 1e9 }).map((h) => h * 5_000)), (micro) => {
        const cents = divRound(BigInt(micro), 10_000n);
        const abs = cents < 0n ? -cents : cents;
        const text = `${cents < 0n ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
        expect(formatCents(micro)).toBe(text);
      }),
    );
  });
});
