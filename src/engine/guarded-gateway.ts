// The only way the engine reaches a gateway: place() refuses every order while the kill switch is set; cancels always pass.
import type { OrderGateway, PlaceResult } from "../ports/order-gateway.js";

/** Wraps `inner` so that no code path can place an order while `halted()` is true. */
export function guardGateway(inner: OrderGateway, halted: () => boolean): OrderGateway {
  return {
    kind: inner.kind,
    async place(orders): Promise<PlaceResult[]> {
      if (halted()) return orders.map((o) => ({ clientId: o.clientId, ok: false, reason: "halted: the kill switch denies every new order" }));
      return inner.place(orders);
    },
    cancel: (ids) => inner.cancel(ids),
    cancelAll: () => inner.cancelAll(),
    openOrders: () => inner.openOrders(),
    onEvent: (listener) => inner.onEvent(listener),
    close: () => inner.close(),
  };
}
