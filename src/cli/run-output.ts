// The JSON lines `mm run --headless` prints: a `feed` line at every feed state change and a periodic `status` line.
import type { MarketData, MarketDataNotice } from "../ports/market-data.js";
import { formatPrice } from "../domain/units.js";
import type { FeedHealthSnapshot } from "../engine/snapshot.js";

export interface FeedLine {
  type: "feed";
  state: string;
  reason: string;
  ts: number;
}

export interface BookStatus {
  bestBid: string | null;
  bestAsk: string | null;
  synced: boolean;
}

/** The `feed` line for a feed_state notice (null for other notices). */
export function feedLine(notice: MarketDataNotice): FeedLine | null {
  return notice.type === "feed_state" ? { type: "feed", state: notice.state, reason: notice.reason, ts: notice.ts } : null;
}

/** Top of each token's book as decimal strings, and whether it is synced from the stream. */
export function bookStatuses(data: MarketData, health: FeedHealthSnapshot, tokenIds: readonly string[]): Record<string, BookStatus> {
  const synced = new Map(health.tokens.map((t) => [t.tokenId, t.synced]));
  const out: Record<string, BookStatus> = {};
  for (const id of tokenIds) {
    const book = data.book(id);
    const bid = book?.bestBid() ?? null;
    const ask = book?.bestAsk() ?? null;
    out[id] = { bestBid: bid === null ? null : formatPrice(bid), bestAsk: ask === null ? null : formatPrice(ask), synced: synced.get(id) ?? false };
  }
  return out;
}

/** The feed's status line; the engine's run adds its own fields (orders, positions, pnl, risk) to the same object. */
export function statusLine(data: MarketData, tokenIds: readonly string[], ts: number): { type: "status"; ts: number; feed: FeedHealthSnapshot; books: Record<string, BookStatus> } {
  const feed = data.health();
  return { type: "status", ts, feed, books: bookStatuses(data, feed, tokenIds) };
}
