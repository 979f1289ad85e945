// The DryRunGateway over real OrderBooks on a fake clock: latencies, post-only rejection, queue fills, mirroring, taker walks, collateral.
import { beforeEach, describe, expect, it } from "vitest";
import { FakeClock } from "../../../src/adapters/clock/fake-clock.js";
import { DryRunGateway } from "../../../src/adapters/gateway/dry-run/dry-run-gateway.js";
import { OrderBook } from "../../../src/domain/book/order-book.js";
import { openMarket, type MarketInfo } from "../../../src/domain/market.js";
import type { GatewayEvent, OrderRequest } from "../../../src/ports/order-gateway.js";
import type { MarketDataNotice } from "../../../src/ports/market-data.js";

const S = 1_000_000;
const market: MarketInfo = openMarket(
  { conditionId: "m", question: "q", slug: "q", yesTokenId: "yes", noTokenId: "no", tickSize: 100, minSize: 5 * S, negRisk: false },
  { takerFeeBps: 200 },
);

let clock: FakeClock;
let books: Map<string, OrderBook>;
let gw: DryRunGateway;
let events: GatewayEvent[];
let cash: number;
let shares: Record<string, number>;

function setBook(token: string, bids: [number, number][], asks: [number, number][]): void {
  const book = books.get(token) ?? new OrderBook(token, 100);
  book.applySnapshot(bids.map(([p, s]) => ({ price: p, size: s * S })), asks.map(([p, s]) => ({ price: p, size: s * S })));
  books.set(token, book);
}

function notice(n: MarketDataNotice): void {
  if (n.type === "delta") books.get(n.tokenId)!.applyDelta(n.side, n.price, n.size);
  gw.onNotice(n);
}

const delta = (tokenId: string, side: "BUY" | "SELL", price: number, size: number, topChanged = false): MarketDataNotice => ({ type: "delta", tokenId, side, price, size: size * S, topChanged, ts: clock.now() });
const trade = (tokenId: string, price: number, size: number, side: "BUY" | "SELL"): MarketDataNotice => ({ type: "trade", tokenId, price, size: size * S, side, exchangeTs: 0, ts: clock.now() });

function req(over: Partial<OrderRequest> = {}): OrderRequest {
  return { clientId: "c1", market, tokenId: "yes", outcome: "YES", side: "BUY", price: 5300, size: 20 * S, type: "GTC", postOnly: true, ...over };
}

const fills = () => events.flatMap((e) => (e.type === "fill" ? [e.fill] : []));
const types = () => events.map((e) => e.type);

beforeEach(() => {
  clock = new FakeClock(1_000_000);
  books = new Map();
  events = [];
  cash = 10_000 * S;
  shares = {};
  gw = new DryRunGateway({
    clock,
    books: { book: (t) => books.get(t) },
    account: { cash: () => cash, shares: (t) => shares[t] ?? 0 },
    settings: { entryLatencyMs: 100, cancelLatencyMs: 50, queueModel: "risk-averse", queueExponent: 2 },
  });
  gw.onEvent((e) => events.push(e));
  setBook("yes", [[5200, 100], [5300, 50]], [[5500, 80]]);
  setBook("no", [[4500, 80]], [[4700, 50], [4800, 100]]);
});

describe("DryRunGateway", () => {
  it("goes live after the entry latency at the back of the queue, then fills by prints", async () => {
    const [r] = await gw.place([req()]);
    expect(r.ok).toBe(true);
    expect(types()).toEqual(["placed"]);
    expect(gw.openOrders()[0].queueAhead).toBeNull();
    clock.advance(99);
    notice(trade("yes", 5300, 10, "SELL")); // not live yet: no effect
    clock.advance(1);
    expect(types()).toEqual(["placed", "acknowledged"]);
    expect(gw.openOrders()[0].queueAhead).toBe(50 * S);
    notice(trade("yes", 5300, 10, "SELL"));
    notice(delta("yes", "BUY", 5300, 40));
    expect(gw.openOrders()[0].queueAhead).toBe(40 * S);
    notice(trade("yes", 5300, 45, "SELL"));
    expect(fills()).toEqual([expect.objectContaining({ price: 5300, size: 5 * S, liquidity: "maker", fee: 0, side: "BUY", orderId: r.orderId })]);
    expect(gw.openOrders()[0].filled).toBe(5 * S);
  });

  it("rejects a post-only order that would cross on arrival", async () => {
    await gw.place([req({ price: 5500 })]);
    clock.advance(100);
    expect(events.at(-1)).toMatchObject({ type: "rejected", reason: expect.stringContaining("INVALID_POST_ONLY_ORDER") });
    expect(gw.openOrders()).toEqual([]);
  });

  it("a taker order walks the book, pays the taker fee, and rests the remainder", async () => {
    setBook("yes", [[5200, 100]], [[5600, 10], [5500, 5]]);
    await gw.place([req({ price: 5600, size: 30 * S, postOnly: false })]);
    clock.advance(100);
    expect(fills().map((f) => [f.price, f.size, f.fee, f.liquidity])).toEqual([
      [5500, 5 * S, Math.round(0.02 * 0.45 * 5 * S), "taker"],
      [5600, 10 * S, Math.round(0.02 * 0.44 * 10 * S), "taker"],
    ]);
    expect(gw.openOrders()[0]).toMatchObject({ filled: 15 * S, queueAhead: 0 });
    expect(events.at(-1)?.type).toBe("acknowledged");
    // The book still shows the asks we took: they must not fill the remainder a second time.
    notice(delta("yes", "BUY", 5200, 90, true));
    notice(trade("yes", 5500, 5, "BUY"));
    expect(fills()).toHaveLength(2);
    // Once the book stops crossing us, a new ask at our price fills the rest.
    notice(delta("yes", "SELL", 5500, 0, true));
    notice(delta("yes", "SELL", 5600, 0, true));
    notice(delta("yes", "SELL", 5600, 4, true));
    expect(fills().at(-1)).toMatchObject({ price: 5600, size: 15 * S, liquidity: "maker" });
  });

  it("FOK that cannot fill in full is rejected; FAK cancels its remainder", async () => {
    await gw.place([req({ price: 5500, size: 100 * S, postOnly: false, type: "FOK" })]);
    clock.advance(100);
    expect(events.at(-1)).toMatchObject({ type: "rejected" });
    expect(fills()).toEqual([]);
    await gw.place([req({ clientId: "c2", price: 5500, size: 100 * S, postOnly: false, type: "FAK" })]);
    clock.advance(100);
    expect(fills().map((f) => f.size)).toEqual([80 * S]);
    expect(events.at(-1)).toMatchObject({ type: "cancelled", reason: "FAK remainder not matched" });
  });

  it("cancels after the cancel latency, and fills can land in between", async () => {
    const [r] = await gw.place([req()]);
    clock.advance(100);
    const res = await gw.cancel([r.orderId!, "nope"]);
    expect(res).toEqual({ canceled: [r.orderId], notCanceled: { nope: "order not found or already done" } });
    clock.advance(49);
    notice(trade("yes", 5200, 1, "SELL")); // a trade through our bid: fills the rest
    expect(fills()[0].size).toBe(20 * S);
    clock.advance(10);
    expect(types().filter((t) => t === "cancelled")).toEqual([]); // filled, so nothing left to cancel
    expect(gw.openOrders()).toEqual([]);
    expect(clock.pending()).toBe(0);
  });

  it("the opposite best crossing our price fills the rest at our limit", async () => {
    await gw.place([req()]);
    clock.advance(100);
    notice(delta("yes", "SELL", 5300, 3, true));
    expect(fills()).toEqual([expect.objectContaining({ price: 5300, size: 20 * S, liquidity: "maker" })]);
  });

  it("models NO orders on the NO book and counts YES prints mirrored", async () => {
    shares.no = 0;
    await gw.place([req({ tokenId: "no", outcome: "NO", side: "BUY", price: 4500, size: 10 * S })]);
    clock.advance(100);
    expect(gw.openOrders()[0].queueAhead).toBe(80 * S);
    // A taker buying YES at 0.55 = selling NO at 0.45: 85 shares, 80 ahead of us.
    notice(trade("yes", 5500, 85, "BUY"));
    expect(fills()).toEqual([expect.objectContaining({ tokenId: "no", outcome: "NO", price: 4500, size: 5 * S })]);
  });

  it("counts a trade printed on both tokens (YES at p, NO at 1 - p, same time and size) once", async () => {
    const [r] = await gw.place([req()]);
    clock.advance(100);
    const at = (n: MarketDataNotice, exchangeTs: number): MarketDataNotice => ({ ...n, exchangeTs }) as MarketDataNotice;
    // Buying NO at 0.47 is selling YES at 0.53: 60 shares, 50 ahead of us, so 10 fill.
    notice(at(trade("no", 4700, 60, "BUY"), 123));
    notice(at(trade("yes", 5300, 60, "SELL"), 123)); // the same trade, printed on the YES token
    expect(fills().map((f) => f.size)).toEqual([10 * S]);
    notice(at(trade("yes", 5300, 4, "SELL"), 124)); // a later trade does count
    expect(fills().map((f) => f.size)).toEqual([10 * S, 4 * S]);
    expect(gw.openOrders()[0]).toMatchObject({ id: r.orderId, filled: 14 * S });
  });

  it("fills the orders a print reaches on both tokens in the order they were placed, and no other market's", async () => {
    shares.no = 100 * S;
    const other: MarketInfo = { ...market, conditionId: "m2", yesTokenId: "yes2", noTokenId: "no2" };
    setBook("yes2", [[5300, 1]], [[5500, 1]]);
    await gw.place([req({ clientId: "c1", tokenId: "no", outcome: "NO", side: "SELL", price: 4700, size: 10 * S })]);
    await gw.place([req({ clientId: "c2", market: other, tokenId: "yes2", price: 5300, size: 10 * S })]);
    await gw.place([req({ clientId: "c3", price: 5300, size: 10 * S })]);
    clock.advance(100);
    // A taker selling YES at 0.53 is buying NO at 0.47: 70 shares pass the 50 ahead of each of our two orders.
    notice(trade("yes", 5300, 70, "SELL"));
    expect(fills().map((f) => [f.tokenId, f.side, f.size])).toEqual([
      ["no", "SELL", 10 * S],
      ["yes", "BUY", 10 * S],
    ]);
  });

  it("reserves cash for BUYs and shares for SELLs", async () => {
    cash = 10 * S; // $10
    const [a, b] = await gw.place([req({ price: 4000, size: 20 * S }), req({ clientId: "c2", price: 4000, size: 6 * S })]);
    expect(a.ok).toBe(true); // $8 reserved
    expect(b).toMatchObject({ ok: false, reason: expect.stringContaining("NOT_ENOUGH_BALANCE") });
    shares.yes = 10 * S;
    const [c, d] = await gw.place([req({ clientId: "c3", side: "SELL", price: 5600, size: 8 * S }), req({ clientId: "c4", side: "SELL", price: 5700, size: 5 * S })]);
    expect(c.ok).toBe(true);
    expect(d.ok).toBe(false);
    const [e] = await gw.place([req({ clientId: "c5", price: 5350 })]);
    expect(e).toMatchObject({ ok: false, reason: expect.stringContaining("INVALID_ORDER_MIN_TICK_SIZE") });
    const [f] = await gw.place([req({ clientId: "c6", price: 4000, size: 1 * S })]);
    expect(f).toMatchObject({ ok: false, reason: expect.stringContaining("INVALID_ORDER_MIN_SIZE") });
  });

  it("restored orders keep their queue place, or rejoin at the back when it was unknown", () => {
    gw.restore(
      [
        { id: "r1", clientId: "c1", market: "m", tokenId: "yes", outcome: "YES", side: "BUY", price: 5300, size: 10 * S, filled: 2 * S, queueAhead: 7 * S, createdAt: 5 },
        { id: "r2", clientId: "c2", market: "m", tokenId: "yes", outcome: "YES", side: "BUY", price: 5200, size: 10 * S, filled: 0, queueAhead: null, createdAt: 5 },
      ],
      [market],
    );
    expect(gw.openOrders().map((o) => o.queueAhead)).toEqual([7 * S, null]);
    notice({ type: "snapshot", tokenId: "yes", source: "ws", ts: 0 });
    expect(gw.openOrders().map((o) => o.queueAhead)).toEqual([7 * S, 100 * S]);
    notice(trade("no", 4700, 10, "BUY")); // = YES sold at 0.53 by a taker
    expect(fills()).toEqual([expect.objectContaining({ orderId: "r1", size: 3 * S })]);
  });

  it("cancels a resolved market's orders at once", async () => {
    await gw.place([req()]);
    clock.advance(100);
    notice({ type: "resolved", conditionId: "m", tokenIds: ["yes", "no"], winningTokenId: "yes", ts: 0 });
    expect(events.at(-1)).toMatchObject({ type: "cancelled", reason: "market resolved" });
    expect(gw.openOrders()).toEqual([]);
  });
});
