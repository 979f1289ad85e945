// One token's exact order book: dense per-pip size arrays with an incrementally kept best bid/ask, plus the top-of-book measures quoting needs.
import type { Level } from "../events.js";
import type { Side } from "../market.js";
import { PRICE_SCALE, type Micro, type Pips } from "../units.js";

/** Read-only view of a book's top and depth, implemented by OrderBook and by mirrored views. */
export interface BookView {
  bestBid(): Pips | null;
  bestAsk(): Pips | null;
  sizeAt(side: Side, price: Pips): Micro;
  depth(side: Side, n: number): Level[];
  levelCount(side: Side): number;
}

const SLOTS = PRICE_SCALE + 1;
const NONE = -1;

function gcd(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

export class OrderBook implements BookView {
  /** Bumped by newEpoch (tick_size_change): prices of an older epoch are suspect. */
  epoch = 0;
  /** True once a snapshot of the current epoch has been applied. */
  synced = false;
  private readonly bids = new Float64Array(SLOTS);
  private readonly asks = new Float64Array(SLOTS);
  private bestBidPx = NONE;
  private bestAskPx = NONE;
  private bidLevels = 0;
  private askLevels = 0;
  /** Scan step when the best level empties: the tick, reduced (gcd) if a level off the tick grid ever arrives, so no level is skipped. */
  private step: Pips;

  constructor(
    readonly assetId: string,
    public tickSize: Pips,
  ) {
    OrderBook.checkTick(tickSize);
    this.step = tickSize;
  }

  private static checkTick(tick: Pips): void {
    if (!Number.isInteger(tick) || tick <= 0 || tick >= PRICE_SCALE) throw new RangeError(`tick size ${tick} pips is not a whole number of pips inside (0, ${PRICE_SCALE})`);
  }

  private static checkPrice(price: Pips): void {
    if (!(price > 0 && price < PRICE_SCALE) || !Number.isInteger(price)) throw new RangeError(`price ${price} pips is not a whole number of pips inside (0, ${PRICE_SCALE})`);
  }

  private static checkSize(size: Micro): void {
    if (!(size >= 0) || !Number.isFinite(size)) throw new RangeError(`size ${size} is not a finite non-negative number of micro-shares`);
  }

  /** Replaces both sides with a snapshot (levels in any order; size 0 levels are ignored) and marks the book synced. */
  applySnapshot(bids: Level[], asks: Level[], tickSize?: Pips): void {
    if (tickSize !== undefined) {
      OrderBook.checkTick(tickSize);
      this.tickSize = tickSize;
    }
    this.clear();
    for (let i = 0; i < bids.length; i++) this.load(this.bids, bids[i], true);
    for (let i = 0; i < asks.length; i++) this.load(this.asks, asks[i], false);
    // Bests from the final sizes, so a repeated price (last one wins) cannot leave an empty best.
    for (let i = 0; i < bids.length; i++) {
      const p = bids[i].price;
      if (this.bids[p] > 0 && p > this.bestBidPx) this.bestBidPx = p;
    }
    for (let i = 0; i < asks.length; i++) {
      const p = asks[i].price;
      if (this.asks[p] > 0 && (this.bestAskPx === NONE || p < this.bestAskPx)) this.bestAskPx = p;
    }
    this.synced = true;
  }

  private load(arr: Float64Array, level: Level, isBid: boolean): void {
    const { price, size } = level;
    OrderBook.checkPrice(price);
    OrderBook.checkSize(size);
    if (price % this.step !== 0) this.step = gcd(this.step, price);
    const delta = (size > 0 ? 1 : 0) - (arr[price] > 0 ? 1 : 0);
    arr[price] = size;
    if (isBid) this.bidLevels += delta;
    else this.askLevels += delta;
  }

  /** Sets the level at `price` to `size` (the new total; 0 removes it). True when the best bid or ask (price or size) changed. */
  applyDelta(side: Side, price: Pips, size: Micro): boolean {
    OrderBook.checkPrice(price);
    OrderBook.checkSize(size);
    if (price % this.step !== 0) this.step = gcd(this.step, price);
    if (side === "BUY") {
      const arr = this.bids;
      const old = arr[price];
      if (old === size) return false;
      arr[price] = size;
      if (size > 0) {
        if (old === 0) this.bidLevels++;
        if (price > this.bestBidPx) {
          this.bestBidPx = price;
          return true;
        }
        return price === this.bestBidPx;
      }
      this.bidLevels--;
      if (price !== this.bestBidPx) return false;
      this.bestBidPx = this.scanDown(price);
      return true;
    }
    const arr = this.asks;
    const old = arr[price];
    if (old === size) return false;
    arr[price] = size;
    if (size > 0) {
      if (old === 0) this.askLevels++;
      if (this.bestAskPx === NONE || price < this.bestAskPx) {
        this.bestAskPx = price;
        return true;
      }
      return price === this.bestAskPx;
    }
    this.askLevels--;
    if (price !== this.bestAskPx) return false;
    this.bestAskPx = this.scanUp(price);
    return true;
  }

  /** Next bid below `from`, stepping by the tick; only called when the best bid empties. */
  private scanDown(from: Pips): Pips {
    if (this.bidLevels === 0) return NONE;
    const arr = this.bids;
    for (let p = from - this.step; p > 0; p -= this.step) if (arr[p] > 0) return p;
    return NONE;
  }

  private scanUp(from: Pips): Pips {
    if (this.askLevels === 0) return NONE;
    const arr = this.asks;
    for (let p = from + this.step; p < PRICE_SCALE; p += this.step) if (arr[p] > 0) return p;
    return NONE;
  }

  bestBid(): Pips | null {
    return this.bestBidPx === NONE ? null : this.bestBidPx;
  }

  bestAsk(): Pips | null {
    return this.bestAskPx === NONE ? null : this.bestAskPx;
  }

  sizeAt(side: Side, price: Pips): Micro {
    if (!(price > 0 && price < PRICE_SCALE)) return 0;
    return (side === "BUY" ? this.bids : this.asks)[price] ?? 0;
  }

  levelCount(side: Side): number {
    return side === "BUY" ? this.bidLevels : this.askLevels;
  }

  /** Up to `n` levels of one side, best first. */
  depth(side: Side, n: number): Level[] {
    const out: Level[] = [];
    const isBid = side === "BUY";
    const arr = isBid ? this.bids : this.asks;
    const start = isBid ? this.bestBidPx : this.bestAskPx;
    const want = Math.min(n, isBid ? this.bidLevels : this.askLevels);
    if (start === NONE || want <= 0) return out;
    const step = isBid ? -this.step : this.step;
    for (let p = start; p > 0 && p < PRICE_SCALE && out.length < want; p += step) {
      const size = arr[p];
      if (size > 0) out.push({ price: p, size });
    }
    return out;
  }

  /** Total size on one side within `ticks` ticks of its best price (the best level included; 0 ticks is the best level alone). */
  sizeWithin(side: Side, ticks: number): Micro {
    const isBid = side === "BUY";
    const arr = isBid ? this.bids : this.asks;
    const best = isBid ? this.bestBidPx : this.bestAskPx;
    if (best === NONE || ticks < 0) return 0;
    const span = Math.floor(ticks) * this.tickSize;
    let total = 0;
    if (isBid) {
      const end = Math.max(1, best - span);
      for (let p = best; p >= end; p -= this.step) total += arr[p];
    } else {
      const end = Math.min(PRICE_SCALE - 1, best + span);
      for (let p = best; p <= end; p += this.step) total += arr[p];
    }
    return total;
  }

  /** (bid + ask) / 2 in pips, possibly a half pip; null unless both sides have a level. */
  midpoint(): number | null {
    if (this.bestBidPx === NONE || this.bestAskPx === NONE) return null;
    return (this.bestBidPx + this.bestAskPx) / 2;
  }

  spread(): Pips | null {
    if (this.bestBidPx === NONE || this.bestAskPx === NONE) return null;
    return this.bestAskPx - this.bestBidPx;
  }

  /** Size-weighted top: (bid * askSize + ask * bidSize) / (bidSize + askSize), in (fractional) pips. */
  microprice(): number | null {
    if (this.bestBidPx === NONE || this.bestAskPx === NONE) return null;
    const bidSize = this.bids[this.bestBidPx];
    const askSize = this.asks[this.bestAskPx];
    return (this.bestBidPx * askSize + this.bestAskPx * bidSize) / (bidSize + askSize);
  }

  /** Midpoint of the best bid and best ask levels holding at least `minSize` each (Polymarket's rewards midpoint); null if a side has none. */
  sizeAdjustedMidpoint(minSize: Micro): number | null {
    const bid = this.firstAtLeast(true, minSize);
    const ask = this.firstAtLeast(false, minSize);
    return bid === NONE || ask === NONE ? null : (bid + ask) / 2;
  }

  private firstAtLeast(isBid: boolean, minSize: Micro): Pips {
    const arr = isBid ? this.bids : this.asks;
    const start = isBid ? this.bestBidPx : this.bestAskPx;
    if (start === NONE) return NONE;
    const step = isBid ? -this.step : this.step;
    for (let p = start; p > 0 && p < PRICE_SCALE; p += step) if (arr[p] > 0 && arr[p] >= minSize) return p;
    return NONE;
  }

  /** A tick_size_change: clears the book and waits for a fresh snapshot on the new grid. */
  newEpoch(tickSize: Pips): void {
    OrderBook.checkTick(tickSize);
    this.tickSize = tickSize;
    this.clear();
    this.synced = false;
    this.epoch++;
  }

  /** Marks the book unsynced (a desync was detected); levels stay readable for display until the next snapshot. */
  invalidate(): void {
    this.synced = false;
  }

  /** Whether the local top equals a feed's best bid/ask (null meaning an empty side). */
  topMatches(bestBid: Pips | null, bestAsk: Pips | null): boolean {
    return this.bestBid() === bestBid && this.bestAsk() === bestAsk;
  }

  /**
   * Zeroes only the set levels: each lies on the `step` grid and within the best, so a walk from the best that stops after
   * the last counted level touches ~100 slots on a 0.01 tick where a fill() writes all 2 x 10,001 (a snapshot's main cost).
   */
  private clear(): void {
    OrderBook.zero(this.bids, this.bestBidPx, -this.step, this.bidLevels);
    OrderBook.zero(this.asks, this.bestAskPx, this.step, this.askLevels);
    this.bestBidPx = NONE;
    this.bestAskPx = NONE;
    this.bidLevels = 0;
    this.askLevels = 0;
    this.step = this.tickSize;
  }

  private static zero(arr: Float64Array, best: Pips, step: Pips, levels: number): void {
    let left = levels;
    if (best !== NONE) {
      for (let p = best; left > 0 && p > 0 && p < PRICE_SCALE; p += step) {
        if (arr[p] > 0) left--;
        arr[p] = 0;
      }
    }
    if (left > 0) arr.fill(0); // never expected (the counts and bests are kept exact); a full wipe keeps clear() correct regardless
  }
}
