// A dry-run order resting in a book: its limit, what is filled, and our modelled place in the queue at its price.
import type { Side } from "../market.js";
import type { Micro } from "../units.js";
import type { OrderTerms } from "../orders/tracked-order.js";

export interface RestingOrder extends OrderTerms {
  id: string;
  clientId: string;
  filled: Micro;
  /** Shares in front of us at our price on our side. */
  queueAhead: Micro;
  /** The size the book last showed at our price on our side (our virtual order is never in it). */
  levelSize: Micro;
  /** Print volume at our price that no depth decrease has shown yet (prints usually arrive before the depth change). */
  tradedUnseen: Micro;
  /** Queue credit taken from a depth decrease that no print has explained yet (for feeds that send the depth first). */
  shrinkUnexplained: Micro;
  /** When tradedUnseen / shrinkUnexplained were last set (ms); they lapse after NETTING_WINDOW_MS. */
  nettingAt: number;
  createdAt: number;
}

/** A print and the depth change it causes are paired only if they arrive within this window. */
export const NETTING_WINDOW_MS = 1_000;

export type NewRestingOrder = Pick<RestingOrder, "id" | "clientId" | "market" | "tokenId" | "outcome" | "side" | "price" | "size"> & { filled?: Micro };

/** An order joins the back of its level: everything the book shows at its price is ahead of it. */
export function joinQueue(order: NewRestingOrder, levelSize: Micro, now: number): RestingOrder {
  const shown = Math.max(0, levelSize);
  return {
    ...order,
    filled: order.filled ?? 0,
    queueAhead: shown,
    levelSize: shown,
    tradedUnseen: 0,
    shrinkUnexplained: 0,
    nettingAt: now,
    createdAt: now,
  };
}

export const remainingOf = (order: { size: Micro; filled: Micro }): Micro => order.size - order.filled;

export const opposite = (side: Side): Side => (side === "BUY" ? "SELL" : "BUY");
