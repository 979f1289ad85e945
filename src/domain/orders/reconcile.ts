// Reconciles desired orders with our open ones into cancels and places, keeping orders that are close enough.
import type { DesiredOrder } from "../quoting/desired-order.js";
import { remaining, type TrackedOrder } from "./tracked-order.js";

export interface ReconcileParams {
  /** Keep an order at the right price whose remaining size is within this fraction of the desired size. */
  sizeTolerance: number;
  /** Replace orders at least this old (0: never). */
  maxOrderAgeMs: number;
}

export interface ReconcilePlan {
  keep: TrackedOrder[];
  /** Live orders to cancel (never one already pending-cancel). */
  cancel: TrackedOrder[];
  place: DesiredOrder[];
  /** Pending-new orders no longer wanted: they are cancelled once acknowledged, by a later pass. */
  deferred: TrackedOrder[];
}

export function reconcile(desired: readonly DesiredOrder[], open: readonly TrackedOrder[], params: ReconcileParams, now: number): ReconcilePlan {
  const plan: ReconcilePlan = { keep: [], cancel: [], place: [], deferred: [] };
  const used = new Set<TrackedOrder>();
  for (const d of desired) {
    let match: TrackedOrder | undefined;
    for (const o of open) {
      if (used.has(o) || o.status === "pending_cancel") continue;
      if (o.tokenId !== d.tokenId || o.side !== d.side || o.price !== d.price) continue;
      if (Math.abs(remaining(o) - d.size) > params.sizeTolerance * d.size) continue;
      if (params.maxOrderAgeMs > 0 && now - o.createdAt >= params.maxOrderAgeMs && o.status === "live") continue;
      match = o;
      break;
    }
    if (match) {
      used.add(match);
      plan.keep.push(match);
    } else plan.place.push(d);
  }
  for (const o of open) {
    if (used.has(o) || o.status === "pending_cancel") continue;
    if (o.status === "live") plan.cancel.push(o);
    else plan.deferred.push(o);
  }
  return plan;
}
