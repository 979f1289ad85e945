// Settlement and the dead-man's switch on the embedded exchange: MATCHED -> CONFIRMED, a FAILED trade reversing its fill, heartbeats lapsing.
import { afterEach, describe, expect, it } from "vitest";
import { liveRig, order, taker, takerBuy, until, type LiveRig } from "./helpers.js";

let rig: LiveRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

const FAST_SETTLE = { trading: { minedDelayMs: 100, confirmedDelayMs: 100 } };

async function fillOne(r: LiveRig): Promise<void> {
  const ask = r.ex.engine.book(r.market.conditionId).asks.best()!.price;
  expect((await r.gw.place([order(r.market, "NO", "BUY", 10_000 - ask, 10_000_000)]))[0].ok).toBe(true);
  await takerBuy(await taker(r.ex), r.market.yesTokenId, ask / 10_000, 5000);
}

describe("live settlement", () => {
  it("a fill is reported once as MATCHED (pending) and becomes CONFIRMED in the gateway's ledger", async () => {
    rig = await liveRig({}, undefined, FAST_SETTLE);
    await fillOne(rig);
    await until(() => rig!.gw.ledger.fills().some((f) => f.status === "CONFIRMED"), "confirmation");
    const fills = rig.events.filter((e) => e.type === "fill");
    expect(fills).toHaveLength(1);
    expect(fills[0].type === "fill" && fills[0].fill.status).toBe("MATCHED");
    expect(rig.events.some((e) => e.type === "fill_reversed")).toBe(false);
    const account = rig.gw.account();
    expect(account.positions).toEqual([expect.objectContaining({ outcome: "NO", shares: 10_000_000, pendingShares: 0 })]);
    expect(await rig.gw.checkBalance()).toMatchObject({ ok: true });
  });

  it("a FAILED trade reverses its fill", async () => {
    rig = await liveRig({}, undefined, FAST_SETTLE);
    rig.ex.trading.failNextTrades(1000); // every match of the sweep (the taker is a user too) fails
    await fillOne(rig);
    await until(() => rig!.events.some((e) => e.type === "fill_reversed"), "the reversal");
    const fill = rig.events.find((e) => e.type === "fill");
    const reversed = rig.events.find((e) => e.type === "fill_reversed");
    expect(fill && reversed && fill.type === "fill" && reversed.type === "fill_reversed" && reversed.fill.id === fill.fill.id).toBe(true);
    expect(rig.gw.ledger.fills()).toEqual([]);
  });

  it("when mm stops heartbeating, the exchange cancels its orders and the gateway notices", async () => {
    rig = await liveRig({ heartbeatMs: 500 }, undefined, { trading: { heartbeatTimeoutMs: 1200, heartbeatCheckMs: 50 } });
    const { gw, ex, market } = rig;
    const bid = ex.engine.book(market.conditionId).bids.best()!.price;
    expect((await gw.place([order(market, "YES", "BUY", bid - market.tickSize, 5_000_000)]))[0].ok).toBe(true);
    await new Promise((r) => setTimeout(r, 1500)); // heartbeats keep the order alive past the timeout
    const key = gw.tradeContext().apiKey;
    expect(ex.engine.openOrders(key)).toHaveLength(1);
    gw.heartbeat.stop(); // mm hangs
    await until(() => ex.engine.openOrders(key).length === 0, "the exchange's dead-man's switch", 5000);
    await until(() => gw.openOrders().length === 0, "the CANCELLATION to reach the gateway");
    expect((await gw.place([order(market, "YES", "BUY", bid - market.tickSize, 5_000_000)]))[0].reason).toMatch(/heartbeats are not getting through/);
  });
});
