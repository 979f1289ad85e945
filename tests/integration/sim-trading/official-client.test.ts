// The official @polymarket/clob-client-v2, unmodified, with ethers v6 wallets, trading on the embedded exchange.
import { ApiError, OrderType, Side } from "@polymarket/clob-client-v2";
import { Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExchange, type Exchange } from "../../../src/sim/exchange.js";
import { clientFor, newTrader, userSocket, waitFor } from "./helpers.js";

let ex: Exchange;
let host: string;

beforeAll(async () => {
  ex = await startExchange({ port: 0, seed: 11, markets: 4, autoFlow: false });
  host = ex.urls.clob;
});
afterAll(async () => {
  await ex.close();
});

/** A market of the given tick (pips) and its YES book's best prices. */
async function pickMarket(tick: number, negRisk?: boolean) {
  const m = ex.markets().find((x) => x.meta.tickSize === tick && (negRisk === undefined || x.meta.negRisk === negRisk));
  if (!m) throw new Error(`no market with tick ${tick}`);
  const { client } = await newTrader(host);
  const book = await client.getOrderBook(m.meta.yesTokenId);
  // Wire order: bids ascending, asks descending, so the best of each is last.
  const bestBid = Number(book.bids.at(-1)?.price);
  const bestAsk = Number(book.asks.at(-1)?.price);
  return { meta: m.meta, bestBid, bestAsk };
}

const round = (x: number, tick: number) => Math.round(x / tick) * tick;

describe("official client against the embedded exchange", () => {
  it("derives the same API key twice, reads book and tick size, places a post-only GTC, finds it, cancels it", async () => {
    const wallet = Wallet.createRandom();
    const l1 = clientFor(host, wallet);
    const creds = await l1.createOrDeriveApiKey();
    expect(await l1.deriveApiKey()).toEqual(creds);
    expect(creds.key).toMatch(/^[0-9a-f-]{36}$/);
    const client = clientFor(host, wallet, creds);

    for (const negRisk of [false, true]) {
      const { meta, bestBid, bestAsk } = await pickMarket(negRisk ? 100 : 10, negRisk);
      const tick = meta.tickSize / 10_000;
      expect(await client.getTickSize(meta.yesTokenId)).toBe(String(tick));
      expect(bestBid).toBeLessThan(bestAsk);
      const price = Number(round(bestBid, tick).toFixed(4));
      const res = await client.createAndPostOrder(
        { tokenID: meta.yesTokenId, price, size: 10, side: Side.BUY },
        { tickSize: String(tick) as "0.01" },
        OrderType.GTC,
        true,
      );
      expect(res).toMatchObject({ success: true, status: "live", errorMsg: "" });

      const open = await client.getOpenOrders({ market: meta.conditionId });
      expect(open).toEqual([expect.objectContaining({ id: res.orderID, status: "LIVE", side: "BUY", original_size: "10", asset_id: meta.yesTokenId, maker_address: wallet.address })]);
      expect(await client.getOrder(res.orderID)).toMatchObject({ id: res.orderID, price: String(price) });

      expect(await client.cancelOrder({ orderID: res.orderID })).toEqual({ canceled: [res.orderID], not_canceled: {} });
      expect(await client.getOpenOrders({ market: meta.conditionId })).toEqual([]);
    }
  });

  it("refuses a crossing post-only order with INVALID_POST_ONLY_ORDER", async () => {
    const { client } = await newTrader(host);
    const { meta, bestAsk } = await pickMarket(100);
    const err = await client
      .createAndPostOrder({ tokenID: meta.yesTokenId, price: bestAsk, size: 10, side: Side.BUY }, { tickSize: "0.01" }, OrderType.GTC, true)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(400);
    expect((err as ApiError).message).toMatch(/^INVALID_POST_ONLY_ORDER\b/);
  });

  it("refuses a tampered order (bad signature) and a request signed with the wrong secret (bad HMAC)", async () => {
    const { client, wallet, creds } = await newTrader(host);
    const { meta, bestBid } = await pickMarket(100);
    const signed = await client.createOrder({ tokenID: meta.yesTokenId, price: bestBid, size: 10, side: Side.BUY }, { tickSize: "0.01" });
    const tampered = { ...signed, takerAmount: String(BigInt(signed.takerAmount) * 2n) };
    const bad = await client.postOrder(tampered, OrderType.GTC, true).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ApiError);
    expect((bad as ApiError).status).toBe(400);
    expect((bad as ApiError).message).toMatch(/invalid signature/);

    const wrongSecret = clientFor(host, wallet, { ...creds, secret: Buffer.alloc(32, 7).toString("base64url") });
    const unauthorized = await wrongSecret.getOpenOrders().catch((e: unknown) => e);
    expect(unauthorized).toBeInstanceOf(ApiError);
    expect((unauthorized as ApiError).status).toBe(401);
    const post = await wrongSecret.postOrder(signed, OrderType.GTC, true).catch((e: unknown) => e);
    expect((post as ApiError).status).toBe(401);
    // The untampered order is fine with the right creds.
    expect(await client.postOrder(signed, OrderType.GTC, true)).toMatchObject({ success: true, status: "live" });
    await client.cancelAll();
  });

  it("a taker from a second wallet fills a resting order: both users see order and trade events, MATCHED -> MINED -> CONFIRMED", async () => {
    const maker = await newTrader(host);
    const taker = await newTrader(host);
    const { meta, bestBid } = await pickMarket(100);
    const mws = await userSocket(ex.urls.ws, maker.creds, [meta.conditionId]);
    const tws = await userSocket(ex.urls.ws, taker.creds);
    mws.ws.send("PING");
    await waitFor(() => (mws.texts.includes("PONG") ? true : undefined), { what: "PONG" });

    // The maker joins the best bid (post-only, behind the resting bots); the taker sells YES into that whole level by
    // buying NO at 1 - bid, so the maker's order is filled too.
    const bid = bestBid;
    const placed = await maker.client.createAndPostOrder({ tokenID: meta.yesTokenId, price: bid, size: 10, side: Side.BUY }, { tickSize: "0.01" }, OrderType.GTC, true);
    const level = (await maker.client.getOrderBook(meta.yesTokenId)).bids.find((l) => Number(l.price) === bid)!;
    const size = Number(level.size);
    const noPrice = Number((1 - bid).toFixed(2));
    const taken = await taker.client.createAndPostOrder({ tokenID: meta.noTokenId, price: noPrice, size, side: Side.BUY }, { tickSize: "0.01" }, OrderType.GTC);
    expect(taken).toMatchObject({ success: true, status: "matched", takingAmount: level.size });
    expect(taken.transactionsHashes?.[0]).toMatch(/^0x[0-9a-f]{64}$/);
    const tradeId = await waitFor(() => (mws.events.find((x) => x.event_type === "trade")?.id as string | undefined), { what: "the maker's trade" });
    expect(taken.tradeIDs).toContain(tradeId);

    const statuses = (e: Array<Record<string, unknown>>) => e.filter((x) => x.event_type === "trade" && x.id === tradeId).map((x) => `${x.status}/${x.trader_side}`);
    await waitFor(() => (statuses(mws.events).length === 3 && statuses(tws.events).length === 3 ? true : undefined), { ms: 15_000, what: "CONFIRMED trades" });
    expect(statuses(mws.events)).toEqual(["MATCHED/MAKER", "MINED/MAKER", "CONFIRMED/MAKER"]);
    expect(statuses(tws.events)).toEqual(["MATCHED/TAKER", "MINED/TAKER", "CONFIRMED/TAKER"]);
    const orders = mws.events.filter((x) => x.event_type === "order").map((x) => [x.type, x.id, x.size_matched, x.status]);
    expect(orders).toEqual([
      ["PLACEMENT", placed.orderID, "0", "LIVE"],
      ["UPDATE", placed.orderID, "10", "MATCHED"],
    ]);
    const trade = tws.events.find((x) => x.event_type === "trade" && x.id === tradeId)!;
    expect(trade).toMatchObject({ taker_order_id: taken.orderID, asset_id: meta.noTokenId, side: "BUY", size: "10", price: String(noPrice), market: meta.conditionId, owner: taker.creds.key });
    expect(trade.maker_orders).toEqual([expect.objectContaining({ order_id: placed.orderID, owner: maker.creds.key, matched_amount: "10", price: String(bid), asset_id: meta.yesTokenId, side: "BUY" })]);

    const makerTrades = await maker.client.getTrades({ market: meta.conditionId });
    expect(makerTrades).toEqual([expect.objectContaining({ id: tradeId, status: "CONFIRMED", trader_side: "MAKER" })]);
    const bal = await taker.client.getBalanceAllowance({ asset_type: "CONDITIONAL" as never, token_id: meta.noTokenId });
    expect(bal.balance).toBe(String(Math.round(size * 1e6)));
    expect(await maker.client.getOpenOrders()).toEqual([]);
    mws.ws.close();
    tws.ws.close();
  }, 30_000);

  it("batch posting takes at most 15 orders", async () => {
    const { client } = await newTrader(host);
    const { meta, bestBid } = await pickMarket(100);
    const orders = [];
    for (let i = 0; i < 16; i++) {
      const price = Number((bestBid - 0.01 * (1 + (i % 5))).toFixed(2));
      orders.push({ order: await client.createOrder({ tokenID: meta.yesTokenId, price, size: 5 + i, side: Side.BUY }, { tickSize: "0.01" }), orderType: OrderType.GTC });
    }
    const tooMany = await client.postOrders(orders, true).catch((e: unknown) => e);
    expect((tooMany as ApiError).status).toBe(400);
    const ok = await client.postOrders(orders.slice(0, 15), true);
    expect(ok).toHaveLength(15);
    expect(ok.every((r: { success: boolean }) => r.success)).toBe(true);
    expect(await client.getOpenOrders({ market: meta.conditionId })).toHaveLength(15);
    const cancel = await client.cancelMarketOrders({ market: meta.conditionId });
    expect(cancel.canceled).toHaveLength(15);
  });
});
