// The layout: panels add up to a frame shorter than the terminal, at any size.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { dashboardLayout } from "../../../src/ui/layout.js";

describe("layout", () => {
  it("fits 80x24 with a usable ladder and 160x48 with a richer one", () => {
    const small = dashboardLayout(80, 24);
    expect(small.height).toBe(23);
    expect(small.wide).toBe(false);
    expect(small.book.depth).toBeGreaterThanOrEqual(4);
    expect(small.quotes.height).toBeGreaterThanOrEqual(5);
    const big = dashboardLayout(160, 48);
    expect(big.wide).toBe(true);
    expect(big.book.depth).toBeGreaterThan(small.book.depth);
    expect(big.quotes.height).toBeGreaterThan(small.quotes.height);
  });

  it("never adds up to more than the frame, never wider than the terminal", () => {
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 400 }), fc.integer({ min: 16, max: 200 }), (columns, rows) => {
        const l = dashboardLayout(columns, rows);
        expect(l.height).toBe(rows - 1);
        expect(l.header.height + l.status.height + l.book.height + l.quotes.height + l.footer.height).toBeLessThanOrEqual(l.height);
        expect(l.position.height + l.risk.height).toBe(l.book.height);
        expect(l.book.width + l.position.width).toBe(columns);
        expect(l.quotes.width + l.activity.width).toBe(columns);
        expect(2 * l.book.depth + 4).toBeLessThanOrEqual(l.book.height);
        expect(l.quotes.height).toBeGreaterThanOrEqual(2);
      }),
    );
  });
});
