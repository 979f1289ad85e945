// The feed's hot path: one frame is parsed, applied to the books, checked (tops, hashes) and turned into machine events and notices.
import type { BookEvent, FeedEvent, LastTradePriceEvent, ParsedFrame, PriceChangeEvent } from "../../domain/events.js";
import { formatPrice, mirror } from "../../domain/units.js";
import type { Logger } from "../../ports/logger.js";
import type { FeedConnection } from "./feed-connection.js";
import type { ConnectionStats } from "./feed-health.js";
import type { MarketFeed } from "./market-feed.js";
import { frameHash, ourBookHash, type TokenRecord } from "./token-record.js";

/**
 * At most one entry-hash check per token this often (a desynced book stays wrong, so the next check still finds it; the
 * top is checked on every entry). Each check renders and SHA-1s the whole book (~200 levels): at 100 ms, under a flood of
 * frames it was the feed's largest cost after parsing (`npm run bench` pipeline profile); once a second keeps it ~1%.
 */
const HASH_CHECK_EVERY_MS = 1000;

export class FrameHandler {
  private readonly logged = new Set<string>();

  constructor(
    private readonly feed: MarketFeed,
    private readonly parseFrame: (text: string) => ParsedFrame,
    private readonly logger?: Logger,
  ) {}

  private logOnce(kind: string, msg: string, fields: Record<string, unknown>): void {
    if (this.logged.has(kind)) return;
    this.logged.add(kind);
    this.logger?.warn(msg, fields);
  }

  onText(conn: FeedConnection, text: string, now: number): void {
    const stats = this.feed.stats.get(conn);
    if (!stats) return;
    stats.rate.add(now);
    stats.lastFrameAt = now;
    conn.dispatch({ type: "frame", now });
    const parsed = this.parseFrame(text);
    if (parsed.rejections.length > 0) {
      stats.invalidFrames += parsed.rejections.length;
      for (const r of parsed.rejections) this.logOnce(`reject:${r.reason}`, "invalid frame dropped", { reason: r.reason, detail: r.detail });
    }
    for (const ev of parsed.events) this.onEvent(conn, stats, ev, now);
  }

  /** The token's record if this connection carries it. */
  private rec(conn: FeedConnection, tokenId: string): TokenRecord | undefined {
    const rec = this.feed.tokens.get(tokenId);
    return rec && rec.conn === conn ? rec : undefined;
  }

  private onEvent(conn: FeedConnection, stats: ConnectionStats, ev: FeedEvent, now: number): void {
    switch (ev.type) {
      case "text":
        if (ev.text === "PONG") conn.dispatch({ type: "pong", now });
        else if (ev.text === "[]") conn.dispatch({ type: "no_books", now });
        else if (ev.text !== "NO NEW ASSETS") this.logOnce(`text:${ev.text}`, "the server refused a message", { text: ev.text });
        return;
      case "book":
        stats.delay.add(now - ev.timestamp);
        this.onBook(conn, ev, now);
        return;
      case "price_change":
        stats.delay.add(now - ev.timestamp);
        this.onPriceChange(conn, ev, now);
        return;
      case "tick_size_change": {
        stats.delay.add(now - ev.timestamp);
        const rec = this.rec(conn, ev.assetId);
        if (!rec) return;
        this.touch(rec, now);
        this.feed.books.apply(ev);
        rec.meta = { ...rec.meta, tickSize: ev.newTickSize };
        conn.dispatch({ type: "epoch", now, token: ev.assetId });
        this.feed.notify({ type: "tick_size", tokenId: ev.assetId, oldTickSize: ev.oldTickSize, newTickSize: ev.newTickSize, ts: now });
        return;
      }
      case "last_trade_price":
        stats.delay.add(now - ev.timestamp);
        this.onTrade(conn, ev, now);
        return;
      case "best_bid_ask": {
        stats.delay.add(now - ev.timestamp);
        const rec = this.rec(conn, ev.assetId);
        if (rec) this.touch(rec, now);
        return;
      }
      case "market_resolved": {
        const mine = ev.assetIds.filter((id) => this.rec(conn, id) !== undefined);
        if (mine.length === 0) return;
        conn.dispatch({ type: "resolved", now, tokens: mine });
        this.feed.notify({ type: "resolved", conditionId: ev.market, tokenIds: ev.assetIds, winningTokenId: ev.winningAssetId, ts: now });
        return;
      }
      case "new_market":
      case "order":
      case "trade":
        return;
    }
  }

  private touch(rec: TokenRecord, now: number): void {
    rec.lastMsgAt = now;
    rec.rate.add(now);
  }

  private onBook(conn: FeedConnection, ev: BookEvent, now: number): void {
    const rec = this.rec(conn, ev.assetId);
    if (!rec) return;
    ev.assetId = rec.meta.tokenId; // the table's own string, as in onPriceChange
    this.touch(rec, now);
    const opening = ev.raw.tickSize !== null && ev.raw.lastTradePrice !== null;
    if (ev.raw.lastTradePrice !== null) rec.lastTradePrice = ev.raw.lastTradePrice;
    const before = this.feed.books.book(ev.assetId);
    // Quotable as far as the book goes before this snapshot: then a synced-again notice would be news to no one.
    const wasSynced = before !== undefined && before.synced && rec.topAgrees;
    const tick = ev.tickSize ?? before?.tickSize ?? rec.meta.tickSize;
    const expected = ev.hash && opening ? frameHash(rec, ev, tick) : null;
    if (expected !== null && expected !== ev.hash) {
      // A snapshot that contradicts its own hash: take it as received, then resync the token at once.
      conn.dispatch({ type: "snapshot", now, token: ev.assetId });
      this.feed.desync(rec, "snapshot hash differs from its contents");
      return;
    }
    this.feed.books.apply(ev);
    const book = this.feed.books.book(ev.assetId);
    if (opening) {
      rec.ltpConfirmed = expected === ev.hash;
      rec.renderMatches = book !== undefined && rec.ltpConfirmed && ourBookHash(rec, book, ev.raw.timestamp) === ev.hash;
      rec.pendingBook = null;
    } else if (ev.hash) {
      // A post-trade book: its hash confirms the last trade price entry hashes are checked with. It is verified when the
      // token's next entry-hash check is due (confirmLastTrade), not now: hashing every such book (~200 levels) cost more
      // than all the rest of the feed under a flood of trades (`npm run bench` pipeline profile).
      rec.ltpConfirmed = false;
      rec.pendingBook = ev;
    }
    const wasRest = rec.source === "rest";
    rec.source = "ws";
    rec.topAgrees = true;
    conn.dispatch({ type: "snapshot", now, token: ev.assetId });
    this.feed.notify({ type: "snapshot", tokenId: ev.assetId, source: "ws", ts: now });
    if (wasRest || (!wasSynced && conn.state.tokens.get(ev.assetId)?.sync === "synced")) {
      this.feed.notify({ type: "sync", tokenId: ev.assetId, synced: true, reason: "snapshot", ts: now });
    }
  }

  private onPriceChange(conn: FeedConnection, ev: PriceChangeEvent, now: number): void {
    const feed = this.feed;
    const changes = ev.changes;
    // The token table's own id string in place of the parsed copy (same characters): each of the ~8 lookups per entry
    // below (books, records, listeners' maps) then compares by identity instead of comparing or hashing ~77 chars.
    for (let i = 0; i < changes.length; i++) {
      const known = feed.tokens.get(changes[i].assetId);
      if (known !== undefined) changes[i].assetId = known.meta.tokenId;
    }
    const report = feed.books.apply(ev);
    // The report is reused by the next apply: copy what is acted on after dispatching.
    const unsynced = report.unsynced.length ? report.unsynced.slice() : null;
    const mismatched = report.mismatched.length ? report.mismatched.slice() : null;
    if (feed.hasListeners()) {
      const top = report.topChanged;
      for (const c of changes) {
        if (!this.rec(conn, c.assetId) || !feed.books.book(c.assetId)?.synced) continue;
        feed.notify({ type: "delta", tokenId: c.assetId, side: c.side, price: c.price, size: c.size, topChanged: top.includes(c.assetId), ts: now });
      }
    }
    for (const c of changes) {
      const rec = this.rec(conn, c.assetId);
      if (rec) this.touch(rec, now);
    }
    if (unsynced) {
      for (const id of unsynced) {
        const rec = this.rec(conn, id);
        if (rec && conn.state.tokens.get(id)?.sync === "synced") feed.desync(rec, "delta for a token with no synced book");
      }
    }
    if (mismatched) {
      for (const id of mismatched) {
        const rec = this.rec(conn, id);
        if (!rec) continue;
        rec.topAgrees = false;
        feed.desync(rec, "top of book disagrees with the entry's best_bid/best_ask");
      }
    }
    // Entry hashes: the last entry of each token carries the hash of its book after the whole frame.
    for (let i = changes.length - 1; i >= 0; i--) {
      const c = changes[i];
      if (c.hash === null || (i < changes.length - 1 && changes.findIndex((x, j) => j > i && x.assetId === c.assetId) !== -1)) continue;
      const rec = this.rec(conn, c.assetId);
      const book = feed.books.book(c.assetId);
      if (!rec || !book || !book.synced || !rec.renderMatches || mismatched?.includes(c.assetId)) continue;
      if (now - rec.lastHashCheckAt < HASH_CHECK_EVERY_MS || (!rec.ltpConfirmed && rec.pendingBook === null)) continue;
      rec.lastHashCheckAt = now;
      if (!rec.ltpConfirmed && !this.confirmLastTrade(rec)) continue;
      const ours = ourBookHash(rec, book, String(ev.timestamp));
      if (ours !== null && ours !== c.hash) feed.desync(rec, "book hash differs from the exchange's");
    }
  }

  private onTrade(conn: FeedConnection, ev: LastTradePriceEvent, now: number): void {
    const rec = this.rec(conn, ev.assetId);
    if (!rec) return;
    ev.assetId = rec.meta.tokenId; // the table's own string, as in onPriceChange
    this.touch(rec, now);
    const key = `${ev.timestamp}|${ev.price}|${ev.size}|${ev.side}|${ev.transactionHash ?? ""}`;
    if (key === rec.lastTradeKey) return; // a duplicated frame
    rec.lastTradeKey = key;
    // A post-trade book waiting for this price is verified at the token's next entry-hash check (confirmLastTrade).
    rec.lastTradePrice = formatPrice(ev.price);
    const pair = rec.meta.pairTokenId ? this.rec(conn, rec.meta.pairTokenId) : undefined;
    if (pair) pair.lastTradePrice = formatPrice(mirror(ev.price));
    this.feed.notify({ type: "trade", tokenId: ev.assetId, price: ev.price, size: ev.size, side: ev.side, exchangeTs: ev.timestamp, ts: now });
  }

  /** Does the last post-trade book's hash hold with our last trade price? If so, entry hashes can be checked again. */
  private confirmLastTrade(rec: TokenRecord): boolean {
    const pending = rec.pendingBook;
    if (!pending) return false;
    const tick = this.feed.books.book(rec.meta.tokenId)?.tickSize ?? rec.meta.tickSize;
    rec.ltpConfirmed = frameHash(rec, pending, tick) === pending.hash;
    if (rec.ltpConfirmed) rec.pendingBook = null;
    return rec.ltpConfirmed;
  }
}
