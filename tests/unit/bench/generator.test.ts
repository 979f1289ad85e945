// The benchmark's generated traffic: deterministic per seed, shaped like real traffic, and exact (the feed verifies every hash and top).
import { describe, expect, it } from "vitest";
import { parseFrame } from "../../../src/adapters/polymarket/parse/parse-frame.js";
import { generateTraffic } from "../../../src/bench/generator.js";
import { BookSet } from "../../../src/domain/book/book-set.js";
import { playTraffic } from "../../helpers/generated-feed.js";

const small = { markets: 6, frames: 3_000, seed: 11, meanGapMs: 2 };

describe("generateTraffic", () => {
  it("gives the same frames for the same seed and different ones for another", () => {
    const a = generateTraffic(small);
    const b = generateTraffic(small);
    const c = generateTraffic({ ...small, seed: 12 });
    expect(b.frames).toEqual(a.frames);
    expect(b.opening).toBe(a.opening);
    expect(Array.from(b.timestamps)).toEqual(Array.from(a.timestamps));
    expect(c.frames.slice(0, 50)).not.toEqual(a.frames.slice(0, 50));
  });

  it("is mostly mirrored price_change pairs, with multi-entry frames, trades, post-trade books and duplicates, on both ticks", () => {
    const t = generateTraffic({ ...small, frames: 10_000, markets: 24 });
    const n = t.frames.length;
    expect(n).toBeGreaterThanOrEqual(10_000);
    expect(t.counts.price_change / n).toBeGreaterThan(0.75);
    for (const kind of ["multi_change", "last_trade_price", "book", "duplicate"] as const) expect(t.counts[kind]).toBeGreaterThan(0);
    expect(t.counts.book).toBe(2 * t.counts.last_trade_price);
    expect(new Set(t.markets.map((m) => m.tickSize))).toEqual(new Set([100, 10]));
    expect(new Set(t.markets.flatMap((m) => [m.yesTokenId, m.noTokenId])).size).toBe(48);
    // A single pair: the NO entry mirrors the YES entry (price 1 - p, other side, same size).
    const pair = JSON.parse(t.frames.find((f) => f.includes('"price_change"') && (f.match(/asset_id/g) ?? []).length === 2) ?? "{}") as {
      price_changes: { price: string; size: string; side: string }[];
    };
    const [x, y] = pair.price_changes;
    expect(Number(x.price) + Number(y.price)).toBeCloseTo(1, 9);
    expect(x.size).toBe(y.size);
    expect(x.side).not.toBe(y.side);
    // Exchange timestamps never go back, and their mean gap is the one asked for.
    for (let i = 1; i < n; i++) expect(t.timestamps[i]).toBeGreaterThanOrEqual(t.timestamps[i - 1]);
    expect((t.timestamps[n - 1] - t.openingTs) / n).toBeGreaterThan(1.5);
    expect((t.timestamps[n - 1] - t.openingTs) / n).toBeLessThan(2.5);
  });

  it("parses without a rejection and every entry's best bid/ask agrees with the books", () => {
    const t = generateTraffic(small);
    const books = new BookSet();
    for (const m of t.markets) for (const id of [m.yesTokenId, m.noTokenId]) books.setTickSize(id, m.tickSize);
    let rejections = 0;
    let checks = 0;
    let mismatches = 0;
    let unsynced = 0;
    for (const frame of [t.opening, ...t.frames]) {
      const parsed = parseFrame(frame);
      rejections += parsed.rejections.length;
      for (const e of parsed.events) {
        if (e.type === "text" || e.type === "order" || e.type === "trade") continue;
        const r = books.apply(e);
        checks += r.topChecks;
        mismatches += r.topMismatches;
        unsynced += r.unsyncedDeltas;
      }
    }
    expect(rejections).toBe(0);
    expect(unsynced).toBe(0);
    expect(mismatches).toBe(0);
    expect(checks).toBe(t.entries + t.counts.duplicate * 2);
  });

  it("carries exact book hashes: the feed, checking every entry's hash, never desyncs", async () => {
    const t = generateTraffic(small);
    const { feed } = await playTraffic(t, t.frames.length);
    const health = feed.health();
    expect(health.invalidFrames).toBe(0);
    expect(health.tokens.every((x) => x.synced && x.desyncs === 0)).toBe(true);
    void feed.stop();
  });
});
