// The trading side through its HTTP handlers: keys, placing, rules, cancels, data, balances, heartbeats, user channel.
import { createL1Headers } from "@polymarket/clob-client-v2";
import { describe, expect, it } from "vitest";
import { MARKET, startHarness, userOf } from "./harness.js";
import { fixedWallet, signerOf } from "./wallet.js";

type Body = Record<string, unknown>;

describe("trading side", () => {
  it("create and derive return the same creds; a bad L1 signature is 401", async () => {
    const h = startHarness();
    const w = fixedWallet(31);
    const l1 = (await createL1Headers(signerOf(w), 137, 0, 1_700_000_000)) as unknown as Record<string, string>;
    const a = await h.call("POST", "/auth/api-key", { headers: l1 });
    const b = await h.call("GET", "/auth/derive-api-key", { headers: l1 });
    expect(a.status).toBe(200);
    expect(b.body).toEqual(a.body);
    const other = (await createL1Headers(signerOf(fixedWallet(32)), 137, 0, 1_700_000_000)) as unknown as Record<string, string>;
    const bad = await h.call("GET", "/auth/derive-api-key", { headers: { ...l1, POLY_SIGNATURE: other.POLY_SIGNATURE } });
    expect(bad.status).toBe(401);
    expect((bad.body as Body).error).toMatch(/Invalid L1 Request headers/);
  });

  it("places a post-only GTC, lists it, cancels it, with PLACEMENT and CANCELLATION events and the funds held then freed", async () => {
    const h = startHarness();
    const u = await userOf(h, fixedWallet(33));
    const ws = h.connect();
    ws.receive(JSON.stringify({ auth: { apiKey: u.creds.key, secret: u.creds.secret, passphrase: u.creds.passphrase }, type: "user" }));
    expect(h.trading.userSubscribers(u.creds.key)).toBe(1);
    const order = { ...(await u.order({ side: "BUY", price: 0.45, size: 10, postOnly: true })) };
    const placed = await h.call("POST", "/order", { headers: await u.headers("POST", "/order", order), body: order });
    expect(placed.status).toBe(200);
    const res = placed.body as Body;
    expect(res).toMatchObject({ success: true, errorMsg: "", status: "live", makingAmount: "0", takingAmount: "0" });
    expect(res.orderID).toMatch(/^0x[0-9a-f]{64}$/);
    expect(h.trading.accounts.collateral(u.creds.key).reserved).toBe(4_500_000);

    const open = await h.call("GET", "/data/orders", { headers: await u.headers("GET", "/data/orders") });
    const page = open.body as { data: Body[]; next_cursor: string; count: number };
    expect(page.next_cursor).toBe("LTE=");
    expect(page.data).toEqual([
      expect.objectContaining({ id: res.orderID, status: "LIVE", owner: u.creds.key, maker_address: u.wallet.address, market: MARKET.conditionId, asset_id: MARKET.yesTokenId, side: "BUY", original_size: "10", size_matched: "0", price: "0.45", outcome: "Yes", order_type: "GTC", expiration: "0" }),
    ]);

    const body = { orderID: res.orderID };
    const cancel = await h.call("DELETE", "/order", { headers: await u.headers("DELETE", "/order", body), body });
    expect(cancel.body).toEqual({ canceled: [res.orderID], not_canceled: {} });
    const again = await h.call("DELETE", "/order", { headers: await u.headers("DELETE", "/order", body), body });
    expect(again.body).toEqual({ canceled: [], not_canceled: { [res.orderID as string]: "Order already canceled" } });
    expect(h.trading.accounts.collateral(u.creds.key).reserved).toBe(0);
    expect(ws.events().map((e) => [e.event_type, e.type, e.status])).toEqual([
      ["order", "PLACEMENT", "LIVE"],
      ["order", "CANCELLATION", "CANCELED"],
    ]);
  });

  it("answers Polymarket's rule errors with 400 and the error code", async () => {
    const h = startHarness();
    const maker = await userOf(h, fixedWallet(34));
    const taker = await userOf(h, fixedWallet(35));
    const post = async (u: typeof maker, o: Body) => h.call("POST", "/order", { headers: await u.headers("POST", "/order", o), body: o });
    const ask = await maker.order({ tokenId: MARKET.noTokenId, side: "BUY", price: 0.5, size: 10, postOnly: true }); // a YES ask at 0.50
    expect((await post(maker, ask)).status).toBe(200);

    const crossing = await post(taker, await taker.order({ side: "BUY", price: 0.5, size: 10, postOnly: true }));
    expect(crossing.status).toBe(400);
    expect((crossing.body as Body).error).toMatch(/^INVALID_POST_ONLY_ORDER: invalid post-only order: order crosses book/);

    const small = await post(taker, await taker.order({ side: "BUY", price: 0.4, size: 1 }));
    expect((small.body as Body).error).toMatch(/^INVALID_ORDER_MIN_SIZE/);

    const offGrid = await taker.order({ side: "BUY", price: 0.4, size: 10 });
    (offGrid.order as Body).makerAmount = "4050000";
    const tick = await post(taker, offGrid);
    expect(tick.status).toBe(400);
    // The amounts were changed after signing: the signature no longer verifies.
    expect((tick.body as Body).error).toMatch(/^invalid signature/);

    const broke = await post(taker, await taker.order({ side: "BUY", price: 0.4, size: 30_000 }));
    expect((broke.body as Body).error).toMatch(/^INVALID_ORDER_NOT_ENOUGH_BALANCE: not enough balance \/ allowance/);

    const noShares = await post(taker, await taker.order({ side: "SELL", price: 0.6, size: 10 }));
    expect((noShares.body as Body).error).toMatch(/^INVALID_ORDER_NOT_ENOUGH_BALANCE/);

    const fokPostOnly = await post(taker, await taker.order({ side: "BUY", price: 0.4, size: 10, type: "FOK", postOnly: true }));
    expect((fokPostOnly.body as Body).error).toMatch(/^INVALID_POST_ONLY_ORDER_TYPE/);

    const dup = ask;
    expect(((await post(maker, dup)).body as Body).error).toMatch(/^INVALID_ORDER_DUPLICATED/);

    const notMine = await taker.order({ side: "BUY", price: 0.4, size: 10 });
    const stolen = await h.call("POST", "/order", { headers: await maker.headers("POST", "/order", notMine), body: notMine });
    expect((stolen.body as Body).error).toMatch(/owner has to be the owner of the API KEY/);
  });

  it("refuses a wrong HMAC with 401 and a batch of more than 15 with 400", async () => {
    const h = startHarness();
    const u = await userOf(h, fixedWallet(36));
    const o = await u.order({ side: "BUY", price: 0.4, size: 10 });
    const headers = await u.headers("POST", "/order", o);
    const res = await h.call("POST", "/order", { headers: { ...headers, POLY_SIGNATURE: headers.POLY_SIGNATURE.replace(/^./, (c) => (c === "A" ? "B" : "A")) }, body: o });
    expect(res.status).toBe(401);
    expect((res.body as Body).error).toMatch(/^Unauthorized\/Invalid api key/);
    const many = Array.from({ length: 16 }, () => o);
    const big = await h.call("POST", "/orders", { headers: await u.headers("POST", "/orders", many), body: many });
    expect(big.status).toBe(400);
  });

  it("a fill: balances move for both users, trades go MATCHED -> MINED -> CONFIRMED on the user channel and in /data/trades", async () => {
    const h = startHarness();
    const maker = await userOf(h, fixedWallet(37));
    const taker = await userOf(h, fixedWallet(38));
    const mws = h.connect();
    const tws = h.connect();
    for (const [ws, u] of [[mws, maker], [tws, taker]] as const)
      ws.receive(JSON.stringify({ auth: { apiKey: u.creds.key, secret: u.creds.secret, passphrase: u.creds.passphrase }, type: "user", markets: [MARKET.conditionId] }));
    const bid = await maker.order({ side: "BUY", price: 0.45, size: 10, postOnly: true });
    const placed = (await h.call("POST", "/order", { headers: await maker.headers("POST", "/order", bid), body: bid })).body as Body;
    // The taker buys NO at 0.56: it crosses the YES bid at 0.45 (a mint): 0.45 + 0.56 >= 1, NO fills at 0.55.
    const take = await taker.order({ tokenId: MARKET.noTokenId, side: "BUY", price: 0.56, size: 6 });
    const res = (await h.call("POST", "/order", { headers: await taker.headers("POST", "/order", take), body: take })).body as Body;
    expect(res).toMatchObject({ success: true, status: "matched", makingAmount: "3.3", takingAmount: "6", tradeIDs: ["trade-1"] });
    expect((res.transactionsHashes as string[])[0]).toMatch(/^0x[0-9a-f]{64}$/);
    expect(h.trading.accounts.shares(taker.creds.key, MARKET.noTokenId).balance).toBe(6_000_000);
    expect(h.trading.accounts.collateral(taker.creds.key)).toMatchObject({ balance: 10_000_000_000 - 3_300_000, reserved: 0 });
    expect(h.trading.accounts.shares(maker.creds.key, MARKET.yesTokenId).balance).toBe(6_000_000);
    expect(h.trading.accounts.collateral(maker.creds.key)).toMatchObject({ balance: 10_000_000_000 - 2_700_000, reserved: 1_800_000 });

    h.clock.advance(100);
    h.clock.advance(200);
    const statuses = (ws: typeof mws) => ws.events().filter((e) => e.event_type === "trade").map((e) => [e.status, e.trader_side]);
    expect(statuses(tws)).toEqual([["MATCHED", "TAKER"], ["MINED", "TAKER"], ["CONFIRMED", "TAKER"]]);
    expect(statuses(mws)).toEqual([["MATCHED", "MAKER"], ["MINED", "MAKER"], ["CONFIRMED", "MAKER"]]);
    const update = mws.events().find((e) => e.type === "UPDATE");
    expect(update).toMatchObject({ id: placed.orderID, size_matched: "6", status: "LIVE", associate_trades: ["trade-1"] });
    const trade = tws.events().find((e) => e.event_type === "trade") as Body;
    expect(trade).toMatchObject({ type: "TRADE", taker_order_id: res.orderID, asset_id: MARKET.noTokenId, side: "BUY", price: "0.55", size: "6", outcome: "No", owner: taker.creds.key, maker_address: taker.wallet.address });
    expect(trade.maker_orders).toEqual([expect.objectContaining({ order_id: placed.orderID, owner: maker.creds.key, matched_amount: "6", price: "0.45", asset_id: MARKET.yesTokenId, outcome: "Yes", side: "BUY" })]);

    const trades = (await h.call("GET", "/data/trades", { headers: await maker.headers("GET", "/data/trades") })).body as { data: Body[] };
    expect(trades.data).toEqual([expect.objectContaining({ id: "trade-1", status: "CONFIRMED", trader_side: "MAKER" })]);
  });

  it("a FAILED trade reverses the fill", async () => {
    const h = startHarness();
    const maker = await userOf(h, fixedWallet(39));
    const taker = await userOf(h, fixedWallet(40));
    h.trading.failNextTrades(1);
    const bid = await maker.order({ side: "BUY", price: 0.45, size: 10 });
    await h.call("POST", "/order", { headers: await maker.headers("POST", "/order", bid), body: bid });
    const take = await taker.order({ tokenId: MARKET.noTokenId, side: "BUY", price: 0.55, size: 10 });
    await h.call("POST", "/order", { headers: await taker.headers("POST", "/order", take), body: take });
    expect(h.trading.accounts.collateral(taker.creds.key).balance).toBe(10_000_000_000 - 5_500_000);
    h.clock.advance(300);
    const trades = (await h.call("GET", "/data/trades", { headers: await taker.headers("GET", "/data/trades") })).body as { data: Body[] };
    expect(trades.data[0]).toMatchObject({ status: "FAILED" });
    expect(h.trading.accounts.collateral(taker.creds.key).balance).toBe(10_000_000_000);
    expect(h.trading.accounts.shares(taker.creds.key, MARKET.noTokenId).balance).toBe(0);
  });

  it("heartbeats: once started, a gap over the timeout cancels all the key's orders", async () => {
    const h = startHarness({ heartbeatTimeoutMs: 10_000, heartbeatCheckMs: 250 });
    const u = await userOf(h, fixedWallet(41));
    const ws = h.connect();
    ws.receive(JSON.stringify({ auth: { apiKey: u.creds.key, secret: u.creds.secret, passphrase: u.creds.passphrase }, type: "user" }));
    const beat = async (id: string) => {
      const b = { heartbeat_id: id };
      return h.call("POST", "/v1/heartbeats", { headers: await u.headers("POST", "/v1/heartbeats", b), body: b });
    };
    for (const price of [0.3, 0.31]) {
      const o = await u.order({ side: "BUY", price, size: 10, postOnly: true });
      await h.call("POST", "/order", { headers: await u.headers("POST", "/order", o), body: o });
    }
    h.clock.advance(60_000); // no heartbeat yet: nothing happens
    expect(h.engine.openOrders(u.creds.key)).toHaveLength(2);
    const first = (await beat("")).body as Body;
    expect(first.heartbeat_id).toEqual(expect.any(String));
    h.clock.advance(9_000);
    const second = await beat(first.heartbeat_id as string);
    expect(second.status).toBe(200);
    expect((await beat("wrong")).status).toBe(400);
    h.clock.advance(9_000);
    expect(h.engine.openOrders(u.creds.key)).toHaveLength(2);
    h.clock.advance(1_500);
    expect(h.engine.openOrders(u.creds.key)).toHaveLength(0);
    expect(ws.events().filter((e) => e.type === "CANCELLATION")).toHaveLength(2);
  });

  it("user channel: PING gets PONG, bad creds close the socket, garbage gets INVALID MESSAGE", async () => {
    const h = startHarness();
    const u = await userOf(h, fixedWallet(42));
    const ws = h.connect();
    ws.receive("PING");
    ws.receive("{nope");
    expect(ws.sent).toEqual(["PONG", "INVALID MESSAGE"]);
    ws.receive(JSON.stringify({ auth: { apiKey: u.creds.key, secret: "wrong", passphrase: u.creds.passphrase }, type: "user" }));
    expect(ws.closed).toEqual({ code: 1008, reason: "Unauthorized/Invalid api key" });
  });

  it("balance-allowance answers collateral and conditional balances in base units", async () => {
    const h = startHarness();
    const u = await userOf(h, fixedWallet(43));
    const res = await h.call("GET", "/balance-allowance", { headers: await u.headers("GET", "/balance-allowance"), query: { asset_type: "COLLATERAL", signature_type: "0" } });
    expect(res.body).toMatchObject({ balance: "10000000000" });
    const bad = await h.call("GET", "/balance-allowance", { headers: await u.headers("GET", "/balance-allowance"), query: { asset_type: "X" } });
    expect(bad.status).toBe(400);
  });
});
