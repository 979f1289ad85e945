// Generates the benchmarks' market-channel traffic, deterministic per seed: mirrored price_change pairs, multi-entry frames, trades with
// their prints and post-trade books, and duplicated frames, on 0.01 and 0.001 tick markets, every hash and best bid/ask exact.
import { openMarket, type MarketInfo, type Side } from "../domain/market.js";
import { PRICE_SCALE, formatPrice, formatSize, mirror, type Micro, type Pips } from "../domain/units.js";
import { Random } from "../sim/random.js";
import { WireBook } from "./wire-book.js";

export type FrameKind = "price_change" | "multi_change" | "last_trade_price" | "book" | "duplicate";

export interface TrafficOptions {
  markets: number;
  /** Frames after the opening one (the generator stops at the first whole event past this count). */
  frames: number;
  seed: number;
  /** Mean gap between consecutive frames' exchange timestamps, ms. */
  meanGapMs: number;
  /** The opening frame's timestamp, ms. */
  startTs: number;
}

export const TRAFFIC_DEFAULTS: TrafficOptions = { markets: 24, frames: 1_000_000, seed: 7, meanGapMs: 2, startTs: 1_791_124_077_000 };

export interface Traffic {
  markets: MarketInfo[];
  /** The subscription's opening frame: one JSON array of every token's book, ending in "\n" as Polymarket sends it. */
  opening: string;
  openingTs: number;
  frames: string[];
  /** Each frame's exchange timestamp, ms. */
  timestamps: Float64Array;
  counts: Record<FrameKind, number>;
  /** price_change entries over all frames. */
  entries: number;
}

/** Event mix, as cumulative probabilities of one step (the rest are single changes). */
const MULTI = 0.05;
const TRADE = 0.03;
const DUPLICATE = 0.04;
const MIN_SIZE: Micro = 5_000_000;

interface GenMarket {
  info: MarketInfo;
  tick: Pips;
  yes: WireBook;
  no: WireBook;
  /** YES price of the last trade. */
  lastTrade: Pips;
  /** The YES price the market's flow reverts to, so a long stream never drifts to a price bound. */
  anchor: Pips;
}

const flip = (side: Side): Side => (side === "BUY" ? "SELL" : "BUY");
const top = (p: Pips | null): string => (p === null ? "0" : formatPrice(p));
/** A size on the 0.01-share grid, 5 to 20,000 shares. */
const levelSize = (rnd: Random): Micro => rnd.int(500, 2_000_000) * 10_000;

function newMarket(rnd: Random, i: number): GenMarket {
  const tick = i % 2 === 0 ? 100 : 10;
  const conditionId = "0x" + rnd.hex(64);
  const yesId = rnd.digits(77);
  const noId = rnd.digits(77);
  const negRisk = i % 3 === 0;
  const tickText = formatPrice(tick);
  const meta = { market: conditionId, minOrderSize: formatSize(MIN_SIZE), tickSize: tickText, negRisk };
  const yes = new WireBook({ ...meta, assetId: yesId });
  const no = new WireBook({ ...meta, assetId: noId });
  const mid = Math.round(rnd.int(1500, 8500) / tick) * tick;
  // 0.01 books fill most of their 99 prices; 0.001 books are dense near the middle and sparse far out (as the real captures are).
  for (let p = tick; p < PRICE_SCALE; p += tick) {
    if (p === mid) continue;
    const near = Math.abs(p - mid) <= 1500;
    const chance = tick === 100 ? 0.7 : near ? 0.5 : 0.05;
    if (!rnd.chance(chance)) continue;
    const side: Side = p < mid ? "BUY" : "SELL";
    const size = levelSize(rnd);
    yes.set(side, p, size);
    no.set(flip(side), mirror(p), size);
  }
  const info = openMarket(
    { conditionId, question: `Benchmark market ${i + 1}?`, slug: `bench-market-${i + 1}`, yesTokenId: yesId, noTokenId: noId, tickSize: tick, minSize: MIN_SIZE, negRisk },
    { description: "Generated for `npm run bench`.", bestBid: yes.bestBid(), bestAsk: yes.bestAsk() },
  );
  return { info, tick, yes, no, lastTrade: mid, anchor: mid };
}

function openingBook(book: WireBook, ts: string, ltp: string): string {
  const m = book.meta;
  return (
    `{"market":"${m.market}","asset_id":"${m.assetId}","timestamp":"${ts}","hash":"${book.hash(ts, ltp)}","bids":${book.bidsText()},"asks":${book.asksText()}` +
    `,"tick_size":"${m.tickSize}","event_type":"book","last_trade_price":"${ltp}"}`
  );
}

function postTradeBook(book: WireBook, ts: string, ltp: string): string {
  const m = book.meta;
  return `{"market":"${m.market}","asset_id":"${m.assetId}","bids":${book.bidsText()},"asks":${book.asksText()},"hash":"${book.hash(ts, ltp)}","timestamp":"${ts}","event_type":"book"}`;
}

class TrafficBuilder {
  readonly frames: string[] = [];
  readonly timestamps: number[] = [];
  readonly counts: Record<FrameKind, number> = { price_change: 0, multi_change: 0, last_trade_price: 0, book: 0, duplicate: 0 };
  entries = 0;
  lastKind: FrameKind | null = null;

  push(kind: FrameKind, text: string, ts: number): void {
    this.frames.push(text);
    this.timestamps.push(ts);
    this.counts[kind]++;
    this.lastKind = kind;
  }
}

/** Applies a change to the YES book and its mirror to the NO book; returns both entries' JSON (YES first). */
function change(m: GenMarket, side: Side, price: Pips, size: Micro, ts: string): [string, string] {
  m.yes.set(side, price, size);
  m.no.set(flip(side), mirror(price), size);
  const ltp = formatPrice(m.lastTrade);
  const ltpNo = formatPrice(mirror(m.lastTrade));
  const entry = (book: WireBook, s: Side, p: Pips, l: string): string =>
    `{"asset_id":"${book.meta.assetId}","price":"${formatPrice(p)}","size":"${formatSize(size)}","side":"${s}","hash":"${book.hash(ts, l)}","best_bid":"${top(book.bestBid())}","best_ask":"${top(book.bestAsk())}"}`;
  return [entry(m.yes, side, price, ltp), entry(m.no, flip(side), mirror(price), ltpNo)];
}

/** How strongly the flow leans down (positive) or up (negative): in [-0.3, 0.3], from the mid's distance to the anchor. */
function lean(m: GenMarket): number {
  const bid = m.yes.bestBid();
  const ask = m.yes.bestAsk();
  const mid = bid !== null && ask !== null ? (bid + ask) / 2 : (bid ?? ask ?? m.anchor);
  return Math.max(-0.3, Math.min(0.3, (mid - m.anchor) / 3000));
}

/** Share of changes that land anywhere in the book's band rather than near the top: they keep the book as deep as the real ones. */
const DEEP = 0.1;

/** How far from the top a 0.001-tick book keeps its dense levels (0.01-tick books use their whole side). */
const bandOf = (m: GenMarket): Pips => (m.tick === 100 ? PRICE_SCALE : 1500);

/** A random level change, mostly near the top of the YES book, that never crosses the other side. */
function randomChange(m: GenMarket, rnd: Random): { side: Side; price: Pips; size: Micro } | null {
  const deep = rnd.chance(DEEP);
  const away = Math.floor(rnd.exponential(3));
  const remove = rnd.next() < 0.3;
  // Removing bids or adding asks pushes the mid down; the lean makes those likelier above the anchor.
  const down = rnd.chance(0.5 + lean(m));
  const side: Side = remove === down ? "BUY" : "SELL";
  if (remove) {
    // Remove (or resize) an existing level: near the top, or anywhere for a deep change.
    const count = m.yes.levelCount(side);
    if (count === 0) return null;
    const price = m.yes.levelFromTop(side, deep ? rnd.int(0, count - 1) : Math.min(away, count - 1));
    if (price === null) return null;
    return { side, price, size: rnd.chance(0.7) ? 0 : levelSize(rnd) };
  }
  const bid = m.yes.bestBid();
  const ask = m.yes.bestAsk();
  const t = m.tick;
  const band = Math.round(bandOf(m) / t);
  let price: Pips;
  if (side === "BUY") {
    const ceiling = (ask ?? PRICE_SCALE) - t;
    const from = bid ?? (ask ?? PRICE_SCALE / 2) - 5 * t;
    price = Math.min(ceiling, deep ? from - rnd.int(0, band) * t : from + t - away * t);
  } else {
    const floor = (bid ?? 0) + t;
    const from = ask ?? (bid ?? PRICE_SCALE / 2) + 5 * t;
    price = Math.max(floor, deep ? from + rnd.int(0, band) * t : from - t + away * t);
  }
  if (price < t || price > PRICE_SCALE - t) return null;
  return { side, price, size: levelSize(rnd) };
}

function priceChangeFrame(m: GenMarket, entries: string[], ts: string): string {
  return `{"market":"${m.info.conditionId}","price_changes":[${entries.join(",")}],"timestamp":"${ts}","event_type":"price_change"}`;
}

/** One step of one market's activity: one to four frames. */
function step(b: TrafficBuilder, m: GenMarket, rnd: Random, ts: number): void {
  const tsText = String(ts);
  const roll = rnd.next();
  if (roll < DUPLICATE && b.lastKind === "price_change") {
    // Frames can arrive twice (the captures show it, for single pairs): the same text again.
    b.push("duplicate", b.frames[b.frames.length - 1], b.timestamps[b.timestamps.length - 1]);
    return;
  }
  if (roll < DUPLICATE + TRADE) {
    // A taker takes (part of) the best level on one side. As in the captures, the print comes first, then the level's
    // price_change pair, then both post-trade books (all hashed with the new last trade price).
    const makerSide: Side = rnd.chance(0.5 + lean(m)) ? "BUY" : "SELL";
    const price = m.yes.levelFromTop(makerSide, 0);
    if (price === null) return;
    const resting = m.yes.sizeAt(makerSide, price);
    const taken = rnd.chance(0.4) ? resting : Math.max(10_000, Math.floor((resting * rnd.next()) / 10_000) * 10_000);
    const tradeText =
      `{"market":"${m.info.conditionId}","asset_id":"${m.info.yesTokenId}","price":"${formatPrice(price)}","size":"${formatSize(taken)}","fee_rate_bps":"0",` +
      `"side":"${flip(makerSide)}","timestamp":"${tsText}","event_type":"last_trade_price","transaction_hash":"0x${rnd.hex(64)}"}`;
    b.push("last_trade_price", tradeText, ts);
    m.lastTrade = price;
    const entries = change(m, makerSide, price, resting - taken, tsText);
    b.entries += 2;
    b.push("price_change", priceChangeFrame(m, entries, tsText), ts);
    b.push("book", postTradeBook(m.yes, tsText, formatPrice(m.lastTrade)), ts);
    b.push("book", postTradeBook(m.no, tsText, formatPrice(mirror(m.lastTrade))), ts);
    return;
  }
  const n = roll < DUPLICATE + TRADE + MULTI ? rnd.int(2, 3) : 1;
  const entries: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = randomChange(m, rnd);
    if (c === null) continue;
    const [yes, no] = change(m, c.side, c.price, c.size, tsText);
    // Entries of a pair come in either order (the captures show both).
    if (rnd.chance(0.2)) entries.push(no, yes);
    else entries.push(yes, no);
  }
  if (entries.length === 0) return;
  b.entries += entries.length;
  b.push(entries.length > 2 ? "multi_change" : "price_change", priceChangeFrame(m, entries, tsText), ts);
}

/** The traffic for `options` (defaults: 24 markets, 1,000,000 frames): the same seed always gives the same frames. */
export function generateTraffic(options: Partial<TrafficOptions> = {}): Traffic {
  const o = { ...TRAFFIC_DEFAULTS, ...options };
  if (!Number.isInteger(o.markets) || o.markets < 1) throw new RangeError(`markets ${o.markets}: use a whole number >= 1`);
  if (!Number.isInteger(o.frames) || o.frames < 0) throw new RangeError(`frames ${o.frames}: use a whole number >= 0`);
  if (!(o.meanGapMs >= 0)) throw new RangeError(`meanGapMs ${o.meanGapMs}: use a number >= 0`);
  const rnd = new Random(o.seed);
  const markets: GenMarket[] = [];
  for (let i = 0; i < o.markets; i++) markets.push(newMarket(rnd, i));
  const openingTs = String(o.startTs);
  const books: string[] = [];
  for (const m of markets) books.push(openingBook(m.yes, openingTs, formatPrice(m.lastTrade)), openingBook(m.no, openingTs, formatPrice(mirror(m.lastTrade))));
  const b = new TrafficBuilder();
  let ts = o.startTs;
  let carry = 0;
  while (b.frames.length < o.frames) {
    // Exponential gaps kept as a fractional clock, so the mean is exact while the wire timestamps stay whole ms.
    carry += rnd.exponential(o.meanGapMs);
    const whole = Math.floor(carry);
    carry -= whole;
    ts += whole;
    // Activity is skewed: a few markets carry most of the traffic.
    const u = rnd.next();
    step(b, markets[Math.floor(u * u * markets.length)], rnd, ts);
  }
  return {
    markets: markets.map((m) => m.info),
    opening: "[" + books.join(",") + "]\n",
    openingTs: o.startTs,
    frames: b.frames,
    timestamps: Float64Array.from(b.timestamps),
    counts: b.counts,
    entries: b.entries,
  };
}
