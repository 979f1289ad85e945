// One of our orders as the order manager tracks it: pending-new until the gateway answers, live, or pending-cancel.
import type { Outcome, Side } from "../market.js";
import type { Micro, Pips } from "../units.js";

export type TrackedStatus = "pending_new" | "live" | "pending_cancel";

export interface TrackedOrder {
  clientId: string;
  /** The gateway's id, null while pending-new. */
  id: string | null;
  /** Condition id. */
  market: string;
  tokenId: string;
  outcome: Outcome;
  side: Side;
  price: Pips;
  size: Micro;
  filled: Micro;
  status: TrackedStatus;
  createdAt: number;
}

export const remaining = (o: TrackedOrder): Micro => o.size - o.filled;
