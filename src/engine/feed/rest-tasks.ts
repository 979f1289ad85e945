// The feed's REST work: spot checks of quiet tokens against /book, and refreshing books from /books while a socket is down.
import type { BookEvent } from "../../domain/events.js";
import { spotCheckDue } from "../../domain/feed/meters.js";
import type { FeedSettings } from "../../domain/settings/feed.js";
import type { Clock } from "../../ports/clock.js";
import type { Logger } from "../../ports/logger.js";
import type { BookSnapshotSource, RestBookData } from "../../ports/market-data.js";
import type { FeedConnection } from "./feed-connection.js";
import type { MarketFeed } from "./market-feed.js";
import { sameLevels } from "./token-record.js";

/** Tokens per POST /books call. */
const BOOKS_BATCH = 100;
/** Polymarket throttles POST /books at 500 calls per 10 s: stay under 450. */
const BOOKS_CALLS_PER_10S = 450;
/** Spot checks in flight at once (GET /book is throttled at 1,500 per 10 s). */
const MAX_SPOT_CHECKS = 8;

export class RestTasks {
  private readonly fallback = new Set<FeedConnection>();
  private lastPoll = -Infinity;
  private polling = false;
  private spotChecks = 0;
  private readonly inflight = new Set<Promise<void>>();

  constructor(
    private readonly feed: MarketFeed,
    private readonly rest: BookSnapshotSource,
    private readonly settings: FeedSettings,
    private readonly clock: Clock,
    private readonly logger?: Logger,
  ) {}

  setFallback(conn: FeedConnection, active: boolean): void {
    if (active) {
      this.fallback.add(conn);
      this.lastPoll = -Infinity;
      this.logger?.warn("socket down: refreshing books from REST", { connection: conn.id });
      return;
    }
    this.fallback.delete(conn);
    // The stream takes over: REST-fed books wait for their WebSocket snapshot.
    for (const rec of this.feed.tokens.values()) {
      if (rec.conn !== conn || rec.source !== "rest") continue;
      rec.source = "ws";
      this.feed.books.book(rec.meta.tokenId)?.invalidate();
    }
  }

  /** Called on the feed's timer: due spot checks and REST polls. */
  tick(): void {
    const now = this.clock.now();
    if (this.fallback.size > 0 && !this.polling && now - this.lastPoll >= this.pollGapMs()) {
      this.lastPoll = now;
      this.track(this.poll());
    }
    for (const rec of this.feed.tokens.values()) {
      if (this.spotChecks >= MAX_SPOT_CHECKS) break;
      if (rec.checking || rec.conn.phase !== "live" || rec.conn.state.tokens.get(rec.meta.tokenId)?.sync !== "synced") continue;
      if (!spotCheckDue(now, rec.lastMsgAt, rec.lastCheckAt, this.settings.quietMs)) continue;
      rec.checking = true;
      this.spotChecks++;
      this.track(this.spotCheck(rec.meta.tokenId).finally(() => this.spotChecks--));
    }
  }

  /** The poll period: the setting, stretched so that the /books calls of one poll stay within the rate limit. */
  private pollGapMs(): number {
    let tokens = 0;
    for (const rec of this.feed.tokens.values()) if (this.fallback.has(rec.conn)) tokens++;
    const calls = Math.ceil(tokens / BOOKS_BATCH);
    return Math.max(this.settings.restPollMs, Math.ceil((calls * 10_000) / BOOKS_CALLS_PER_10S));
  }

  /** Resolves once no REST request is in flight. */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  private track(p: Promise<void>): void {
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p));
  }

  private async spotCheck(tokenId: string): Promise<void> {
    const rec = this.feed.tokens.get(tokenId);
    if (!rec) return;
    const seen = rec.lastMsgAt;
    try {
      const rest = await this.rest.book(tokenId);
      const book = this.feed.books.book(tokenId);
      // Only a token that stayed quiet during the request can be compared.
      if (this.feed.tokens.get(tokenId) !== rec || rec.lastMsgAt !== seen || !book?.synced) return;
      if (!sameLevels(book, rest.bids, rest.asks)) this.feed.desync(rec, "quiet token's book differs from REST /book");
    } catch (err) {
      this.logger?.warn("spot check failed", { token: tokenId, error: (err as Error).message });
    } finally {
      rec.lastCheckAt = this.clock.now();
      rec.checking = false;
    }
  }

  private async poll(): Promise<void> {
    this.polling = true;
    try {
      const ids = [...this.feed.tokens.values()].filter((r) => this.fallback.has(r.conn)).map((r) => r.meta.tokenId);
      for (let i = 0; i < ids.length; i += BOOKS_BATCH) {
        let books: RestBookData[];
        try {
          books = await this.rest.books(ids.slice(i, i + BOOKS_BATCH));
        } catch (err) {
          this.logger?.warn("REST fallback poll failed", { error: (err as Error).message });
          continue;
        }
        for (const b of books) this.applyRest(b);
      }
    } finally {
      this.polling = false;
    }
  }

  private applyRest(b: RestBookData): void {
    const rec = this.feed.tokens.get(b.assetId);
    // The socket may have come back while the request was out: the stream wins.
    if (!rec || !this.fallback.has(rec.conn)) return;
    const now = this.clock.now();
    const ev: BookEvent = {
      type: "book",
      market: b.market,
      assetId: b.assetId,
      timestamp: b.timestamp,
      hash: b.hash,
      bids: b.bids,
      asks: b.asks,
      tickSize: b.tickSize,
      lastTradePrice: null,
      raw: { timestamp: String(b.timestamp), bids: [], asks: [], tickSize: null, lastTradePrice: null },
    };
    this.feed.books.apply(ev);
    rec.source = "rest";
    rec.restAt = now;
    this.feed.notify({ type: "snapshot", tokenId: b.assetId, source: "rest", ts: now });
  }
}
