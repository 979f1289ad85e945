// One of our orders as the order manager tracks it: pending-new until the gateway answers, live, or pending-cancel.
import type { Outcome, Side } from "../market.js";
import type { Micro, Pips } from "../units.js";

/** An order's market, token and terms: what every order and fill record carries. */
export interface OrderTerms {
  /** Condition id of the market. */
  market: string;
  tokenId: string;
  outcome: Outcome;
  side: Side;
  /** In the order's own token's terms. */
  price: Pips;
  /** Original size. */
  size: Micro;
}

export type TrackedStatus = "pending_new" | "live" | "pending_cancel";

export interface TrackedOrder extends OrderTerms {
  clientId: string;
  /** The gateway's id, null while pending-new. */
  id: string | null;
  filled: Micro;
  status: TrackedStatus;
  createdAt: number;
}

export const remaining = (o: TrackedOrder): Micro => o.size - o.filled;
