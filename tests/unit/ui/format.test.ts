// Display formatting: prices on the tick grid, money, shares, ages, and exact-width cells.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decimalsForTick, fit, fmtAge, fmtCompactUsd, fmtEndsIn, fmtMid, fmtPrice, fmtShares, fmtSignedUsd, fmtUsd, fmtClock } from "../../../src/ui/format.js";

describe("format", () => {
  it("prints prices with the decimals their tick needs", () => {
    expect(decimalsForTick(100)).toBe(2);
    expect(decimalsForTick(10)).toBe(3);
    expect(decimalsForTick(50)).toBe(3);
    expect(decimalsForTick(25)).toBe(4);
    expect(fmtPrice(5300, 100)).toBe("0.53");
    expect(fmtPrice(5350, 10)).toBe("0.535");
    expect(fmtPrice(null, 100)).toBe("-");
    expect(fmtMid(5350, 100)).toBe("0.535");
    expect(fmtMid(5350.5, 10)).toBe("0.5351");
  });

  it("prints money to the cent with sign and separators", () => {
    expect(fmtUsd(1_234_560_000)).toBe("$1,234.56");
    expect(fmtUsd(-500_000)).toBe("-$0.50");
    expect(fmtUsd(0)).toBe("$0.00");
    expect(fmtSignedUsd(1_200_000)).toBe("+$1.20");
    expect(fmtSignedUsd(-1_200_000)).toBe("-$1.20");
    expect(fmtSignedUsd(4_000)).toBe("$0.00");
    expect(fmtCompactUsd(950)).toBe("$950");
    expect(fmtCompactUsd(12_345)).toBe("$12k");
    expect(fmtCompactUsd(4_100_000)).toBe("$4.1M");
  });

  it("money formatting round-trips to the cent for any amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (micro) => {
        const text = fmtUsd(micro);
        const cents = Number(text.replace(/[$,]/g, "")) * 100;
        expect(Math.round(cents)).toBe(Math.round(micro / 10_000) || 0);
      }),
    );
  });

  it("prints shares to two decimals without trailing zeros", () => {
    expect(fmtShares(120_500_000)).toBe("120.5");
    expect(fmtShares(10_000_000)).toBe("10");
    expect(fmtShares(1_234_567_890)).toBe("1,234.57");
    expect(fmtShares(-5_000_000)).toBe("-5");
  });

  it("prints ages and time left", () => {
    expect(fmtAge(850)).toBe("850ms");
    expect(fmtAge(12_000)).toBe("12s");
    expect(fmtAge(185_000)).toBe("3m05s");
    expect(fmtAge(2 * 3600_000 + 4 * 60_000)).toBe("2h04m");
    expect(fmtAge(3 * 86_400_000 + 5 * 3600_000)).toBe("3d05h");
    expect(fmtAge(45 * 86_400_000 + 5 * 3600_000)).toBe("45d");
    const now = Date.UTC(2026, 0, 1);
    expect(fmtEndsIn("2026-01-01T05:00:00Z", now)).toBe("5h00m");
    expect(fmtEndsIn("2025-12-31T00:00:00Z", now)).toBe("ended");
    expect(fmtEndsIn(null, now)).toBe("-");
    expect(fmtEndsIn("not a date", now)).toBe("-");
    expect(fmtClock(Date.UTC(2026, 4, 1, 12, 34, 56))).toBe("12:34:56");
  });

  it("fit always returns exactly the width asked for", () => {
    expect(fit("hello", 3)).toBe("he…");
    expect(fit("hi", 4, "right")).toBe("  hi");
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 200 }), fc.constantFrom("left" as const, "right" as const), (text, width, align) => {
        expect(Array.from(fit(text, width, align)).length).toBe(width);
      }),
    );
  });
});
