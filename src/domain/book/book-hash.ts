// The canonical text Polymarket hashes for a book (POLYMARKET.md section 2); the SHA-1 itself lives in the adapter (it needs node:crypto).
import type { BookEvent, RawLevel } from "../events.js";

/** Market metadata the hash needs, as the exchange writes it (e.g. minOrderSize "5", tickSize "0.01", lastTradePrice "0.500"). */
export interface BookHashMeta {
  minOrderSize: string;
  tickSize: string;
  negRisk: boolean;
  lastTradePrice: string;
}

/** The parts of a book frame the hash covers, exactly as sent. */
export type HashableBook = Pick<BookEvent, "market" | "assetId"> & { raw: Pick<BookEvent["raw"], "timestamp" | "bids" | "asks"> };

function levelsJson(levels: readonly RawLevel[]): string {
  let out = "[";
  for (let i = 0; i < levels.length; i++) {
    if (i > 0) out += ",";
    out += `{"price":${JSON.stringify(levels[i].price)},"size":${JSON.stringify(levels[i].size)}}`;
  }
  return out + "]";
}

/**
 * Compact JSON `{"market","asset_id","timestamp","hash":"","bids","asks","min_order_size","tick_size","neg_risk","last_trade_price"}`
 * in exactly that key order, levels exactly as sent (wire order), the frame's own timestamp text.
 */
export function bookHashText(book: HashableBook, meta: BookHashMeta): string {
  return (
    `{"market":${JSON.stringify(book.market)},"asset_id":${JSON.stringify(book.assetId)},"timestamp":${JSON.stringify(book.raw.timestamp)},"hash":""` +
    `,"bids":${levelsJson(book.raw.bids)},"asks":${levelsJson(book.raw.asks)}` +
    `,"min_order_size":${JSON.stringify(meta.minOrderSize)},"tick_size":${JSON.stringify(meta.tickSize)}` +
    `,"neg_risk":${meta.negRisk ? "true" : "false"},"last_trade_price":${JSON.stringify(meta.lastTradePrice)}}`
  );
}

/** The hash metadata for a book: the frame's own tick_size/last_trade_price when it carries them, else the given defaults; null when something is unknown. */
export function hashMetaFor(book: BookEvent, defaults: Partial<BookHashMeta>): BookHashMeta | null {
  const tickSize = book.raw.tickSize ?? defaults.tickSize;
  const lastTradePrice = book.raw.lastTradePrice ?? defaults.lastTradePrice;
  const { minOrderSize, negRisk } = defaults;
  if (tickSize === undefined || lastTradePrice === undefined || minOrderSize === undefined || negRisk === undefined) return null;
  return { minOrderSize, tickSize, negRisk, lastTradePrice };
}
