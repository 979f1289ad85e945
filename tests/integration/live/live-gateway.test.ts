// The live gateway against the embedded exchange (signatures and HMAC verified): place, fill via the user channel, cancel, close with 0 open orders.
import { afterEach, describe, expect, it } from "vitest";
import { liveRig, order, taker, takerBuy, until, type LiveRig } from "./helpers.js";

let rig: LiveRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

describe("LiveGateway on the embedded exchange", () => {
  it("places post-only orders, gets a fill through the user channel, cancels, and leaves nothing open", async () => {
    rig = await liveRig();
    const { gw, ex, market, events } = rig;
    const book = ex.engine.book(market.conditionId);
    const bid = book.bids.best()!.price;
    const ask = book.asks.best()!.price;
    // A YES bid one tick under the best bid, and the ask side as a BUY of NO at 1 - best ask.
    const results = await gw.place([order(market, "YES", "BUY", bid - market.tickSize, 10_000_000), order(market, "NO", "BUY", 10_000 - ask, 10_000_000)]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(gw.openOrders()).toHaveLength(2);
    expect(events.filter((e) => e.type === "acknowledged")).toHaveLength(2);

    // Another trader sweeps the best ask level, which holds our NO bid (a YES ask at `ask`).
    const other = await taker(ex);
    await takerBuy(other, market.yesTokenId, ask / 10_000, 5000);
    await until(() => events.some((e) => e.type === "fill"), "our fill on the user channel");
    const fill = events.find((e) => e.type === "fill")!;
    expect(fill.type === "fill" && fill.fill).toMatchObject({ tokenId: market.noTokenId, outcome: "NO", side: "BUY", price: 10_000 - ask, size: 10_000_000, liquidity: "maker", status: "MATCHED" });
    await until(() => gw.openOrders().length === 1, "the filled order to leave the open set");

    const res = await gw.cancel(gw.openOrders().map((o) => o.id));
    expect(res.canceled).toHaveLength(1);
    expect(gw.openOrders()).toHaveLength(0);
    expect(ex.engine.openOrders(rig.gw.tradeContext().apiKey)).toHaveLength(0);
  });

  it("cancels everything on close, including orders it placed just before", async () => {
    rig = await liveRig();
    const { gw, ex, market } = rig;
    const bid = ex.engine.book(market.conditionId).bids.best()!.price;
    await gw.place([1, 2, 3].map((k) => order(market, "YES", "BUY", bid - k * market.tickSize, 5_000_000)));
    const key = gw.tradeContext().apiKey;
    expect(ex.engine.openOrders(key)).toHaveLength(3);
    await gw.close();
    expect(ex.engine.openOrders(key)).toHaveLength(0);
    expect(gw.openOrders()).toHaveLength(0);
  });

  it("refuses orders over the notional cap, off the tick grid, or not resting, without sending them", async () => {
    rig = await liveRig({ maxNotionalUsd: 5 });
    const { gw, market, ex } = rig;
    const bid = ex.engine.book(market.conditionId).bids.best()!.price;
    const [big, offGrid, fok] = await gw.place([
      order(market, "YES", "BUY", bid - market.tickSize, 100_000_000),
      order(market, "YES", "BUY", bid - market.tickSize + 1, 5_000_000),
      { ...order(market, "YES", "BUY", bid - market.tickSize, 5_000_000), type: "FOK" as const, postOnly: false },
    ]);
    expect(big.reason).toMatch(/max notional.*maxNotionalUsd/);
    expect(offGrid.reason).toMatch(/off the tick grid/);
    expect(fok.reason).toMatch(/resting limit orders/);
    expect(ex.engine.openOrders(gw.tradeContext().apiKey)).toHaveLength(0);
  });

  it("with live.gtdSeconds, quotes go out as GTD orders that expire on their own", async () => {
    rig = await liveRig({ gtdSeconds: 600 });
    const { gw, ex, market } = rig;
    const [r] = await gw.place([order(market, "YES", "BUY", ex.engine.book(market.conditionId).bids.best()!.price - market.tickSize, 5_000_000)]);
    expect(r.ok).toBe(true);
    const resting = ex.engine.order(r.orderId!);
    expect(resting?.type).toBe("GTD");
    expect(resting!.expiration - Date.now() / 1000).toBeGreaterThan(590);
  });
});
