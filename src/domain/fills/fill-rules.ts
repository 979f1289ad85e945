// The queue-position fill rules: how prints, depth changes and a crossing book fill a resting dry-run order.
import type { Side } from "../market.js";
import { mirror, type Micro, type Pips } from "../units.js";
import { aheadAfterShrink, type QueueModel } from "./queue-model.js";
import { NETTING_WINDOW_MS, opposite, remainingOf, type RestingOrder } from "./resting-order.js";

/** A trade print seen from one order's token: its price in that token's terms and the taker's side. */
export interface Print {
  price: Pips;
  size: Micro;
  takerSide: Side;
}

/** The outcome of one rule: the order's new state and how much of it filled now (at its limit price). */
export interface RuleResult {
  order: RestingOrder;
  fill: Micro;
}

/**
 * The print as an order on `orderTokenId` sees it: a print on its own token as is; a print on the other token of the same
 * market mirrored (price 1 - p, taker side flipped: buying NO at q is selling YES at 1 - q); null for any other token.
 */
export function printFor(orderTokenId: string, tokenId: string, pairTokenId: string | undefined, print: Print): Print | null {
  if (tokenId === orderTokenId) return print;
  if (pairTokenId === orderTokenId) return { price: mirror(print.price), size: print.size, takerSide: opposite(print.takerSide) };
  return null;
}

function fresh(order: RestingOrder, now: number): { traded: Micro; shrink: Micro } {
  return now - order.nettingAt <= NETTING_WINDOW_MS ? { traded: order.tradedUnseen, shrink: order.shrinkUnexplained } : { traded: 0, shrink: 0 };
}

/**
 * A print: through our price it fills all that remains; at our price from the opposite side it first consumes the queue
 * ahead of us (less any depth decrease already credited for it), then fills us. Anything else leaves the order alone.
 */
export function applyPrint(order: RestingOrder, print: Print, now: number): RuleResult {
  const remaining = remainingOf(order);
  if (remaining <= 0 || print.size <= 0) return { order, fill: 0 };
  if (isThrough(order, print)) return { order: { ...order, filled: order.size, queueAhead: 0 }, fill: remaining };
  if (print.price !== order.price || print.takerSide === order.side) return { order, fill: 0 };
  const balance = fresh(order, now);
  const absorbed = Math.min(print.size, balance.shrink);
  const volume = print.size - absorbed;
  const consumed = Math.min(order.queueAhead, volume);
  const fill = Math.min(remaining, volume - consumed);
  return {
    order: {
      ...order,
      filled: order.filled + fill,
      queueAhead: order.queueAhead - consumed,
      tradedUnseen: balance.traded + volume,
      shrinkUnexplained: balance.shrink - absorbed,
      nettingAt: now,
    },
    fill,
  };
}

/** A print strictly beyond our limit (below a bid, above an ask): the market traded through us. */
export function isThrough(order: Pick<RestingOrder, "side" | "price">, print: Print): boolean {
  return order.side === "BUY" ? print.price < order.price : print.price > order.price;
}

/**
 * The book now shows `levelSize` at our price on our side. A decrease that recent prints explain moves nothing more; the
 * rest is cancels, and moves us up per the queue model. Increases never help (they join behind us).
 */
export function applyDepth(order: RestingOrder, levelSize: Micro, now: number, model: QueueModel): RestingOrder {
  const size = Math.max(0, levelSize);
  if (size >= order.levelSize) return size === order.levelSize ? order : { ...order, levelSize: size };
  const decrease = order.levelSize - size;
  const balance = fresh(order, now);
  const explained = Math.min(decrease, balance.traded);
  const cancelled = decrease - explained;
  const ahead = aheadAfterShrink(model, order.queueAhead, order.levelSize, size, cancelled);
  const credited = order.queueAhead - ahead;
  return {
    ...order,
    queueAhead: ahead,
    levelSize: size,
    tradedUnseen: balance.traded - explained,
    shrinkUnexplained: balance.shrink + Math.min(credited, cancelled),
    nettingAt: now,
  };
}

/** The opposite best at or through our price: the book would have traded with us, so the rest fills at our limit. */
export function applyCross(order: RestingOrder, bestBid: Pips | null, bestAsk: Pips | null): RuleResult {
  const remaining = remainingOf(order);
  if (remaining <= 0) return { order, fill: 0 };
  const crossed = order.side === "BUY" ? bestAsk !== null && bestAsk <= order.price : bestBid !== null && bestBid >= order.price;
  return crossed ? { order: { ...order, filled: order.size, queueAhead: 0 }, fill: remaining } : { order, fill: 0 };
}

/** Whether an order arriving at `price` on `side` would trade at once against the opposite best. */
export function wouldCross(side: Side, price: Pips, bestBid: Pips | null, bestAsk: Pips | null): boolean {
  return side === "BUY" ? bestAsk !== null && bestAsk <= price : bestBid !== null && bestBid >= price;
}
