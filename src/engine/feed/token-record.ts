// What the feed keeps per followed token: metadata, freshness, health counters and the state of its hash checks.
import { createHash } from "node:crypto";
import { bookHashText, bookHashTextOfSides, hashMetaFor, levelJson, type BookHashMeta } from "../../domain/book/book-hash.js";
import type { OrderBook } from "../../domain/book/order-book.js";
import type { BookEvent } from "../../domain/events.js";
import { RateMeter } from "../../domain/feed/meters.js";
import { formatPrice, formatSize, type Micro, type Pips } from "../../domain/units.js";
import type { TokenMeta } from "../../ports/market-data.js";
import type { FeedConnection } from "./feed-connection.js";

export interface TokenRecord {
  meta: TokenMeta;
  conn: FeedConnection;
  source: "ws" | "rest";
  /** Last stream message for this token, and last REST refresh (fallback). */
  lastMsgAt: number | null;
  restAt: number | null;
  /** Last REST spot check, and whether one is in flight. */
  lastCheckAt: number | null;
  checking: boolean;
  topAgrees: boolean;
  /** The last trade price as the exchange writes it (for the hash), null until known. */
  lastTradePrice: string | null;
  /** Our own rendering of the book reproduced the exchange's hash at the last opening snapshot. */
  renderMatches: boolean;
  /** lastTradePrice is the one the exchange hashes with (a book hash verified with it). Entry hashes are checked while both hold. */
  ltpConfirmed: boolean;
  /** The last post-trade book, whose hash confirms lastTradePrice; verified at the token's next entry-hash check. */
  pendingBook: BookEvent | null;
  lastHashCheckAt: number;
  rate: RateMeter;
  resyncs: number;
  desyncs: number;
  /** Key of the last trade print, to drop duplicated frames. */
  lastTradeKey: string;
  /** Each level's hash text by side and price, reused while its size holds (rendering every level at each check was the feed's top cost). */
  levelText: { BUY: Map<Pips, LevelText>; SELL: Map<Pips, LevelText> };
}

interface LevelText {
  size: Micro;
  text: string;
}

export function newTokenRecord(meta: TokenMeta, conn: FeedConnection): TokenRecord {
  return {
    meta,
    conn,
    source: "ws",
    lastMsgAt: null,
    restAt: null,
    lastCheckAt: null,
    checking: false,
    topAgrees: true,
    lastTradePrice: null,
    renderMatches: false,
    ltpConfirmed: false,
    pendingBook: null,
    lastHashCheckAt: -Infinity,
    rate: new RateMeter(),
    resyncs: 0,
    desyncs: 0,
    lastTradeKey: "",
    levelText: { BUY: new Map(), SELL: new Map() },
  };
}

export const sha1 = (text: string): string => createHash("sha1").update(text).digest("hex");

/**
 * One side of the book as the hash writes it, in wire order (bids ascending, asks descending), rendered the way mm
 * renders prices and sizes. Level texts come from the last render while their size holds; the cache keeps only the
 * levels rendered now, so it never outgrows the book.
 */
function wireSideJson(book: OrderBook, side: "BUY" | "SELL", rec: TokenRecord): string {
  const levels = book.depth(side, book.levelCount(side));
  const last = rec.levelText[side];
  const next = new Map<Pips, LevelText>();
  let out = "[";
  for (let i = levels.length - 1; i >= 0; i--) {
    const { price, size } = levels[i];
    let hit = last.get(price);
    if (hit === undefined || hit.size !== size) hit = { size, text: levelJson(formatPrice(price), formatSize(size)) };
    next.set(price, hit);
    out += i === levels.length - 1 ? hit.text : "," + hit.text;
  }
  rec.levelText[side] = next;
  return out + "]";
}

/** The hash of a book frame's own levels with our metadata for its token (null when something is unknown). */
export function frameHash(rec: TokenRecord, ev: BookEvent, tickSize: number): string | null {
  const meta = hashMetaFor(ev, { minOrderSize: formatSize(rec.meta.minSize), negRisk: rec.meta.negRisk, tickSize: formatPrice(tickSize), lastTradePrice: rec.lastTradePrice ?? undefined });
  return meta === null ? null : sha1(bookHashText(ev, meta));
}

export function hashMetaOf(rec: TokenRecord, tickSize: number): BookHashMeta | null {
  if (rec.lastTradePrice === null) return null;
  return { minOrderSize: formatSize(rec.meta.minSize), tickSize: formatPrice(tickSize), negRisk: rec.meta.negRisk, lastTradePrice: rec.lastTradePrice };
}

/** Polymarket's hash of our own copy of the book at `timestamp` (null when the metadata is not known yet). */
export function ourBookHash(rec: TokenRecord, book: OrderBook, timestamp: string): string | null {
  const meta = hashMetaOf(rec, book.tickSize);
  if (meta === null) return null;
  const bids = wireSideJson(book, "BUY", rec);
  const asks = wireSideJson(book, "SELL", rec);
  return sha1(bookHashTextOfSides(rec.meta.conditionId, rec.meta.tokenId, timestamp, bids, asks, meta));
}

/** Same levels, any order: is the streamed book equal to a REST book? */
export function sameLevels(book: OrderBook, bids: { price: number; size: number }[], asks: { price: number; size: number }[]): boolean {
  const cmp = (side: "BUY" | "SELL", levels: { price: number; size: number }[]): boolean => {
    const live = levels.filter((l) => l.size > 0);
    if (book.levelCount(side) !== live.length) return false;
    for (const l of live) if (book.sizeAt(side, l.price) !== l.size) return false;
    return true;
  };
  return cmp("BUY", bids) && cmp("SELL", asks);
}
