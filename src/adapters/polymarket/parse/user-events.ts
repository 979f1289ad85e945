// Validates user-channel events: our orders (`order`) and fills (`trade`). Prices and sizes here are rounded to the unit, not rejected (see parseRounded).
import type { MakerOrderFill, OrderEventType, TradeStatus, UserOrderEvent, UserTradeEvent } from "../../../domain/events.js";
import { FieldError, isObject, optSide, optString, optUint, reqArray, reqId, reqSide, reqString, reqUint, reqUserPrice, reqUserSize, type Obj } from "./fields.js";
import { within } from "./market-events.js";

function orderType(o: Obj): OrderEventType {
  const v = o.type;
  if (v === "PLACEMENT" || v === "UPDATE" || v === "CANCELLATION") return v;
  if (v === undefined) throw new FieldError("missing_field", `missing "type"`);
  throw new FieldError("bad_field", `"type" is ${JSON.stringify(v)}, expected PLACEMENT, UPDATE or CANCELLATION`);
}

function tradeStatus(o: Obj): TradeStatus {
  const v = o.status;
  if (v === "MATCHED" || v === "MINED" || v === "CONFIRMED" || v === "RETRYING" || v === "FAILED") return v;
  if (v === undefined) throw new FieldError("missing_field", `missing "status"`);
  throw new FieldError("bad_field", `"status" is ${JSON.stringify(v)}, expected MATCHED, MINED, CONFIRMED, RETRYING or FAILED`);
}

function traderSide(o: Obj): "MAKER" | "TAKER" {
  const v = o.trader_side;
  if (v === "MAKER" || v === "TAKER") return v;
  if (v === undefined) throw new FieldError("missing_field", `missing "trader_side"`);
  throw new FieldError("bad_field", `"trader_side" is ${JSON.stringify(v)}, expected MAKER or TAKER`);
}

/** `associate_trades` is an array of trade ids, or null on placements and cancels. */
function associateTrades(o: Obj): string[] {
  const v = o.associate_trades;
  if (v === undefined || v === null) return [];
  const a = reqArray(o.associate_trades, "associate_trades");
  for (let i = 0; i < a.length; i++) {
    if (typeof a[i] !== "string") throw new FieldError("bad_field", `"associate_trades"[${i}] is not a string`);
  }
  return a as string[];
}

export function parseOrder(o: Obj): UserOrderEvent {
  return {
    type: "order",
    id: reqId(o.id, "id"),
    market: reqId(o.market, "market"),
    assetId: reqId(o.asset_id, "asset_id"),
    side: reqSide(o.side, "side"),
    price: reqUserPrice(o.price, "price"),
    originalSize: reqUserSize(o.original_size, "original_size"),
    sizeMatched: reqUserSize(o.size_matched, "size_matched"),
    orderType: orderType(o),
    status: reqString(o.status, "status"),
    outcome: optString(o.outcome, "outcome"),
    owner: optString(o.owner, "owner"),
    associateTrades: associateTrades(o),
    timestamp: reqUint(o.timestamp, "timestamp"),
  };
}

function parseMakerOrders(o: Obj): MakerOrderFill[] {
  const items = reqArray(o.maker_orders, "maker_orders");
  const out: MakerOrderFill[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const m = items[i];
    if (!isObject(m)) throw new FieldError("bad_field", `maker_orders[${i}] is not an object`);
    try {
      out[i] = {
        orderId: reqId(m.order_id, "order_id"),
        matchedAmount: reqUserSize(m.matched_amount, "matched_amount"),
        price: reqUserPrice(m.price, "price"),
        assetId: reqId(m.asset_id, "asset_id"),
        side: optSide(m.side, "side"),
        outcome: optString(m.outcome, "outcome"),
        owner: optString(m.owner, "owner"),
      };
    } catch (err) {
      within(err, `maker_orders[${i}].`);
    }
  }
  return out;
}

export function parseTrade(o: Obj): UserTradeEvent {
  const matchTime = reqUint(o.match_time, "match_time");
  return {
    type: "trade",
    id: reqId(o.id, "id"),
    market: reqId(o.market, "market"),
    takerOrderId: reqId(o.taker_order_id, "taker_order_id"),
    assetId: reqId(o.asset_id, "asset_id"),
    side: reqSide(o.side, "side"),
    size: reqUserSize(o.size, "size"),
    price: reqUserPrice(o.price, "price"),
    status: tradeStatus(o),
    traderSide: traderSide(o),
    makerOrders: parseMakerOrders(o),
    outcome: optString(o.outcome, "outcome"),
    owner: optString(o.owner, "owner"),
    feeRateBps: optUint(o.fee_rate_bps, "fee_rate_bps", 0),
    matchTime,
    // `timestamp` (ms) is on every captured trade; fall back to the match time if a frame lacks it.
    timestamp: optUint(o.timestamp, "timestamp", matchTime * 1000),
  };
}
