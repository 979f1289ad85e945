// Over HTTP with the official client: the heartbeat dead-man's switch cancels orders, and fault windows answer 425/429/500.
import { ApiError, OrderType, Side } from "@polymarket/clob-client-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../../src/adapters/clock/fake-clock.js";
import { startExchange, type Exchange } from "../../../src/sim/exchange.js";
import { newTrader, userSocket, waitFor } from "./helpers.js";

let ex: Exchange;
const clock = new FakeClock(Date.now());

beforeAll(async () => {
  // The exchange runs on a fake clock, so 10 s of heartbeat silence takes no real time.
  ex = await startExchange({ port: 0, seed: 5, markets: 2, autoFlow: false, clock });
});
afterAll(async () => {
  await ex.close();
});

async function restingBids(client: Awaited<ReturnType<typeof newTrader>>["client"], n: number) {
  const meta = ex.markets().find((m) => m.meta.tickSize === 100)!.meta;
  const book = await client.getOrderBook(meta.yesTokenId);
  const best = Number(book.bids.at(-1)!.price);
  for (let i = 1; i <= n; i++)
    await client.createAndPostOrder({ tokenID: meta.yesTokenId, price: Number((best - 0.01 * i).toFixed(2)), size: 10, side: Side.BUY }, { tickSize: "0.01" }, OrderType.GTC, true);
  return meta;
}

describe("heartbeats", () => {
  it("once started, more than 10 s without a heartbeat cancels all the key's orders, with CANCELLATION events", async () => {
    const t = await newTrader(ex.urls.clob);
    const other = await newTrader(ex.urls.clob);
    const ws = await userSocket(ex.urls.ws, t.creds);
    const first = await t.client.postHeartbeat("");
    expect(first.heartbeat_id).toEqual(expect.any(String));
    const second = await t.client.postHeartbeat(first.heartbeat_id);
    expect(second.heartbeat_id).not.toBe(first.heartbeat_id);
    const stale = await t.client.postHeartbeat(first.heartbeat_id).catch((e: unknown) => e);
    expect((stale as ApiError).status).toBe(400);

    await restingBids(t.client, 2);
    await restingBids(other.client, 1); // never sent a heartbeat: its orders stay
    clock.advance(9_000);
    await t.client.postHeartbeat(second.heartbeat_id);
    clock.advance(9_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(await t.client.getOpenOrders()).toHaveLength(2);

    clock.advance(2_000);
    await waitFor(async () => ((await t.client.getOpenOrders()).length === 0 ? true : undefined), { what: "heartbeat expiry", tick: () => clock.advance(50) });
    await waitFor(() => (ws.events.filter((e) => e.type === "CANCELLATION").length === 2 ? true : undefined), { what: "CANCELLATION events" });
    expect(await other.client.getOpenOrders()).toHaveLength(1);
    ws.ws.close();
  });
});

describe("fault windows on order endpoints", () => {
  it("answers 425, 429 and 500 while a window is open, then works again", async () => {
    const t = await newTrader(ex.urls.clob);
    const meta = ex.markets()[0].meta;
    for (const status of [425, 429, 500] as const) {
      ex.admin.httpError(status, 1_000);
      const err = await t.client.cancelAll().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).status).toBe(status);
      // Reads are not order endpoints.
      expect(await t.client.getOpenOrders()).toEqual([]);
      clock.advance(1_001);
    }
    expect(await t.client.cancelMarketOrders({ market: meta.conditionId })).toEqual({ canceled: [], not_canceled: {} });
  });
});
