// Converts the exchange's REST open orders and trades into the same parsed events the user channel yields.
import type { OpenOrder as ClobOpenOrder, Trade } from "@polymarket/clob-client-v2";
import type { UserOrderEvent, UserTradeEvent } from "../../../domain/events.js";
import { parseFrame } from "../../polymarket/parse/parse-frame.js";

/** A REST `/data/orders` row as an `order` event (PLACEMENT), or null when it does not validate. */
export function orderFromRest(o: ClobOpenOrder): UserOrderEvent | null {
  const created = Number(o.created_at);
  const ts = Number.isFinite(created) ? (created < 1e12 ? created * 1000 : created) : 0;
  const frame = parseFrame(JSON.stringify({ ...o, event_type: "order", type: "PLACEMENT", timestamp: String(Math.trunc(ts)) }));
  const e = frame.events[0];
  return e && e.type === "order" ? e : null;
}

/** A REST `/data/trades` row as a `trade` event, or null when it does not validate. */
export function tradeFromRest(t: Trade): UserTradeEvent | null {
  const frame = parseFrame(JSON.stringify({ ...t, event_type: "trade" }));
  const e = frame.events[0];
  return e && e.type === "trade" ? e : null;
}
