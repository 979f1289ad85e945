// Fault tests of the live path: 425 and 429 windows, 5xx, a user-channel drop, stray orders from another client, a tick-size change.
import { afterEach, describe, expect, it } from "vitest";
import { Side, OrderType } from "@polymarket/clob-client-v2";
import { FAST_TIMING, liveRig, order, taker, takerBuy, until, type LiveRig } from "./helpers.js";

let rig: LiveRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

const bidOf = (r: LiveRig) => r.ex.engine.book(r.market.conditionId).bids.best()!.price;

describe("live faults", () => {
  it("425: backs off without sending, accepts only post-only orders after, then resumes", async () => {
    rig = await liveRig({ postOnlyWindowMs: 60_000 });
    const { gw, ex, market, events } = rig;
    const price = bidOf(rig) - market.tickSize;
    ex.admin.httpError(425, 700);
    const [first] = await gw.place([order(market, "YES", "BUY", price, 5_000_000)]);
    expect(first.ok).toBe(false);
    expect(first.reason).toMatch(/425/);
    const [held] = await gw.place([order(market, "YES", "BUY", price, 5_000_000)]);
    expect(held.reason).toMatch(/backing off/); // refused locally during the pause
    await until(() => gw.runner.blocked(true) === null, "the pause to end", 5000);
    const [taker_] = await gw.place([order(market, "YES", "BUY", price, 5_000_000, false)]);
    expect(taker_.reason).toMatch(/only post-only/);
    let ok = false;
    for (let i = 0; i < 20 && !ok; i++) {
      ok = (await gw.place([order(market, "YES", "BUY", price, 5_000_000)]))[0].ok;
      if (!ok) await new Promise((r) => setTimeout(r, 200));
    }
    expect(ok).toBe(true);
    expect(events.some((e) => e.type === "error")).toBe(false); // 425 is not an error-rate event
  });

  it("429: retries within backoff and gets through without an error", async () => {
    rig = await liveRig({ backoffBaseMs: 200 });
    const { gw, ex, market, events } = rig;
    ex.admin.httpError(429, 300);
    const [r] = await gw.place([order(market, "YES", "BUY", bidOf(rig) - market.tickSize, 5_000_000)]);
    expect(r.ok).toBe(true);
    expect(events.some((e) => e.type === "error")).toBe(false);
  });

  it("5xx: retries the same signed orders, and only a lasting failure counts as an error", async () => {
    rig = await liveRig({ backoffBaseMs: 100, maxRetries: 2 });
    const { gw, ex, market, events } = rig;
    ex.admin.httpError(500, 150);
    expect((await gw.place([order(market, "YES", "BUY", bidOf(rig) - market.tickSize, 5_000_000)]))[0].ok).toBe(true);
    expect(events.some((e) => e.type === "error")).toBe(false);
    ex.admin.httpError(500, 5000);
    const [bad] = await gw.place([order(market, "YES", "BUY", bidOf(rig) - 2 * market.tickSize, 5_000_000)]);
    expect(bad.ok).toBe(false);
    expect(events.filter((e) => e.type === "error")).toHaveLength(1);
    ex.admin.clear();
    await until(() => gw.openOrders().length === 1, "reconciliation after the doubtful post");
    expect(ex.engine.openOrders(gw.tradeContext().apiKey)).toHaveLength(1);
  });

  it("a user-channel drop: the fill made while down is reported once, from REST reconciliation", async () => {
    rig = await liveRig({}, { ...FAST_TIMING, backoffBaseMs: 1500, backoffMaxMs: 3000 });
    const { gw, ex, market, events } = rig;
    const ask = ex.engine.book(market.conditionId).asks.best()!.price;
    expect((await gw.place([order(market, "NO", "BUY", 10_000 - ask, 10_000_000)]))[0].ok).toBe(true);
    ex.admin.dropAll();
    await new Promise((r) => setTimeout(r, 50));
    await takerBuy(await taker(ex), market.yesTokenId, ask / 10_000, 5000);
    await until(() => events.some((e) => e.type === "fill"), "the missed fill after reconnecting", 10_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(events.filter((e) => e.type === "fill")).toHaveLength(1);
    expect(gw.openOrders()).toHaveLength(0);
  });

  it("orders placed by another client of the same wallet are reported and cancelled (or adopted when set)", async () => {
    for (const adopt of [false, true]) {
      rig = await liveRig({ adoptUnknownOrders: adopt });
      const { gw, ex, market, wallet, log, events } = rig;
      const other = await taker(ex, wallet);
      const price = (bidOf(rig) - 3 * market.tickSize) / 10_000;
      const res = await other.createAndPostOrder({ tokenID: market.yesTokenId, price, size: 5, side: Side.BUY }, { tickSize: "0.01", negRisk: market.negRisk }, OrderType.GTC, true);
      ex.admin.dropAll(); // reconnect -> reconciliation
      const key = gw.tradeContext().apiKey;
      if (adopt) {
        await until(() => gw.knows(res.orderID), "the stray to be adopted");
        expect(ex.engine.openOrders(key)).toHaveLength(1);
      } else {
        await until(() => ex.engine.openOrders(key).length === 0, "the stray to be cancelled");
        expect(log.lines.some((l) => l.includes("not placed by this mm"))).toBe(true);
        // The exchange forgets the order before its answer to the cancel reaches the gateway, which then reports it.
        await until(() => events.some((e) => e.type === "cancelled" && e.id === res.orderID), "the gateway to report the stray's cancel");
      }
      await rig.close();
      rig = null;
    }
  });

  it("a tick-size change with resting orders: the new tick is fetched, and an old-grid price is refused once, never in a loop", async () => {
    rig = await liveRig();
    const { gw, ex, market, events } = rig;
    const bid = bidOf(rig);
    expect((await gw.place([order(market, "YES", "BUY", bid - market.tickSize, 5_000_000)]))[0].ok).toBe(true);
    ex.admin.tickSizeChange(market.yesTokenId); // 0.01 -> 0.001
    // The engine re-prices on the new grid: a price only valid there goes through once the gateway sees the new tick.
    const fine = { ...market, tickSize: 10 };
    expect((await gw.place([order(fine, "YES", "BUY", bid - market.tickSize + 10, 5_000_000)]))[0].ok).toBe(true);
    ex.admin.tickSizeChange(market.yesTokenId); // back to 0.01: a 0.001-grid price is now refused
    const rejections = () => events.filter((e) => e.type === "rejected").length;
    const results = [];
    for (let i = 0; i < 5; i++) {
      results.push((await gw.place([order(fine, "YES", "BUY", bid - 2 * market.tickSize + 10, 5_000_000)]))[0]);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(rejections()).toBe(5);
    expect(results.filter((r) => /off the tick grid/.test(r.reason ?? "")).length).toBeGreaterThanOrEqual(4); // at most one went to the exchange
  });
});
