// Every real frame in the fixtures parses to the right event, checked field by field against the raw JSON.
import { describe, expect, it } from "vitest";
import { parseFrame } from "../../../src/adapters/polymarket/parse/parse-frame.js";
import type { BookEvent, FeedEvent, PriceChangeEvent, UserOrderEvent, UserTradeEvent } from "../../../src/domain/events.js";
import { CAPTURE_FILES, MESSAGE_FILES, readFixture, receivedFrames } from "../../helpers/fixtures.js";

/** Price text -> pips by float arithmetic: an independent reference for the exact parser on these 4-decimal prices. */
const pips = (text: string): number => Math.round(Number(text) * 10_000);
const micro = (text: string): number => Math.round(Number(text) * 1_000_000);

type Raw = Record<string, unknown> & { event_type?: string };

function checkAgainstRaw(event: FeedEvent, raw: Raw): void {
  expect(event.type).toBe(raw.event_type);
  switch (event.type) {
    case "book": {
      const b = event as BookEvent;
      const bids = raw.bids as { price: string; size: string }[];
      const asks = raw.asks as { price: string; size: string }[];
      expect(b.assetId).toBe(raw.asset_id);
      expect(b.market).toBe(raw.market);
      expect(b.hash).toBe(raw.hash);
      expect(b.timestamp).toBe(Number(raw.timestamp));
      expect(b.bids).toEqual(bids.map((l) => ({ price: pips(l.price), size: micro(l.size) })));
      expect(b.asks).toEqual(asks.map((l) => ({ price: pips(l.price), size: micro(l.size) })));
      expect(b.raw.bids).toEqual(bids);
      expect(b.raw.timestamp).toBe(raw.timestamp);
      expect(b.tickSize).toBe(raw.tick_size === undefined ? null : pips(raw.tick_size as string));
      expect(b.raw.lastTradePrice).toBe(raw.last_trade_price ?? null);
      break;
    }
    case "price_change": {
      const p = event as PriceChangeEvent;
      const changes = raw.price_changes as Record<string, string>[];
      expect(p.legacy).toBe(false);
      expect(p.changes).toEqual(
        changes.map((c) => ({
          assetId: c.asset_id,
          price: pips(c.price),
          size: micro(c.size),
          side: c.side,
          hash: c.hash,
          bestBid: pips(c.best_bid),
          bestAsk: pips(c.best_ask),
        })),
      );
      break;
    }
    case "last_trade_price":
      expect(event).toMatchObject({ assetId: raw.asset_id, price: pips(raw.price as string), size: micro(raw.size as string), side: raw.side, timestamp: Number(raw.timestamp) });
      expect(event.transactionHash).toBe(raw.transaction_hash ?? null);
      break;
    case "best_bid_ask":
      expect(event).toMatchObject({ assetId: raw.asset_id, bestBid: pips(raw.best_bid as string), bestAsk: pips(raw.best_ask as string), spread: pips(raw.spread as string) });
      break;
    case "tick_size_change":
      expect(event).toMatchObject({ assetId: raw.asset_id, oldTickSize: pips(raw.old_tick_size as string), newTickSize: pips(raw.new_tick_size as string) });
      break;
    case "order": {
      const o = event as UserOrderEvent;
      expect(o).toMatchObject({ id: raw.id, assetId: raw.asset_id, side: raw.side, price: pips(raw.price as string), orderType: raw.type, status: raw.status });
      expect(o.originalSize).toBe(micro(raw.original_size as string));
      expect(o.associateTrades).toEqual(raw.associate_trades ?? []);
      break;
    }
    case "trade": {
      const t = event as UserTradeEvent;
      expect(t).toMatchObject({ id: raw.id, takerOrderId: raw.taker_order_id, status: raw.status, traderSide: raw.trader_side, matchTime: Number(raw.match_time) });
      expect(t.size).toBe(micro(raw.size as string));
      const makers = raw.maker_orders as Record<string, string>[];
      expect(t.makerOrders.map((m) => [m.orderId, m.matchedAmount, m.price])).toEqual(makers.map((m) => [m.order_id, micro(m.matched_amount), pips(m.price)]));
      break;
    }
    default:
      throw new Error(`no real capture holds a ${event.type} event`);
  }
}

describe("every real frame", () => {
  for (const file of CAPTURE_FILES) {
    it(`parses ${file} without rejections, each event matching its JSON`, () => {
      const frames = receivedFrames(file);
      expect(frames.length).toBeGreaterThan(0);
      for (const text of frames) {
        const parsed = parseFrame(text);
        expect(parsed.rejections).toEqual([]);
        if (text.trim() === "PONG") {
          expect(parsed.events).toEqual([{ type: "text", text: "PONG" }]);
          continue;
        }
        const json = JSON.parse(text) as Raw | Raw[];
        const items = Array.isArray(json) ? json : [json];
        if (items.length === 0) expect(parsed.events).toEqual([{ type: "text", text: "[]" }]);
        else expect(parsed.events).toHaveLength(items.length);
        items.forEach((raw, i) => checkAgainstRaw(parsed.events[i], raw));
      }
    });
  }
  for (const file of MESSAGE_FILES) {
    it(`parses ${file}`, () => {
      const text = readFixture(file);
      const parsed = parseFrame(text);
      expect(parsed.rejections).toEqual([]);
      expect(parsed.events).toHaveLength(1);
      checkAgainstRaw(parsed.events[0], JSON.parse(text) as Raw);
    });
  }
});

describe("real frame details", () => {
  it("reads the opening array of 2 books, ending in a newline, with tick_size and last_trade_price", () => {
    const frame = receivedFrames("nslaughter/settled-subscription--repro.jsonl")[0];
    expect(frame.endsWith("\n")).toBe(true);
    const { events } = parseFrame(frame);
    const books = events as BookEvent[];
    expect(books.map((b) => [b.type, b.bids.length, b.asks.length, b.tickSize, b.lastTradePrice])).toEqual([
      ["book", 75, 113, 10, 8930],
      ["book", 113, 75, 10, 8930],
    ]);
    // Wire order: bids ascending, asks descending; the best is the last element.
    expect(books[0].bids.at(-1)).toEqual({ price: 1070, size: 3_408_500_000 });
    expect(books[0].asks.at(-1)).toEqual({ price: 1080, size: 296_660_000 });
  });

  it("reads the settled subscription answer `[]\\n` as the text event []", () => {
    expect(parseFrame(receivedFrames("nslaughter/settled-subscription--repro.jsonl")[1])).toEqual({ events: [{ type: "text", text: "[]" }], rejections: [] });
  });

  it("rounds the user-channel maker price 0.870000260000099 to the pip instead of dropping our fill", () => {
    const [trade] = parseFrame(receivedFrames("polybotv2/ws_user_trade_2025-12-23.jsonl")[0]).events as UserTradeEvent[];
    expect(trade.makerOrders.map((m) => m.price)).toEqual([8700, 8700, 8700]);
    expect(trade.makerOrders[2].matchedAmount).toBe(3_230_768);
    expect(trade.makerOrders[0]).toMatchObject({ side: "BUY", outcome: "Down" });
    expect(trade).toMatchObject({ size: 16_230_768, price: 1300, status: "MATCHED", traderSide: "MAKER", timestamp: 1766481859679 });
  });

  it("reads user order placements with associate_trades [] and null", () => {
    const [placed] = parseFrame(receivedFrames("polybotv2/ws_user_order_placement_2025-12-23.jsonl")[0]).events as UserOrderEvent[];
    expect(placed).toMatchObject({ orderType: "PLACEMENT", status: "LIVE", price: 8000, originalSize: 5_000_000, sizeMatched: 0, associateTrades: [], outcome: "Down" });
    const [canceled] = parseFrame(readFixture("nautilus/py_ws_messages_order_cancel.json")).events as UserOrderEvent[];
    expect(canceled).toMatchObject({ orderType: "CANCELLATION", status: "CANCELED", associateTrades: [] });
  });
});
