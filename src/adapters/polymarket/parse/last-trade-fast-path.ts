// The fast path for last_trade_price frames written exactly as Polymarket writes them: one native regular expression, no JSON.parse.
import type { LastTradePriceEvent } from "../../../domain/events.js";
import { PRICE_SCALE, parsePrice, parseSize } from "../../../domain/units.js";
import { reqUint } from "./fields.js";

// String values with no escape and no control char (JSON.parse reads them as exactly these chars); see price-change-fast-path.ts.
const TRADE =
  /\{"market":"([^"\\\x00-\x1f]+)","asset_id":"([^"\\\x00-\x1f]+)","price":"([0-9.]+)","size":"([0-9.]+)","fee_rate_bps":"([0-9]{0,16})","side":"(BUY|SELL)","timestamp":"([0-9]{1,16})","event_type":"last_trade_price","transaction_hash":"([^"\\\x00-\x1f]*)"\}$/y;

/**
 * The event of a frame written exactly as Polymarket writes a trade print (keys market, asset_id, price, size,
 * fee_rate_bps, side, timestamp, event_type, transaction_hash, in that order, every value a string) with values the
 * validators accept, or null for any other frame (the JSON.parse path then reads it and words any rejection). Why this is
 * exactly what JSON.parse + parseLastTradePrice return: such a text is JSON with distinct keys and unescaped strings.
 */
export function parseLastTradeFast(t: string): LastTradePriceEvent | null {
  TRADE.lastIndex = 0;
  const m = TRADE.exec(t);
  if (m === null) return null;
  const price = parsePrice(m[3]);
  const size = parseSize(m[4]);
  if (price === null || price <= 0 || price >= PRICE_SCALE || size === null) return null;
  return {
    type: "last_trade_price",
    market: m[1],
    assetId: m[2],
    price,
    size,
    side: m[6] as "BUY" | "SELL",
    // optUint: "" is the default 0; up to 16 digits reqUint reads as the JSON.parse path does.
    feeRateBps: m[5] === "" ? 0 : reqUint(m[5], "fee_rate_bps"),
    timestamp: reqUint(m[7], "timestamp"),
    transactionHash: m[8],
  };
}
