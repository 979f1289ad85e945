// The dry-run gateway over a real Polymarket capture: parsed frames -> BookSet -> notices -> resting orders on both tokens.
import { describe, expect, it } from "vitest";
import { FakeClock } from "../../../src/adapters/clock/fake-clock.js";
import { DryRunGateway } from "../../../src/adapters/gateway/dry-run/dry-run-gateway.js";
import { parseFrame } from "../../../src/adapters/polymarket/parse/parse-frame.js";
import { BookSet } from "../../../src/domain/book/book-set.js";
import type { MarketEvent } from "../../../src/domain/events.js";
import type { MarketInfo } from "../../../src/domain/market.js";
import type { GatewayEvent } from "../../../src/ports/order-gateway.js";
import type { MarketDataNotice } from "../../../src/ports/market-data.js";
import { receivedFrames } from "../../helpers/fixtures.js";

const S = 1_000_000;
const YES = "55404192439775628931124671719520886657525387168536821457706619003199189099864";
const NO = "79358475953126059185096320578578995575874288599466094920037110232928386404141";

function noticesOf(event: MarketEvent, ts: number): MarketDataNotice[] {
  switch (event.type) {
    case "book":
      return [{ type: "snapshot", tokenId: event.assetId, source: "ws", ts }];
    case "price_change":
      return event.changes.map((c) => ({ type: "delta", tokenId: c.assetId, side: c.side, price: c.price, size: c.size, topChanged: true, ts }));
    case "last_trade_price":
      return [{ type: "trade", tokenId: event.assetId, price: event.price, size: event.size, side: event.side, exchangeTs: event.timestamp, ts }];
    default:
      return [];
  }
}

describe("dry-run over the 2026-10 capture", () => {
  it("keeps queue places on real books: growth behind us never helps, other markets' trades do not touch us", async () => {
    const clock = new FakeClock(0);
    const books = new BookSet();
    const events: GatewayEvent[] = [];
    const gw = new DryRunGateway({
      clock,
      books,
      account: { cash: () => 10_000 * S, shares: () => 0 },
      settings: { entryLatencyMs: 0, cancelLatencyMs: 0, queueModel: "risk-averse", queueExponent: 2 },
    });
    gw.onEvent((e) => events.push(e));
    let placed = false;
    let trades = 0;
    for (const frame of receivedFrames("nslaughter/stream-duplicates--long-run.jsonl")) {
      for (const event of parseFrame(frame).events) {
        if (event.type === "text" || event.type === "order" || event.type === "trade") continue;
        clock.runUntil(Math.max(clock.now(), "timestamp" in event ? event.timestamp : 0));
        books.apply(event);
        for (const n of noticesOf(event, clock.now())) gw.onNotice(n);
        if (event.type === "last_trade_price") trades++;
        if (!placed && event.type === "book" && books.book(YES) && books.book(NO)) {
          placed = true;
          const market: MarketInfo = {
            conditionId: event.market, question: "", slug: "", description: "", yesTokenId: YES, noTokenId: NO, outcomes: ["Yes", "No"],
            tickSize: 10, minSize: 5 * S, negRisk: true, endDate: null, rewards: null, takerFeeBps: 0, active: true, closed: false,
            acceptingOrders: true, volume24h: 0, volume: 0, liquidity: 0, bestBid: null, bestAsk: null,
          };
          // Join the YES best bid (0.106, 2009.99 shown) and the NO best bid (0.889, 13354.28 shown).
          const results = await gw.place([
            { clientId: "y", market, tokenId: YES, outcome: "YES", side: "BUY", price: 1060, size: 10 * S, type: "GTC", postOnly: true },
            { clientId: "n", market, tokenId: NO, outcome: "NO", side: "BUY", price: 8890, size: 10 * S, type: "GTC", postOnly: true },
          ]);
          expect(results.every((r) => r.ok)).toBe(true);
          clock.advance(0);
        }
      }
    }
    expect(placed).toBe(true);
    expect(trades).toBeGreaterThan(0);
    const byClient = Object.fromEntries(gw.openOrders().map((o) => [o.clientId, o]));
    // The last books show 27589.35 at YES 0.106 and 13354.28 -> 13691.29 around NO 0.889: growth joins behind us.
    expect(byClient.y.queueAhead).toBe(2_009_990_000);
    expect(byClient.n.queueAhead).toBe(13_354_280_000);
    expect(events.filter((e) => e.type === "fill")).toEqual([]);
    expect(events.filter((e) => e.type === "acknowledged")).toHaveLength(2);
  });
});
