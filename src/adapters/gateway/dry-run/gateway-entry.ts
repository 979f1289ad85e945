// One order inside the dry-run gateway: its resting state, lifecycle flags and timers, its OpenOrder view, and visiting order.
import type { TimerHandle } from "../../../ports/clock.js";
import type { OpenOrder, OrderRequest } from "../../../ports/order-gateway.js";
import type { TrackedOrder } from "../../../domain/ledger/ledger-state.js";
import { joinQueue, type RestingOrder } from "../../../domain/fills/resting-order.js";

export interface Entry {
  order: RestingOrder;
  status: "pending" | "live";
  /** A restored order waits for its token's book to take its place at the back of the queue. */
  unjoined: boolean;
  cancelling: boolean;
  /**
   * False after a taker walk left a remainder resting: the visible book still shows the liquidity we took (our walk
   * cannot remove it), so crossing and trade-through fills wait until the book stops crossing our price once.
   */
  crossArmed: boolean;
  request: Pick<OrderRequest, "type" | "postOnly"> & { feeBps: number };
  timers: TimerHandle[];
  fills: number;
  /** Fill ids are `${fillPrefix}${n}`; restored orders get a per-run prefix so ids never repeat across restarts. */
  fillPrefix: string;
  /** Rank among the gateway's orders by when they were added (set by the gateway): orders are visited in this order. */
  rank: number;
}

/** A new order on its way to the exchange (it joins its queue on arrival). */
export function pendingEntry(id: string, req: OrderRequest, now: number): Entry {
  const order = joinQueue({ id, clientId: req.clientId, market: req.market.conditionId, tokenId: req.tokenId, outcome: req.outcome, side: req.side, price: req.price, size: req.size }, 0, now);
  const request = { type: req.type, postOnly: req.postOnly, feeBps: req.market.takerFeeBps };
  return { order, status: "pending", unjoined: false, cancelling: false, crossArmed: true, request, timers: [], fills: 0, fillPrefix: `${id}-f`, rank: 0 };
}

/** An open order of a previous run, live at its saved queue place (or waiting for its book to rejoin at the back). */
export function restoredEntry(o: TrackedOrder, feeBps: number, now: number): Entry {
  const order: RestingOrder = { ...joinQueue({ ...o }, o.queueAhead ?? 0, now), createdAt: o.createdAt };
  const request = { type: "GTC" as const, postOnly: true, feeBps };
  return { order, status: "live", unjoined: o.queueAhead === null, cancelling: false, crossArmed: true, request, timers: [], fills: 0, fillPrefix: `${o.id}-r${now.toString(36)}-f`, rank: 0 };
}

export function toOpenOrder({ order, status, unjoined }: Entry): OpenOrder {
  return {
    id: order.id,
    clientId: order.clientId,
    market: order.market,
    tokenId: order.tokenId,
    outcome: order.outcome,
    side: order.side,
    price: order.price,
    size: order.size,
    filled: order.filled,
    queueAhead: status === "live" && !unjoined ? order.queueAhead : null,
    createdAt: order.createdAt,
  };
}

/** Two tokens' orders (each set in the order its orders were added) as one list in rank order. */
export function inRankOrder(a: ReadonlySet<Entry> | undefined, b: ReadonlySet<Entry> | undefined): Entry[] {
  if (b === undefined) return a === undefined ? [] : [...a];
  if (a === undefined) return [...b];
  const out: Entry[] = [];
  const x = [...a];
  const y = [...b];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) out.push(x[i].rank < y[j].rank ? x[i++] : y[j++]);
  while (i < x.length) out.push(x[i++]);
  while (j < y.length) out.push(y[j++]);
  return out;
}
