// One token's exact order book: dense per-tick size arrays with occupancy bitmaps and an incrementally kept best bid/ask, plus the top-of-book measures quoting needs.
import type { Level } from "../events.js";
import type { Side } from "../market.js";
import { PRICE_SCALE, type Micro, type Pips } from "../units.js";
import { bitmapWords, clearSlots, setAbove, setBelow } from "./slot-bits.js";

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

/**
 * Slot `s` holds the level at price `s * unit` pips. The unit is the tick, so a book's levels sit in ~100 (0.01 tick) or
 * ~1,000 (0.001) adjacent slots, where one slot per pip spread them up to 800 bytes apart: with that layout and a clear that
 * walked the grid, a 185-level snapshot cost about twice as much, mostly cache misses (`npm run bench` pipeline profile).
 * A level off the tick grid refines the unit (gcd) and re-lays the slots out.
 */
export class OrderBook implements BookView {
  /** Bumped by newEpoch (tick_size_change): prices of an older epoch are suspect. */
  epoch = 0;
  /** True once a snapshot of the current epoch has been applied. */
  synced = false;
  private readonly bids = new Float64Array(SLOTS);
  private readonly asks = new Float64Array(SLOTS);
  /** Which slots hold size: clearing and scanning visit these 313 words, not every slot. */
  private readonly bidBits = new Uint32Array(bitmapWords(SLOTS));
  private readonly askBits = new Uint32Array(bitmapWords(SLOTS));
  /** Best prices in pips. */
  private bestBidPx = NONE;
  private bestAskPx = NONE;
  private bidLevels = 0;
  private askLevels = 0;
  /** Pips per slot: the tick, reduced (gcd) if a level off the tick grid arrives, so every level has its own slot. */
  private unit: Pips;

  constructor(
    readonly assetId: string,
    public tickSize: Pips,
  ) {
    OrderBook.checkTick(tickSize);
    this.unit = tickSize;
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

  /** The slot of a checked price, refining the grid first if the price is off it. */
  private slotOf(price: Pips): number {
    const slot = price / this.unit;
    if ((slot | 0) === slot) return slot;
    this.refine(gcd(this.unit, price));
    return price / this.unit;
  }

  /** Moves every level from slot s to s * (old unit / new unit), highest first so none is overwritten. */
  private refine(unit: Pips): void {
    const k = this.unit / unit;
    for (const [arr, bits] of [[this.bids, this.bidBits], [this.asks, this.askBits]] as const) {
      const slots: number[] = [];
      for (let s = setAbove(bits, 0); s !== -1; s = setAbove(bits, s)) slots.push(s);
      bits.fill(0);
      for (let i = slots.length - 1; i >= 0; i--) {
        const size = arr[slots[i]];
        arr[slots[i]] = 0;
        const to = slots[i] * k;
        arr[to] = size;
        bits[to >>> 5] |= 1 << (to & 31);
      }
    }
    this.unit = unit;
  }

  /** Replaces both sides with a snapshot (levels in any order; size 0 levels are ignored) and marks the book synced. */
  applySnapshot(bids: Level[], asks: Level[], tickSize?: Pips): void {
    if (tickSize !== undefined) {
      OrderBook.checkTick(tickSize);
      this.tickSize = tickSize;
    }
    this.clear();
    this.bestBidPx = this.loadSide(bids, true);
    this.bestAskPx = this.loadSide(asks, false);
    this.synced = true;
  }

  /** Loads one side of a snapshot into the cleared book and returns its best price. */
  private loadSide(levels: Level[], isBid: boolean): Pips {
    const arr = isBid ? this.bids : this.asks;
    const bits = isBid ? this.bidBits : this.askBits;
    let best = NONE;
    let repeated = false;
    for (let i = 0; i < levels.length; i++) {
      const { price, size } = levels[i];
      OrderBook.checkPrice(price);
      OrderBook.checkSize(size);
      const slot = this.slotOf(price);
      const old = arr[slot];
      if (old !== 0) repeated = true; // the book was cleared: this price came earlier in the same snapshot
      arr[slot] = size;
      if (size > 0) {
        if (old === 0) this.addLevel(bits, slot, isBid);
        if (isBid ? price > best : best === NONE || price < best) best = price;
      } else if (old > 0) this.removeLevel(bits, slot, isBid);
    }
    if (!repeated) return best;
    // A repeated price (the last one wins) may have emptied the best seen: the best from the final sizes instead.
    best = NONE;
    for (let i = 0; i < levels.length; i++) {
      const p = levels[i].price;
      if (arr[p / this.unit] > 0 && (isBid ? p > best : best === NONE || p < best)) best = p;
    }
    return best;
  }

  private addLevel(bits: Uint32Array, slot: number, isBid: boolean): void {
    bits[slot >>> 5] |= 1 << (slot & 31);
    if (isBid) this.bidLevels++;
    else this.askLevels++;
  }

  private removeLevel(bits: Uint32Array, slot: number, isBid: boolean): void {
    bits[slot >>> 5] &= ~(1 << (slot & 31));
    if (isBid) this.bidLevels--;
    else this.askLevels--;
  }

  /** Sets the level at `price` to `size` (the new total; 0 removes it). True when the best bid or ask (price or size) changed. */
  applyDelta(side: Side, price: Pips, size: Micro): boolean {
    OrderBook.checkPrice(price);
    OrderBook.checkSize(size);
    const slot = this.slotOf(price);
    const isBid = side === "BUY";
    const arr = isBid ? this.bids : this.asks;
    const bits = isBid ? this.bidBits : this.askBits;
    const old = arr[slot];
    if (old === size) return false;
    arr[slot] = size;
    const best = isBid ? this.bestBidPx : this.bestAskPx;
    if (size > 0) {
      if (old === 0) this.addLevel(bits, slot, isBid);
      if (best === NONE || (isBid ? price > best : price < best)) {
        if (isBid) this.bestBidPx = price;
        else this.bestAskPx = price;
        return true;
      }
      return price === best;
    }
    this.removeLevel(bits, slot, isBid);
    if (price !== best) return false;
    const next = isBid ? setBelow(bits, slot) : setAbove(bits, slot);
    const px = next === -1 ? NONE : next * this.unit;
    if (isBid) this.bestBidPx = px;
    else this.bestAskPx = px;
    return true;
  }

  bestBid(): Pips | null {
    return this.bestBidPx === NONE ? null : this.bestBidPx;
  }

  bestAsk(): Pips | null {
    return this.bestAskPx === NONE ? null : this.bestAskPx;
  }

  sizeAt(side: Side, price: Pips): Micro {
    if (!(price > 0 && price < PRICE_SCALE)) return 0;
    const slot = price / this.unit;
    return (slot | 0) === slot ? (side === "BUY" ? this.bids : this.asks)[slot] : 0;
  }

  levelCount(side: Side): number {
    return side === "BUY" ? this.bidLevels : this.askLevels;
  }

  /** Up to `n` levels of one side, best first. */
  depth(side: Side, n: number): Level[] {
    const out: Level[] = [];
    const isBid = side === "BUY";
    const arr = isBid ? this.bids : this.asks;
    const bits = isBid ? this.bidBits : this.askBits;
    const best = isBid ? this.bestBidPx : this.bestAskPx;
    const want = Math.min(n, isBid ? this.bidLevels : this.askLevels);
    if (best === NONE || want <= 0) return out;
    for (let s = best / this.unit; s !== -1 && out.length < want; s = isBid ? setBelow(bits, s) : setAbove(bits, s)) out.push({ price: s * this.unit, size: arr[s] });
    return out;
  }

  /** Total size on one side within `ticks` ticks of its best price (the best level included; 0 ticks is the best level alone). */
  sizeWithin(side: Side, ticks: number): Micro {
    const isBid = side === "BUY";
    const arr = isBid ? this.bids : this.asks;
    const best = isBid ? this.bestBidPx : this.bestAskPx;
    if (best === NONE || ticks < 0) return 0;
    const span = Math.floor(ticks) * this.tickSize;
    const u = this.unit;
    let total = 0;
    if (isBid) {
      const end = Math.max(1, best - span);
      for (let s = best / u; s * u >= end; s--) total += arr[s];
    } else {
      const end = Math.min(PRICE_SCALE - 1, best + span);
      for (let s = best / u; s * u <= end; s++) total += arr[s];
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
    const bidSize = this.bids[this.bestBidPx / this.unit];
    const askSize = this.asks[this.bestAskPx / this.unit];
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
    const bits = isBid ? this.bidBits : this.askBits;
    const best = isBid ? this.bestBidPx : this.bestAskPx;
    if (best === NONE) return NONE;
    for (let s = best / this.unit; s !== -1; s = isBid ? setBelow(bits, s) : setAbove(bits, s)) if (arr[s] >= minSize) return s * this.unit;
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

  /** Zeroes only the set levels, found through the bitmaps (a fill() would write all 2 x 10,001 slots), and restores the tick grid. */
  private clear(): void {
    clearSlots(this.bids, this.bidBits, this.bidLevels);
    clearSlots(this.asks, this.askBits, this.askLevels);
    this.bestBidPx = NONE;
    this.bestAskPx = NONE;
    this.bidLevels = 0;
    this.askLevels = 0;
    this.unit = this.tickSize;
  }
}
