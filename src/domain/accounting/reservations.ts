// Collateral held by open orders, as Polymarket reserves it: cash for BUYs (price x remaining), shares for SELLs.
import type { Side } from "../market.js";
import { notional, type Micro, type MicroUsd, type Pips } from "../units.js";

export interface ReservingOrder {
  tokenId: string;
  side: Side;
  price: Pips;
  size: Micro;
  filled: Micro;
}

export function reservedCash(orders: Iterable<ReservingOrder>): MicroUsd {
  let total = 0;
  for (const o of orders) if (o.side === "BUY") total += notional(o.price, o.size - o.filled);
  return total;
}

export function reservedShares(orders: Iterable<ReservingOrder>, tokenId: string): Micro {
  let total = 0;
  for (const o of orders) if (o.side === "SELL" && o.tokenId === tokenId) total += o.size - o.filled;
  return total;
}
