// One order inside the dry-run gateway: its resting state, lifecycle flags and timers, and its OpenOrder view.
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
}

/** A new order on its way to the exchange (it joins its queue on arrival). */
export function pendingEntry(id: string, req: OrderRequest, now: number): Entry {
  const order = joinQueue({ id, clientId: req.clientId, market: req.market.conditionId, tokenId: req.tokenId, outcome: req.outcome, side: req.side, price: req.price, size: req.size }, 0, now);
  const request = { type: req.type, postOnly: req.postOnly, feeBps: req.market.takerFeeBps };
  return { order, status: "pending", unjoined: false, cancelling: false, crossArmed: true, request, timers: [], fills: 0, fillPrefix: `${id}-f` };
}

/** An open order of a previous run, live at its saved queue place (or waiting for its book to rejoin at the back). */
export function restoredEntry(o: TrackedOrder, feeBps: number, now: number): Entry {
  const order: RestingOrder = { ...joinQueue({ ...o }, o.queueAhead ?? 0, now), createdAt: o.createdAt };
  const request = { type: "GTC" as const, postOnly: true, feeBps };
  return { order, status: "live", unjoined: o.queueAhead === null, cancelling: false, crossArmed: true, request, timers: [], fills: 0, fillPrefix: `${o.id}-r${now.toString(36)}-f` };
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
