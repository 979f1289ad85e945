// One side of a YES-terms book: price levels best-first, each a FIFO queue of resting orders (price-time priority).
import type { Side } from "../../domain/market.js";
import type { Micro, Pips } from "../../domain/units.js";
import type { SimOrder } from "../context.js";

/** A resting order as the book holds it: YES-terms side and price, and what is left of it. */
export interface Resting {
  order: SimOrder;
  yesSide: Side;
  yesPrice: Pips;
  remaining: Micro;
}

export interface PriceLevel {
  price: Pips;
  queue: Resting[];
  total: Micro;
  /** Wire JSON of this level as is and mirrored (1 - p), cached until the total changes (the market channel serialises books often). */
  json: string | null;
  mirrorJson: string | null;
}

export class SideBook {
  /** Levels best-first (bids: highest first; asks: lowest first). */
  readonly levels: PriceLevel[] = [];
  private readonly byPrice = new Map<Pips, PriceLevel>();

  constructor(readonly side: Side) {}

  best(): PriceLevel | undefined {
    return this.levels[0];
  }

  level(price: Pips): PriceLevel | undefined {
    return this.byPrice.get(price);
  }

  /** True when `price` on this side is better than `other`. */
  better(price: Pips, other: Pips): boolean {
    return this.side === "BUY" ? price > other : price < other;
  }

  /** Appends an order at the back of its level's queue; returns the level's new total. */
  add(resting: Resting): Micro {
    let level = this.byPrice.get(resting.yesPrice);
    if (!level) {
      level = { price: resting.yesPrice, queue: [], total: 0, json: null, mirrorJson: null };
      this.byPrice.set(level.price, level);
      let i = this.levels.length;
      while (i > 0 && this.better(level.price, this.levels[i - 1].price)) i--;
      this.levels.splice(i, 0, level);
    }
    level.queue.push(resting);
    level.total += resting.remaining;
    level.json = level.mirrorJson = null;
    return level.total;
  }

  /** Takes `size` off a resting order (fill or cancel); drops it and its level when empty. Returns the level's new total. */
  reduce(resting: Resting, size: Micro): Micro {
    const level = this.byPrice.get(resting.yesPrice);
    if (!level) return 0;
    resting.remaining -= size;
    level.total -= size;
    level.json = level.mirrorJson = null;
    if (resting.remaining <= 0) {
      const i = level.queue.indexOf(resting);
      if (i >= 0) level.queue.splice(i, 1);
    }
    if (level.queue.length === 0) {
      this.byPrice.delete(level.price);
      const i = this.levels.indexOf(level);
      if (i >= 0) this.levels.splice(i, 1);
      return 0;
    }
    return level.total;
  }

  /** Every resting order on this side, best level first, in queue order. */
  *orders(): Generator<Resting> {
    for (const level of this.levels) for (const r of level.queue) yield r;
  }
}
