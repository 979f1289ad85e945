// What one market holds and has resting, per token: the numbers pre-trade checks compare with the limits.
import type { Outcome, Side } from "../market.js";
import { notional, type Micro, type MicroUsd, type Pips } from "../units.js";

export interface TokenExposure {
  shares: Micro;
  /** Cost basis of the shares held. */
  cost: MicroUsd;
  restingBuyShares: Micro;
  restingBuyUsd: MicroUsd;
  restingSellShares: Micro;
}

export interface MarketExposure {
  yes: TokenExposure;
  no: TokenExposure;
  /** Every market's position cost plus resting BUY notional, together. */
  totalUsd: MicroUsd;
}

export interface OrderLike {
  outcome: Outcome;
  side: Side;
  price: Pips;
  size: Micro;
}

export const emptyTokenExposure = (): TokenExposure => ({ shares: 0, cost: 0, restingBuyShares: 0, restingBuyUsd: 0, restingSellShares: 0 });

/** Net YES exposure in shares: YES held minus NO held (a NO share is short one YES share). */
export const netYes = (m: MarketExposure): Micro => m.yes.shares - m.no.shares;

/** How an order moves net YES exposure when it fills in full. */
export function netDelta(o: OrderLike): Micro {
  const sign = (o.outcome === "YES") === (o.side === "BUY") ? 1 : -1;
  return sign * o.size;
}

/** Net YES change of all resting orders that move net toward `direction` (the sign of a reducing order). */
export function restingDeltaToward(m: MarketExposure, direction: 1 | -1): Micro {
  const up = m.yes.restingBuyShares + m.no.restingSellShares;
  const down = m.no.restingBuyShares + m.yes.restingSellShares;
  return direction === 1 ? up : down;
}

/** Adds an order as resting (mutates and returns `m`): used while a batch is checked order by order. */
export function addResting(m: MarketExposure, o: OrderLike): MarketExposure {
  const t = o.outcome === "YES" ? m.yes : m.no;
  if (o.side === "BUY") {
    const usd = notional(o.price, o.size);
    t.restingBuyShares += o.size;
    t.restingBuyUsd += usd;
    m.totalUsd += usd;
  } else t.restingSellShares += o.size;
  return m;
}
