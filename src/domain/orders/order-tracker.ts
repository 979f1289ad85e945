// Pending-new / live / pending-cancel bookkeeping, so that no order is cancelled twice or forgotten.
import type { Micro } from "../units.js";
import type { TrackedOrder } from "./tracked-order.js";

export type NewOrder = Omit<TrackedOrder, "id" | "filled" | "status" | "createdAt">;

export class OrderTracker {
  private readonly byClient = new Map<string, TrackedOrder>();
  private readonly clientOfId = new Map<string, string>();

  /** Records an order about to be sent (pending-new). */
  add(order: NewOrder, now: number): TrackedOrder {
    const tracked: TrackedOrder = { ...order, id: null, filled: 0, status: "pending_new", createdAt: now };
    this.byClient.set(order.clientId, tracked);
    return tracked;
  }

  /** The gateway accepted it under this id (from a place result or an acknowledgement). */
  placed(clientId: string, orderId: string, filled?: Micro): TrackedOrder | undefined {
    const o = this.byClient.get(clientId);
    if (!o) return undefined;
    o.id = orderId;
    this.clientOfId.set(orderId, clientId);
    if (o.status === "pending_new") o.status = "live";
    if (filled !== undefined && filled > o.filled) o.filled = filled;
    return o;
  }

  /** The gateway refused it: it is gone. */
  rejected(clientId: string): TrackedOrder | undefined {
    const o = this.byClient.get(clientId);
    if (o) this.remove(o);
    return o;
  }

  /** Marks a live order pending-cancel; false when it is not live (unknown, still pending-new, or already cancelling). */
  beginCancel(orderId: string): boolean {
    const o = this.get(orderId);
    if (!o || o.status !== "live") return false;
    o.status = "pending_cancel";
    return true;
  }

  /** The cancel was refused (e.g. a transient error): the order is live again and a later pass may retry. */
  cancelFailed(orderId: string): void {
    const o = this.get(orderId);
    if (o && o.status === "pending_cancel") o.status = "live";
  }

  cancelled(orderId: string): TrackedOrder | undefined {
    const o = this.get(orderId);
    if (o) this.remove(o);
    return o;
  }

  /** A fill of `size` on the order; a fully filled order is gone. */
  filled(orderId: string, size: Micro): TrackedOrder | undefined {
    const o = this.get(orderId);
    if (!o) return undefined;
    o.filled += size;
    if (o.filled >= o.size) this.remove(o);
    return o;
  }

  get(orderId: string): TrackedOrder | undefined {
    const c = this.clientOfId.get(orderId);
    return c === undefined ? undefined : this.byClient.get(c);
  }

  byClientId(clientId: string): TrackedOrder | undefined {
    return this.byClient.get(clientId);
  }

  all(): TrackedOrder[] {
    return [...this.byClient.values()];
  }

  forMarket(market: string): TrackedOrder[] {
    const out: TrackedOrder[] = [];
    for (const o of this.byClient.values()) if (o.market === market) out.push(o);
    return out;
  }

  size(): number {
    return this.byClient.size;
  }

  private remove(o: TrackedOrder): void {
    this.byClient.delete(o.clientId);
    if (o.id !== null) this.clientOfId.delete(o.id);
  }
}
