// The picker's pure logic: search, filters, sorts, and keeping the selection on screen.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compareMarkets, matchesSearch, moveSelection, nextFilter, nextSort, passesFilter, scrollTop, visibleMarkets, SORTS } from "../../../src/ui/picker-model.js";
import { market } from "./fixtures.js";

const NOW = Date.UTC(2026, 0, 1);
const HOUR = 3600_000;

describe("picker model", () => {
  const btc = market({ question: "Will Bitcoin reach $200k in 2026?", slug: "btc-200k", volume24h: 900_000, liquidity: 50_000, bestBid: 1200, bestAsk: 1300, endDate: "2026-12-31T00:00:00Z" });
  const fed = market({ question: "Fed cuts rates in March?", slug: "fed-march", volume24h: 300_000, liquidity: 200_000, bestBid: 4000, bestAsk: 4010, rewards: null, endDate: new Date(NOW + 5 * HOUR).toISOString() });
  const rain = market({ question: "Rain in London tomorrow?", slug: "london-rain", volume24h: 10, liquidity: 10, bestBid: null, bestAsk: 5000, rewards: { maxSpreadCents: 3, minSize: 20_000_000, dailyRate: 500_000_000 }, endDate: null });
  const all = [btc, fed, rain];

  it("searches incrementally, case-insensitively, every word in the question or slug", () => {
    expect(matchesSearch(btc, "")).toBe(true);
    expect(matchesSearch(btc, "bit")).toBe(true);
    expect(matchesSearch(btc, "BITCOIN 2026")).toBe(true);
    expect(matchesSearch(btc, "btc-200")).toBe(true);
    expect(matchesSearch(btc, "bitcoin march")).toBe(false);
    const view = (query: string) => visibleMarkets(all, { query, sort: "volume", filter: "all", now: NOW }).map((m) => m.slug);
    expect(view("r")).toEqual(["btc-200k", "fed-march", "london-rain"]);
    expect(view("ra")).toEqual(["fed-march", "london-rain"]);
    expect(view("rai")).toEqual(["london-rain"]);
  });

  it("filters rewarded markets and markets ending within 24 h", () => {
    expect(passesFilter(fed, "rewarded", NOW)).toBe(false);
    expect(passesFilter(fed, "not-ending", NOW)).toBe(false);
    expect(passesFilter(btc, "rewarded-not-ending", NOW)).toBe(true);
    expect(passesFilter(rain, "not-ending", NOW)).toBe(true);
    expect(visibleMarkets(all, { query: "", sort: "volume", filter: "rewarded", now: NOW }).map((m) => m.slug)).toEqual(["btc-200k", "london-rain"]);
  });

  it("sorts by volume, liquidity, spread, rewards and end date, missing figures last", () => {
    const order = (sort: (typeof SORTS)[number]) => visibleMarkets(all, { query: "", sort, filter: "all", now: NOW }).map((m) => m.slug);
    expect(order("volume")).toEqual(["btc-200k", "fed-march", "london-rain"]);
    expect(order("liquidity")).toEqual(["fed-march", "btc-200k", "london-rain"]);
    expect(order("spread")).toEqual(["fed-march", "btc-200k", "london-rain"]);
    expect(order("rewards")).toEqual(["london-rain", "btc-200k", "fed-march"]);
    expect(order("ending")).toEqual(["fed-march", "btc-200k", "london-rain"]);
  });

  it("cycles sorts and filters", () => {
    expect(nextSort("volume")).toBe("liquidity");
    expect(nextSort("ending")).toBe("volume");
    expect(nextFilter("all")).toBe("rewarded");
    expect(nextFilter("rewarded-not-ending")).toBe("all");
  });

  it("the visible list is a sorted subset and never mutates its input", () => {
    const arb = fc.array(
      fc.record({ volume24h: fc.integer({ min: 0, max: 1e6 }), liquidity: fc.integer({ min: 0, max: 1e6 }), q: fc.constantFrom("alpha", "beta", "gamma delta") }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, fc.constantFrom(...SORTS), fc.constantFrom("", "a", "delta"), (rows, sort, query) => {
        const markets = rows.map((r) => market({ volume24h: r.volume24h, liquidity: r.liquidity, question: r.q }));
        const before = markets.slice();
        const view = visibleMarkets(markets, { query, sort, filter: "all", now: NOW });
        expect(markets).toEqual(before);
        for (const m of view) expect(markets).toContain(m);
        for (let i = 1; i < view.length; i++) expect(compareMarkets(view[i - 1], view[i], sort)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it("keeps the selection inside the window and clamps moves", () => {
    expect(moveSelection(0, -1, 10)).toBe(0);
    expect(moveSelection(8, 5, 10)).toBe(9);
    expect(moveSelection(3, 1, 0)).toBe(0);
    expect(scrollTop(0, 100, 10)).toBe(0);
    expect(scrollTop(15, 100, 10, 0)).toBe(6);
    expect(scrollTop(7, 100, 10, 6)).toBe(6);
    expect(scrollTop(3, 100, 10, 6)).toBe(3);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 500 }), (count, height, prev) => {
        const selected = count === 0 ? 0 : prev % count;
        const top = scrollTop(selected, count, height, prev);
        expect(top).toBeGreaterThanOrEqual(0);
        if (count > 0) {
          expect(selected).toBeGreaterThanOrEqual(top);
          expect(selected).toBeLessThan(top + height);
        }
      }),
    );
  });
});
