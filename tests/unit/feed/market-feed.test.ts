import { describe, expect, it } from "vitest";
import { FakeClock } from "../../../src/adapters/clock/fake-clock.js";
import { parseFrame } from "../../../src/adapters/polymarket/parse/parse-frame.js";
import { MarketFeed } from "../../../src/engine/feed/market-feed.js";
import type { FeedSettings } from "../../../src/domain/settings/feed.js";
import type { MarketDataNotice, RestBookData, TokenMeta, TransportHandlers } from "../../../src/ports/market-data.js";

const S: FeedSettings = {
  pingMs: 1000,
  pongTimeoutMs: 500,
  staleMs: 3000,
  quietMs: 10_000,
  backoffBaseMs: 100,
  backoffMaxMs: 1000,
  stableResetMs: 5000,
  connectTimeoutMs: 2000,
  restFallbackAfterMs: 1500,
  restPollMs: 1000,
  quoteOnRestBook: false,
  maxTokensPerConnection: 200,
};

interface FakeSocket {
  url: string;
  h: TransportHandlers;
  sent: string[];
  closed: { code: number; reason: string } | null;
}

function setup(settings: Partial<FeedSettings> = {}, restBook?: (id: string) => RestBookData) {
  const clock = new FakeClock(1_000_000);
  const sockets: FakeSocket[] = [];
  const restCalls: string[][] = [];
  const rest = {
    book: async (id: string) => {
      restCalls.push([id]);
      return restBook!(id);
    },
    books: async (ids: string[]) => {
      restCalls.push(ids);
      return ids.map((id) => restBook!(id));
    },
  };
  const feed = new MarketFeed({
    url: "ws://x/ws/market",
    settings: { ...S, ...settings },
    clock,
    rest,
    parse: parseFrame,
    random: () => 0.5,
    transport: (url, h) => {
      const s: FakeSocket = { url, h, sent: [], closed: null };
      sockets.push(s);
      return { send: (t) => s.sent.push(t), close: (code, reason) => (s.closed = { code, reason }) };
    },
  });
  const notices: MarketDataNotice[] = [];
  feed.onNotice((n) => notices.push(n));
  return { clock, sockets, feed, notices, restCalls };
}

const meta = (tokenId: string, pair: string | null = null): TokenMeta => ({ tokenId, conditionId: "0xc", pairTokenId: pair, tickSize: 100, minSize: 5_000_000, negRisk: false });
const book = (id: string, bid: string, ask: string, ts = 1) =>
  JSON.stringify({ event_type: "book", market: "0xc", asset_id: id, timestamp: String(ts), hash: "", bids: [{ price: bid, size: "10" }], asks: [{ price: ask, size: "10" }] });
const change = (id: string, price: string, size: string, side: "BUY" | "SELL", bestBid: string, bestAsk: string) =>
  JSON.stringify({ event_type: "price_change", market: "0xc", timestamp: "2", price_changes: [{ asset_id: id, price, size, side, hash: "", best_bid: bestBid, best_ask: bestAsk }] });
const flush = () => new Promise((r) => setImmediate(r));

function live(t = setup(), tokens = ["A", "B"]) {
  t.feed.addTokens(tokens.map((id) => meta(id)));
  t.feed.start();
  const s = t.sockets[0];
  s.h.onOpen();
  s.h.onText("[" + tokens.map((id) => book(id, "0.48", "0.52")).join(",") + "]");
  return { ...t, s };
}

describe("MarketFeed shell on a fake clock and socket", () => {
  it("subscribes every token in one opening message, goes live and answers quotable", () => {
    const t = live();
    expect(JSON.parse(t.s.sent[0])).toEqual({ assets_ids: ["A", "B"], type: "market", initial_dump: true });
    expect(t.feed.health().state).toBe("live");
    expect(t.feed.quotable("A")).toEqual({ ok: true, reason: null });
    expect(t.feed.book("A")?.bestBid()).toBe(4800);
    expect(t.feed.quotable("Z").reason).toMatch(/not subscribed/);
  });

  it("resyncs only the token whose top disagrees, by unsubscribe + subscribe on the same socket", () => {
    const t = live();
    t.s.sent.length = 0;
    t.s.h.onText(change("A", "0.49", "5", "BUY", "0.47", "0.52"));
    expect(t.s.sent).toEqual(['{"operation":"unsubscribe","assets_ids":["A"]}', '{"operation":"subscribe","assets_ids":["A"]}']);
    expect(t.feed.quotable("A").ok).toBe(false);
    expect(t.feed.quotable("B").ok).toBe(true);
    expect(t.s.closed).toBeNull();
    t.s.h.onText("[" + book("A", "0.49", "0.52") + "]\n");
    expect(t.feed.quotable("A").ok).toBe(true);
    const h = t.feed.health().tokens.find((x) => x.tokenId === "A")!;
    expect([h.desyncs, h.resyncs]).toEqual([1, 1]);
  });


  it("sends a sync notice when a book comes back, not for each fresh book of a token already in sync", () => {
    const t = live();
    const syncs = () => t.notices.filter((n) => n.type === "sync").map((n) => (n.type === "sync" ? `${n.tokenId}:${n.synced}` : ""));
    t.notices.length = 0;
    t.s.h.onText(book("B", "0.47", "0.52", 2)); // a book after a trade: B was and stays quotable
    expect(t.notices.map((n) => n.type)).toEqual(["snapshot"]);
    t.s.h.onText(change("A", "0.49", "5", "BUY", "0.47", "0.52")); // top disagrees: A goes out of sync
    t.s.h.onText("[" + book("A", "0.49", "0.52") + "]");
    expect(syncs()).toEqual(["A:false", "A:true"]);
  });
  it("pings, drops a connection that does not PONG in time, reconnects after backoff and waits for fresh snapshots", () => {
    const t = live();
    t.clock.advance(1000);
    expect(t.s.sent.at(-1)).toBe("PING");
    t.s.h.onText("PONG");
    t.clock.advance(1000);
    t.clock.advance(499);
    expect(t.s.closed).toBeNull();
    t.clock.advance(1);
    expect(t.s.closed).not.toBeNull();
    expect(t.feed.health().state).toBe("backoff");
    expect(t.feed.quotable("A").reason).toMatch(/feed is backoff/);
    expect(t.feed.health().tokens.every((x) => !x.synced)).toBe(true);
    t.clock.advance(100);
    expect(t.sockets).toHaveLength(2);
    t.sockets[1].h.onOpen();
    expect(JSON.parse(t.sockets[1].sent[0]).assets_ids).toEqual(["A", "B"]);
    expect(t.feed.health().state).toBe("syncing");
    expect(t.feed.health().reconnects).toBe(1);
  });

  it("goes stale when frames and PONGs stop, before the PONG timeout would", () => {
    const t = live(setup({ pingMs: 2000, pongTimeoutMs: 2000, staleMs: 2500 }));
    t.clock.advance(2499);
    expect(t.feed.health().state).toBe("live");
    t.clock.advance(1000);
    expect(t.feed.health().state).toBe("stale");
    expect(t.feed.quotable("A").reason).toBe("feed is stale");
  });

  it("drops duplicated trade prints and reports each trade once", () => {
    const t = live();
    const trade = JSON.stringify({ event_type: "last_trade_price", market: "0xc", asset_id: "A", price: "0.5", size: "3", side: "BUY", fee_rate_bps: "0", timestamp: "5" });
    t.s.h.onText(trade);
    t.s.h.onText(trade);
    expect(t.notices.filter((n) => n.type === "trade")).toHaveLength(1);
  });

  it("a tick_size_change voids the book until the next snapshot", () => {
    const t = live();
    t.s.h.onText(JSON.stringify({ event_type: "tick_size_change", market: "0xc", asset_id: "A", old_tick_size: "0.01", new_tick_size: "0.001", timestamp: "9" }));
    expect(t.feed.quotable("A").reason).toMatch(/not synced/);
    expect(t.notices.some((n) => n.type === "tick_size" && n.newTickSize === 10)).toBe(true);
    t.s.h.onText(book("A", "0.481", "0.52"));
    expect(t.feed.quotable("A").ok).toBe(true);
    expect(t.feed.book("A")?.tickSize).toBe(10);
  });

  it("splits tokens across connections of at most maxTokensPerConnection and adds new ones without reconnecting", () => {
    const t = setup({ maxTokensPerConnection: 2 });
    t.feed.addTokens(["A", "B", "C"].map((id) => meta(id)));
    t.feed.start();
    expect(t.sockets).toHaveLength(2);
    t.sockets.forEach((s) => s.h.onOpen());
    expect(JSON.parse(t.sockets[1].sent[0]).assets_ids).toEqual(["C"]);
    t.feed.addTokens([meta("D")]);
    expect(t.sockets).toHaveLength(2);
    expect(t.sockets[1].sent.at(-1)).toBe('{"operation":"subscribe","assets_ids":["D"]}');
    t.feed.removeTokens(["A"]);
    expect(t.sockets[0].sent.at(-1)).toBe('{"operation":"unsubscribe","assets_ids":["A"]}');
    expect(t.sockets.every((s) => s.closed === null)).toBe(true);
  });

  it("while the socket is down past the threshold, refreshes books from REST /books as source rest (not quotable by default)", async () => {
    const t = live(setup({}, (id) => ({ market: "0xc", assetId: id, timestamp: 3, hash: "", bids: [{ price: 4700, size: 1 }], asks: [{ price: 5300, size: 1 }], tickSize: 100 })));
    t.s.h.onClose(1006, "");
    // Every reconnect fails at once.
    for (let i = 0; i < 30; i++) {
      t.clock.advance(100);
      for (const s of t.sockets.slice(1)) if (s.closed === null && !s.sent.length) s.h.onError("ECONNREFUSED");
    }
    await flush();
    expect(t.restCalls.some((c) => c.length === 2)).toBe(true);
    const a = t.feed.health().tokens.find((x) => x.tokenId === "A")!;
    expect(a.source).toBe("rest");
    expect(a.synced).toBe(false);
    expect(t.feed.book("A")?.bestBid()).toBe(4700);
    expect(t.feed.quotable("A").reason).toMatch(/quoteOnRestBook is off/);
  });

  it("spot-checks a quiet token against REST /book and resyncs it when they differ", async () => {
    const t = live(setup({ quietMs: 5000, pingMs: 1000, staleMs: 3000 }, (id) => ({ market: "0xc", assetId: id, timestamp: 3, hash: "", bids: [{ price: id === "A" ? 4700 : 4800, size: 10_000_000 }], asks: [{ price: 5200, size: 10_000_000 }], tickSize: 100 })));
    for (let i = 0; i < 6; i++) {
      t.clock.advance(1000);
      t.s.h.onText("PONG");
    }
    await flush();
    await flush();
    expect(t.restCalls.map((c) => c[0]).sort()).toEqual(["A", "B"]);
    expect(t.s.sent).toContain('{"operation":"unsubscribe","assets_ids":["A"]}');
    expect(t.s.sent).not.toContain('{"operation":"unsubscribe","assets_ids":["B"]}');
  });

  it("stop closes the socket and leaves no timer armed", async () => {
    const t = live();
    await t.feed.stop();
    expect(t.s.closed?.code).toBe(1000);
    expect(t.clock.pending()).toBe(0);
  });
});
