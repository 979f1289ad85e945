// A marketable order walking the opposite side of the book, level by level up to its limit, and the taker fee it pays.
import type { Level } from "../events.js";
import type { Side } from "../market.js";
import { notional, PRICE_SCALE, type Micro, type MicroUsd, type Pips } from "../units.js";

export interface TakerFill {
  price: Pips;
  size: Micro;
  fee: MicroUsd;
}

/**
 * Walks `levels` (the opposite side, best first) for a `side` order of `size` at limit `limit`; returns one fill per
 * level touched, each paying the taker fee. Stops at the limit or when the size is done.
 */
export function walkBook(side: Side, limit: Pips, size: Micro, levels: readonly Level[], feeBps: number): TakerFill[] {
  const fills: TakerFill[] = [];
  let left = size;
  for (const level of levels) {
    if (left <= 0) break;
    const acceptable = side === "BUY" ? level.price <= limit : level.price >= limit;
    if (!acceptable) break;
    const take = Math.min(left, level.size);
    if (take <= 0) continue;
    fills.push({ price: level.price, size: take, fee: takerFee(level.price, take, feeBps) });
    left -= take;
  }
  return fills;
}

/**
 * Polymarket's taker fee: rate x min(p, 1 - p) x shares, in dollars (so it is symmetric for YES and NO and vanishes at
 * the extremes). Rounded to the micro-dollar, half up. Makers pay nothing.
 */
export function takerFee(price: Pips, size: Micro, feeBps: number): MicroUsd {
  if (feeBps <= 0) return 0;
  const base = notional(Math.min(price, PRICE_SCALE - price), size);
  return Math.round((base * feeBps) / 10_000);
}
