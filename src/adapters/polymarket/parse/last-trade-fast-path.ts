// The fast path for last_trade_price frames written exactly as Polymarket writes them: one native regular expression, no JSON.parse.
import type { LastTradePriceEvent } from "../../../domain/events.js";
import { parseLastTradePrice } from "./market-events.js";

// String values with no escape and no control char (JSON.parse reads them as exactly these chars); see price-change-fast-path.ts.
const TRADE =
  /\{"market":"([^"\\\x00-\x1f]+)","asset_id":"([^"\\\x00-\x1f]+)","price":"([0-9.]+)","size":"([0-9.]+)","fee_rate_bps":"([0-9]{0,16})","side":"(BUY|SELL)","timestamp":"([0-9]{1,16})","event_type":"last_trade_price","transaction_hash":"([^"\\\x00-\x1f]*)"\}$/y;

/**
 * The event of a frame written exactly as Polymarket writes a trade print (keys market, asset_id, price, size,
 * fee_rate_bps, side, timestamp, event_type, transaction_hash, in that order, every value a string) with values the
 * validators accept, or null for any other frame (the JSON.parse path then reads it and words any rejection). Why this is
 * exactly what JSON.parse + parseLastTradePrice return: such a text is JSON with distinct keys and unescaped strings, so
 * JSON.parse makes exactly the object built here, which goes through the same validator.
 */
export function parseLastTradeFast(t: string): LastTradePriceEvent | null {
  TRADE.lastIndex = 0;
  const m = TRADE.exec(t);
  if (m === null) return null;
  const o = { market: m[1], asset_id: m[2], price: m[3], size: m[4], fee_rate_bps: m[5], side: m[6], timestamp: m[7], event_type: "last_trade_price", transaction_hash: m[8] };
  try {
    return parseLastTradePrice(o);
  } catch {
    return null; // the JSON.parse path words the rejection
  }
}
