// Maps orders and gateway events to ledger lines, with every amount as a decimal string.
import type { GatewayEvent, OrderRequest } from "../../ports/order-gateway.js";
import type { LedgerBody } from "../../domain/ledger/ledger-entry.js";
import type { TrackedOrder } from "../../domain/ledger/ledger-state.js";
import { formatPrice, formatSize, formatUsd } from "../../domain/units.js";

export function placedBody(r: OrderRequest, orderId: string): LedgerBody {
  return {
    type: "order_placed",
    orderId,
    clientId: r.clientId,
    market: r.market.conditionId,
    token: r.tokenId,
    outcome: r.outcome,
    side: r.side,
    price: formatPrice(r.price),
    size: formatSize(r.size),
    orderType: r.type,
    postOnly: r.postOnly,
  };
}

/** The ledger line for a gateway event, or null for events that have none ("placed": see placedBody; "error"). */
export function gatewayEventBody(event: GatewayEvent, orders: Readonly<Record<string, TrackedOrder>>): LedgerBody | null {
  switch (event.type) {
    case "placed":
    case "error":
      return null;
    case "acknowledged": {
      const o = event.order;
      return {
        type: "order_acknowledged",
        orderId: o.id,
        clientId: o.clientId,
        market: o.market,
        token: o.tokenId,
        outcome: o.outcome,
        side: o.side,
        price: formatPrice(o.price),
        size: formatSize(o.size),
        filled: formatSize(o.filled),
        queueAhead: o.queueAhead === null ? null : formatSize(o.queueAhead),
      };
    }
    case "cancelled":
      return { type: "order_cancelled", orderId: event.id, clientId: event.clientId || orders[event.id]?.clientId || "", reason: event.reason };
    case "rejected":
      return { type: "order_rejected", clientId: event.clientId, reason: event.reason };
    case "fill":
    case "fill_reversed": {
      const f = event.fill;
      return {
        type: event.type,
        fillId: f.id,
        orderId: f.orderId,
        market: f.market,
        token: f.tokenId,
        outcome: f.outcome,
        side: f.side,
        price: formatPrice(f.price),
        size: formatSize(f.size),
        fee: formatUsd(f.fee),
        liquidity: f.liquidity,
      };
    }
    default:
      return assertNever(event);
  }
}

function assertNever(x: never): never {
  throw new Error(`unknown gateway event ${JSON.stringify(x)}`);
}
