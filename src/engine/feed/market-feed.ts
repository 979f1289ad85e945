// The MarketData port over Polymarket's market channel: connections of at most N tokens, shared books, REST fallback and spot checks.
import { BookSet } from "../../domain/book/book-set.js";
import { TokenMap } from "../../domain/token-map.js";
import type { ParsedFrame } from "../../domain/events.js";
import type { FeedPhase, FeedTimings } from "../../domain/feed/machine-types.js";
import type { FeedSettings } from "../../domain/settings/feed.js";
import type { Clock, TimerHandle } from "../../ports/clock.js";
import type { Logger } from "../../ports/logger.js";
import type { BookReader, BookSnapshotSource, MarketData, MarketDataNotice, Quotable, TokenMeta, TransportFactory } from "../../ports/market-data.js";
import type { FeedHealthSnapshot } from "../snapshot.js";
import { FeedConnection } from "./feed-connection.js";
import { aggregatePhase, buildHealth, newConnectionStats, tokenQuotable, type ConnectionStats } from "./feed-health.js";
import { FrameHandler } from "./frame-handler.js";
import { RestTasks } from "./rest-tasks.js";
import { newTokenRecord, type TokenRecord } from "./token-record.js";

export interface MarketFeedOptions {
  /** The market channel, e.g. wss://ws-subscriptions-clob.polymarket.com/ws/market. */
  url: string;
  settings: FeedSettings;
  clock: Clock;
  transport: TransportFactory;
  rest: BookSnapshotSource;
  /** The frame parser (the adapter's parseFrame): never throws. */
  parse: (text: string) => ParsedFrame;
  /** Uniform in [0, 1) for the backoff jitter (Math.random by default; tests pass a seeded one). */
  random?: () => number;
  logger?: Logger;
}

export class MarketFeed implements MarketData {
  readonly books = new BookSet();
  readonly tokens = new TokenMap<TokenRecord>((rec) => rec.meta.tokenId);
  readonly connections: FeedConnection[] = [];
  readonly stats = new Map<FeedConnection, ConnectionStats>();
  private readonly listeners = new Set<(n: MarketDataNotice) => void>();
  private readonly handler: FrameHandler;
  private readonly restTasks: RestTasks;
  private started = false;
  private nextId = 1;
  private lastState: { state: FeedPhase; reason: string } = { state: "idle", reason: "not started" };
  private watchdog: TimerHandle | null = null;

  constructor(private readonly opts: MarketFeedOptions) {
    this.handler = new FrameHandler(this, opts.parse, opts.logger);
    this.restTasks = new RestTasks(this, opts.rest, opts.settings, opts.clock, opts.logger);
  }

  get settings(): FeedSettings {
    return this.opts.settings;
  }

  now(): number {
    return this.opts.clock.now();
  }

  hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  notify(notice: MarketDataNotice): void {
    for (const l of this.listeners) {
      try {
        l(notice);
      } catch (err) {
        this.opts.logger?.error("market data listener threw", { error: (err as Error).message });
      }
    }
  }

  onNotice(listener: (notice: MarketDataNotice) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const c of this.connections) c.dispatch({ type: "start", now: this.now() });
    const every = Math.max(50, Math.floor(Math.min(this.opts.settings.quietMs, this.opts.settings.restPollMs) / 4));
    this.watchdog = this.opts.clock.setInterval(() => this.restTasks.tick(), every);
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.watchdog) this.opts.clock.clearInterval(this.watchdog);
    this.watchdog = null;
    for (const c of this.connections) c.dispatch({ type: "stop", now: this.now(), reason: "feed stopped" });
    await this.restTasks.idle();
  }

  addTokens(metas: TokenMeta[]): void {
    for (const meta of metas) {
      if (this.tokens.has(meta.tokenId)) continue;
      const conn = this.connectionWithRoom();
      this.books.setTickSize(meta.tokenId, meta.tickSize);
      this.tokens.set(meta.tokenId, newTokenRecord(meta, conn));
      conn.dispatch({ type: "subscribe", now: this.now(), tokens: [meta.tokenId] });
    }
  }

  removeTokens(tokenIds: string[]): void {
    for (const id of tokenIds) {
      const rec = this.tokens.get(id);
      if (!rec) continue;
      this.tokens.delete(id);
      rec.conn.dispatch({ type: "unsubscribe", now: this.now(), tokens: [id] });
      this.books.book(id)?.invalidate();
    }
  }

  book(tokenId: string): BookReader | null {
    return this.books.book(tokenId) ?? null;
  }

  quotable(tokenId: string): Quotable {
    return tokenQuotable(this.tokens.get(tokenId), this.books, this.stats, this.opts.settings, this.now());
  }

  health(): FeedHealthSnapshot {
    return buildHealth(this.connections, this.stats, this.tokens, this.books, this.now());
  }

  private connectionWithRoom(): FeedConnection {
    const max = this.opts.settings.maxTokensPerConnection;
    const open = this.connections.find((c) => c.phase !== "stopped" && c.tokenCount() < max);
    if (open) return open;
    const s = this.opts.settings;
    const timings: FeedTimings = s;
    const conn = new FeedConnection({
      id: this.nextId++,
      url: this.opts.url,
      timings,
      clock: this.opts.clock,
      transport: this.opts.transport,
      random: this.opts.random ?? Math.random,
      hooks: {
        onText: (c, text, now) => this.handler.onText(c, text, now),
        onPhase: (c, phase, reason) => this.onPhase(c, phase, reason),
        onInvalidate: (_c, tokens, reason) => this.invalidate(tokens, reason),
        onResync: (_c, token) => {
          const rec = this.tokens.get(token);
          if (rec) rec.resyncs++;
        },
        onRestFallback: (c, active) => this.restTasks.setFallback(c, active),
      },
    });
    this.connections.push(conn);
    this.stats.set(conn, newConnectionStats());
    if (this.started) conn.dispatch({ type: "start", now: this.now() });
    return conn;
  }

  private onPhase(conn: FeedConnection, phase: FeedPhase, reason: string): void {
    this.opts.logger?.info("feed connection state", { connection: conn.id, state: phase, reason });
    const agg = aggregatePhase(this.connections);
    if (agg.state === this.lastState.state && agg.reason === this.lastState.reason) return;
    this.lastState = agg;
    this.notify({ type: "feed_state", state: agg.state, reason: agg.reason, ts: this.now() });
  }

  /** Books that can no longer be trusted: unsynced until their next snapshot. */
  invalidate(tokens: string[], reason: string): void {
    const now = this.now();
    for (const id of tokens) {
      this.books.book(id)?.invalidate();
      const rec = this.tokens.get(id);
      if (rec && rec.source === "ws") this.notify({ type: "sync", tokenId: id, synced: false, reason, ts: now });
    }
  }

  /** A disagreement with the exchange: count it and let the token's machine resync it alone. */
  desync(rec: TokenRecord, reason: string): void {
    rec.desyncs++;
    this.opts.logger?.warn("book desync", { token: rec.meta.tokenId, reason });
    rec.conn.dispatch({ type: "desync", now: this.now(), token: rec.meta.tokenId, reason });
  }
}
