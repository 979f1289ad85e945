// Polymarket's JSON shapes for the users' orders and trades: REST /data/orders, /data/trades and user-channel events.
import { formatPrice, formatSize } from "../../domain/units.js";
import type { SimOrder } from "../context.js";
import type { OrderMeta } from "./order-registry.js";
import type { TradeRecord } from "./trades.js";

const seconds = (ms: number): number => Math.floor(ms / 1000);

export type OrderStatusText = "LIVE" | "MATCHED" | "CANCELED";

export function orderStatusText(order: SimOrder): OrderStatusText {
  switch (order.status) {
    case "live":
      return "LIVE";
    case "matched":
      return "MATCHED";
    case "canceled":
      return "CANCELED";
  }
}

/** An item of GET /data/orders and the body of GET /data/order/{id}. */
export function openOrderJson(meta: OrderMeta, order: SimOrder) {
  return {
    id: meta.orderId,
    status: orderStatusText(order),
    owner: meta.owner,
    maker_address: meta.makerAddress,
    market: meta.conditionId,
    asset_id: meta.tokenId,
    side: meta.side,
    original_size: formatSize(meta.size),
    size_matched: formatSize(order.filled),
    price: formatPrice(meta.price),
    associate_trades: [...meta.associateTrades],
    outcome: meta.outcome,
    created_at: seconds(meta.createdAt),
    expiration: String(meta.expiration),
    order_type: meta.orderType,
  };
}

export type OrderEventType = "PLACEMENT" | "UPDATE" | "CANCELLATION";

/** A user-channel `order` event. */
export function orderEventJson(meta: OrderMeta, order: SimOrder, type: OrderEventType, now: number) {
  return {
    id: meta.orderId,
    owner: meta.owner,
    market: meta.conditionId,
    asset_id: meta.tokenId,
    side: meta.side,
    order_owner: meta.owner,
    original_size: formatSize(meta.size),
    size_matched: formatSize(order.filled),
    price: formatPrice(meta.price),
    associate_trades: [...meta.associateTrades],
    outcome: meta.outcome,
    type,
    created_at: String(seconds(meta.createdAt)),
    expiration: String(meta.expiration),
    order_type: meta.orderType,
    status: orderStatusText(order),
    maker_address: meta.makerAddress,
    timestamp: String(now),
    event_type: "order" as const,
  };
}

/** A trade as GET /data/trades shows it to `viewer` (the taker's fields at top level, the maker in maker_orders). */
export function tradeJson(t: TradeRecord, viewer: string) {
  const m = t.match;
  return {
    id: t.id,
    taker_order_id: m.takerOrderId,
    market: m.conditionId,
    asset_id: m.taker.tokenId,
    side: m.taker.side,
    size: formatSize(m.size),
    fee_rate_bps: "0",
    price: formatPrice(m.taker.price),
    status: t.status,
    match_time: String(seconds(t.matchTime)),
    last_update: String(seconds(t.lastUpdate)),
    outcome: t.taker.outcome,
    bucket_index: 0,
    owner: t.taker.owner,
    maker_address: t.taker.address,
    transaction_hash: t.transactionHash,
    maker_orders: [
      {
        order_id: m.makerOrderId,
        owner: t.maker.owner,
        maker_address: t.maker.address,
        matched_amount: formatSize(m.size),
        price: formatPrice(m.maker.price),
        fee_rate_bps: "0",
        asset_id: m.maker.tokenId,
        outcome: t.maker.outcome,
        outcome_index: t.maker.outcome === "Yes" ? 0 : 1,
        side: m.maker.side,
      },
    ],
    trader_side: t.taker.user && t.taker.owner === viewer ? ("TAKER" as const) : ("MAKER" as const),
  };
}

/** A user-channel `trade` event. */
export function tradeEventJson(t: TradeRecord, viewer: string, now: number) {
  return { type: "TRADE" as const, ...tradeJson(t, viewer), trade_owner: t.taker.owner, timestamp: String(now), event_type: "trade" as const };
}
