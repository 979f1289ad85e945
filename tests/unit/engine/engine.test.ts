import { describe, expect, it } from "vitest";
import { harness, standardBook } from "./harness.js";

describe("engine quoting loop", () => {
  it("quotes both sides once the books are synced and the orders go live", async () => {
    const h = harness();
    await h.engine.start();
    await h.run(50);
    expect(h.gateway.places.flat()).toHaveLength(0);
    standardBook(h);
    await h.run(200);
    const placed = h.gateway.places.flat();
    expect(placed.map((o) => [o.outcome, o.side, o.price])).toEqual([
      ["YES", "BUY", 4800],
      ["NO", "BUY", 4800],
    ]);
    const snap = h.engine.snapshot();
    expect(snap.openOrders.map((o) => o.status)).toEqual(["live", "live"]);
    expect(h.events.filter((e) => e.type === "order").map((e) => e.type === "order" && e.action)).toEqual(["placed", "placed", "acknowledged", "acknowledged"]);
  });

  it("a stale feed pulls quotes within the stale limit, even without a notice", async () => {
    const h = harness();
    await h.engine.start();
    standardBook(h);
    await h.run(200);
    expect(h.engine.openOrderCount()).toBe(2);
    h.md.notOk.set("111", "stale: no message for 1000 ms");
    await h.run(100);
    expect(h.gateway.cancels.flat()).toHaveLength(2);
    await h.run(100);
    expect(h.engine.openOrderCount()).toBe(0);
    const placesBefore = h.gateway.places.flat().length;
    await h.run(1000);
    expect(h.gateway.places.flat().length).toBe(placesBefore);
    h.md.notOk.delete("111");
    standardBook(h);
    await h.run(200);
    expect(h.engine.openOrderCount()).toBe(2);
  });

  it("pulls at once when a book goes out of sync while a requote is pending (book moves wait for the requote)", async () => {
    const h = harness();
    await h.engine.start();
    standardBook(h);
    await h.run(200);
    expect(h.engine.openOrderCount()).toBe(2);
    standardBook(h, 100); // the book moves: a throttled requote is now pending
    h.md.emit({ type: "delta", tokenId: "111", side: "BUY", price: 5000, size: 1, topChanged: true, ts: h.clock.now() });
    h.md.notOk.set("111", "book not synced: waiting for a snapshot");
    h.md.emit({ type: "sync", tokenId: "111", synced: false, reason: "desync", ts: h.clock.now() });
    await h.run(1);
    expect(h.gateway.cancels.flat()).toHaveLength(2);
  });

  it("a tick-size change pulls quotes, then re-prices them on the new grid after the fresh snapshot", async () => {
    const h = harness(["strategy.halfSpreadTicks=2"]);
    await h.engine.start();
    standardBook(h);
    await h.run(200);
    expect(h.engine.snapshot().openOrders.map((o) => o.price)).toEqual([4800, 4800]);
    h.md.tickSizeChange(["111", "222"], 10);
    await h.run(200);
    expect(h.engine.openOrderCount()).toBe(0);
    h.md.setBook("111", "222", [[4990, 100]], [[5050, 100]], 10);
    await h.run(200);
    const prices = h.engine.snapshot().openOrders.map((o) => o.price);
    expect(prices).toEqual([5000, 10_000 - 5040]); // mid 0.502 +- 2 ticks of 0.001
    expect(prices.some((p) => p % 100 !== 0)).toBe(true);
    for (const o of h.engine.snapshot().openOrders) expect(o.status).toBe("live");
    expect(h.events.some((e) => e.type === "order" && e.action === "rejected")).toBe(false);
  });

  it("keeps orders when the book moves but the desired price and size are unchanged (tolerance)", async () => {
    const h = harness();
    await h.engine.start();
    standardBook(h);
    await h.run(200);
    const n = h.gateway.places.flat().length;
    // Sizes at the top change, the midpoint does not: no requote.
    h.md.setBook("111", "222", [[4800, 10], [4900, 500]], [[5200, 8], [5100, 600]], 100);
    await h.run(500);
    expect(h.gateway.places.flat().length).toBe(n);
    expect(h.gateway.cancels.flat()).toHaveLength(0);
  });

  it("requotes at most once per minimum interval however fast the top moves", async () => {
    const h = harness(["orders.minRequoteIntervalMs=1000"]);
    await h.engine.start();
    standardBook(h);
    await h.run(100);
    const start = h.clock.now();
    const batchTimes: number[] = [];
    const orig = h.gateway.places.length;
    for (let i = 0; i < 40; i++) {
      standardBook(h, (i % 2 === 0 ? 1 : -1) * 100);
      await h.run(50);
      if (h.gateway.places.length > orig + batchTimes.length) batchTimes.push(h.clock.now() - start);
    }
    expect(batchTimes.length).toBeGreaterThan(0);
    for (let i = 1; i < batchTimes.length; i++) expect(batchTimes[i] - batchTimes[i - 1]).toBeGreaterThanOrEqual(1000 - 50);
    expect(batchTimes.length).toBeLessThanOrEqual(3);
  });

  it("never places more than the rate limit per minute", async () => {
    const h = harness(["orders.maxOrdersPerMinute=5", "orders.minRequoteIntervalMs=0"]);
    await h.engine.start();
    for (let i = 0; i < 60; i++) {
      standardBook(h, (i % 3) * 100);
      await h.run(500, 50);
    }
    const times: number[] = [];
    const rec = h.events.filter((e) => e.type === "order" && e.action === "placed").map((e) => e.ts);
    times.push(...rec);
    expect(times.length).toBeGreaterThanOrEqual(5);
    for (const t of times) expect(times.filter((u) => u > t - 60_000 && u <= t).length).toBeLessThanOrEqual(5);
  });
});
