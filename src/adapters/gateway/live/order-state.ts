// The live gateway's open orders and its event listeners: what is open, and the one place order and fill events are emitted from.
import type { Clock } from "../../../ports/clock.js";
import type { GatewayEvent, OpenOrder } from "../../../ports/order-gateway.js";

export class OrderState {
  private orders = new Map<string, OpenOrder>();
  private listeners = new Set<(e: GatewayEvent) => void>();

  constructor(private readonly clock: Clock) {}

  onEvent(listener: (event: GatewayEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(e: GatewayEvent): void {
    for (const l of [...this.listeners]) l(e);
  }

  list(): OpenOrder[] {
    return [...this.orders.values()];
  }

  ids(): string[] {
    return [...this.orders.keys()];
  }

  get(id: string): OpenOrder | undefined {
    return this.orders.get(id);
  }

  has(id: string): boolean {
    return this.orders.has(id);
  }

  /** Takes in an order (placed by us, or found on the exchange) and reports it acknowledged once. */
  track(order: OpenOrder): void {
    const fresh = !this.orders.has(order.id);
    this.orders.set(order.id, order);
    if (fresh) this.emit({ type: "acknowledged", order, ts: this.clock.now() });
  }

  /** Drops an order from the open set and reports it cancelled (once). */
  forget(id: string, reason: string): void {
    const o = this.orders.get(id);
    if (!o) return;
    this.orders.delete(id);
    this.emit({ type: "cancelled", id, clientId: o.clientId, reason, ts: this.clock.now() });
  }

  /** Counts a fill against its order; a fully filled order is no longer open. */
  noteFilled(orderId: string, size: number): void {
    const o = this.orders.get(orderId);
    if (!o) return;
    o.filled = Math.min(o.size, o.filled + size);
    if (o.filled >= o.size) this.orders.delete(orderId);
  }

  /** Reports orders that were on the exchange without this mm having placed them, now cancelled. */
  reportStrays(ids: string[]): void {
    for (const id of ids) this.emit({ type: "cancelled", id, clientId: "", reason: "unknown order on the exchange (not placed by this mm): cancelled", ts: this.clock.now() });
  }
}
