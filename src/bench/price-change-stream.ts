// Generates a realistic market-channel stream for benchmarks: opening book arrays, then mirrored YES/NO price_change frames on 0.01 and 0.001 ticks.
import { OrderBook } from "../domain/book/order-book.js";
import type { Side } from "../domain/market.js";
import { formatPrice, formatSize, mirror, type Pips } from "../domain/units.js";
import { Random } from "../sim/random.js";

export interface GeneratedStream {
  /** One frame per market: a JSON array of its two books, as the subscription opens. */
  snapshots: string[];
  /** price_change frames, each with a YES entry and its mirrored NO entry. */
  changes: string[];
  deltas: number;
  tokens: number;
}

interface Market {
  id: string;
  yes: string;
  no: string;
  tick: Pips;
  book: OrderBook;
}

const top = (p: Pips | null): string => (p === null ? "0" : formatPrice(p));

function levelsJson(book: OrderBook, side: Side, mirrored: boolean): string {
  // Wire order: bids ascending, asks descending (best last). The NO side is the mirror of the opposite YES side.
  const source: Side = mirrored ? (side === "BUY" ? "SELL" : "BUY") : side;
  const levels = book.depth(source, 10_000).map((l) => ({ price: mirrored ? mirror(l.price) : l.price, size: l.size }));
  levels.reverse();
  return "[" + levels.map((l) => `{"price":"${formatPrice(l.price)}","size":"${formatSize(l.size)}"}`).join(",") + "]";
}

function bookJson(m: Market, asNo: boolean, ts: number, rnd: Random): string {
  const tokenId = asNo ? m.no : m.yes;
  return (
    `{"market":"${m.id}","asset_id":"${tokenId}","timestamp":"${ts}","hash":"${rnd.hex(40)}",` +
    `"bids":${levelsJson(m.book, "BUY", asNo)},"asks":${levelsJson(m.book, "SELL", asNo)},"tick_size":"${formatPrice(m.tick)}","event_type":"book","last_trade_price":"0.5"}`
  );
}

function entryJson(tokenId: string, side: Side, price: Pips, size: number, bestBid: Pips | null, bestAsk: Pips | null, rnd: Random): string {
  return `{"asset_id":"${tokenId}","price":"${formatPrice(price)}","size":"${formatSize(size)}","side":"${side}","hash":"${rnd.hex(40)}","best_bid":"${top(bestBid)}","best_ask":"${top(bestAsk)}"}`;
}

function newMarket(rnd: Random, i: number): Market {
  const tick = i % 2 === 0 ? 100 : 10;
  const m: Market = { id: "0x" + rnd.hex(64), yes: rnd.digits(77), no: rnd.digits(77), tick, book: new OrderBook("gen", tick) };
  const mid = Math.round(rnd.int(1500, 8500) / tick) * tick;
  const bids = [];
  const asks = [];
  for (let k = 1; k <= 60; k++) {
    if (mid - k * tick > 0 && rnd.chance(0.8)) bids.push({ price: mid - k * tick, size: rnd.int(5, 50_000) * 10_000 });
    if (mid + k * tick < 10_000 && rnd.chance(0.8)) asks.push({ price: mid + k * tick, size: rnd.int(5, 50_000) * 10_000 });
  }
  m.book.applySnapshot(bids, asks);
  return m;
}

/** `markets` markets (2 tokens each) and `frames` price_change frames, deterministic for a seed. */
export function generateStream(markets: number, frames: number, seed = 7): GeneratedStream {
  const rnd = new Random(seed);
  let ts = 1_791_124_077_000;
  const list: Market[] = [];
  for (let i = 0; i < markets; i++) list.push(newMarket(rnd, i));
  const snapshots = list.map((m) => `[${bookJson(m, false, ts, rnd)},${bookJson(m, true, ts, rnd)}]\n`);
  const changes: string[] = [];
  for (let f = 0; f < frames; f++) {
    ts += rnd.int(0, 40);
    const m = rnd.pick(list);
    const book = m.book;
    const side: Side = rnd.chance(0.5) ? "BUY" : "SELL";
    const bid = book.bestBid() ?? 0;
    const ask = book.bestAsk() ?? 10_000;
    // Most activity sits near the top; never cross the other side.
    const away = Math.floor(rnd.exponential(3));
    const price = side === "BUY" ? Math.min(ask - m.tick, bid + m.tick - away * m.tick) : Math.max(bid + m.tick, ask - m.tick + away * m.tick);
    if (price <= 0 || price >= 10_000) continue;
    const size = rnd.chance(0.3) ? 0 : rnd.int(5, 50_000) * 10_000;
    book.applyDelta(side, price, size);
    const yesEntry = entryJson(m.yes, side, price, size, book.bestBid(), book.bestAsk(), rnd);
    const noBid = book.bestAsk() === null ? null : mirror(book.bestAsk() as Pips);
    const noAsk = book.bestBid() === null ? null : mirror(book.bestBid() as Pips);
    const noEntry = entryJson(m.no, side === "BUY" ? "SELL" : "BUY", mirror(price), size, noBid, noAsk, rnd);
    changes.push(`{"market":"${m.id}","price_changes":[${yesEntry},${noEntry}],"timestamp":"${ts}","event_type":"price_change"}`);
  }
  return { snapshots, changes, deltas: changes.length * 2, tokens: markets * 2 };
}
