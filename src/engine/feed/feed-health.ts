// Builds the feed's health snapshot and the quotable answer from connections and token records.
import { quotable as quotableRule, type Quotable } from "../../domain/feed/quotable.js";
import type { FeedPhase } from "../../domain/feed/machine-types.js";
import { MedianMeter, RateMeter } from "../../domain/feed/meters.js";
import type { TokenMap } from "../../domain/token-map.js";
import type { BookSet } from "../../domain/book/book-set.js";
import type { FeedSettings } from "../../domain/settings/feed.js";
import type { FeedHealthSnapshot, TokenFeedHealth } from "../snapshot.js";
import type { FeedConnection } from "./feed-connection.js";
import type { TokenRecord } from "./token-record.js";

/** Counters per connection, kept by the feed. */
export interface ConnectionStats {
  rate: RateMeter;
  delay: MedianMeter;
  invalidFrames: number;
  lastFrameAt: number | null;
}

export const newConnectionStats = (): ConnectionStats => ({ rate: new RateMeter(), delay: new MedianMeter(), invalidFrames: 0, lastFrameAt: null });

/** Worst first: the aggregate state of several connections is the worst one's. */
const RANK: Record<FeedPhase, number> = { stopped: 0, backoff: 1, connecting: 2, idle: 3, stale: 4, syncing: 5, live: 6 };

export function aggregatePhase(conns: readonly FeedConnection[]): { state: FeedPhase; reason: string } {
  let worst: FeedConnection | null = null;
  for (const c of conns) if (c.phase !== "stopped" || conns.every((x) => x.phase === "stopped")) if (!worst || RANK[c.phase] < RANK[worst.phase]) worst = c;
  if (!worst) return { state: "idle", reason: "no tokens" };
  const prefix = conns.length > 1 ? `connection ${worst.id}: ` : "";
  return { state: worst.phase, reason: prefix + worst.state.reason };
}

/** Whether the token's book is synced from the stream in its current epoch. */
export function tokenSynced(rec: TokenRecord, books: BookSet): boolean {
  const book = books.book(rec.meta.tokenId);
  return rec.source === "ws" && rec.conn.state.tokens.get(rec.meta.tokenId)?.sync === "synced" && book !== undefined && book.synced;
}

export function tokenQuotable(rec: TokenRecord | undefined, books: BookSet, stats: Map<FeedConnection, ConnectionStats>, settings: FeedSettings, now: number): Quotable {
  if (!rec) return quotableRule({ phase: null, tokenSync: null, bookSynced: false, source: "ws", ageMs: null, staleMs: settings.staleMs, topAgrees: false, quoteOnRestBook: settings.quoteOnRestBook });
  const book = books.book(rec.meta.tokenId);
  const last = rec.source === "rest" ? rec.restAt : (rec.conn.state.lastFrameAt ?? stats.get(rec.conn)?.lastFrameAt ?? null);
  return quotableRule({
    phase: rec.conn.phase,
    tokenSync: rec.conn.state.tokens.get(rec.meta.tokenId)?.sync ?? null,
    bookSynced: book?.synced ?? false,
    source: rec.source,
    ageMs: last === null ? null : now - last,
    staleMs: settings.staleMs,
    topAgrees: rec.topAgrees,
    quoteOnRestBook: settings.quoteOnRestBook,
  });
}

export function buildHealth(conns: readonly FeedConnection[], stats: Map<FeedConnection, ConnectionStats>, tokens: TokenMap<TokenRecord>, books: BookSet, now: number): FeedHealthSnapshot {
  const { state, reason } = aggregatePhase(conns);
  let msgs = 0;
  let reconnects = 0;
  let invalid = 0;
  let lastFrame: number | null = null;
  let delay: number | null = null;
  for (const c of conns) {
    const s = stats.get(c);
    reconnects += c.reconnects;
    if (!s) continue;
    msgs += s.rate.rate(now);
    invalid += s.invalidFrames;
    if (s.lastFrameAt !== null && (lastFrame === null || s.lastFrameAt > lastFrame)) lastFrame = s.lastFrameAt;
    const d = s.delay.median();
    if (d !== null && (delay === null || d > delay)) delay = d;
  }
  const list: TokenFeedHealth[] = [];
  for (const rec of tokens.values()) {
    const last = rec.source === "rest" ? rec.restAt : rec.lastMsgAt;
    list.push({
      tokenId: rec.meta.tokenId,
      synced: tokenSynced(rec, books),
      source: rec.source,
      ageMs: last === null ? null : now - last,
      msgsPerSec: rec.rate.rate(now),
      resyncs: rec.resyncs,
      desyncs: rec.desyncs,
    });
  }
  return { state, reason, msgsPerSec: msgs, delayMs: delay, reconnects, invalidFrames: invalid, lastMessageAgeMs: lastFrame === null ? null : now - lastFrame, tokens: list };
}
