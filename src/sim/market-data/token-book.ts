// A token's view of its market's YES-terms book (the NO book is the mirror), as wire levels, tops and the Polymarket book hash.
import { hash } from "node:crypto";
import { PRICE_SCALE, formatPrice, formatSize, type Pips } from "../../domain/units.js";
import type { MarketBook } from "../matching/matching-engine.js";
import type { PriceLevel } from "../matching/side-book.js";
import type { SimMarket } from "../markets/sim-market.js";

/** The JSON arrays of a token's levels in wire order (bids ascending, asks descending: best last). */
export interface WireSides {
  bids: string;
  asks: string;
}

function levelsJson(levels: readonly PriceLevel[], mirrored: boolean): string {
  let out = "[";
  for (let i = levels.length - 1; i >= 0; i--) {
    const level = levels[i];
    let json = mirrored ? level.mirrorJson : level.json;
    if (json === null) {
      json = '{"price":"' + formatPrice(mirrored ? PRICE_SCALE - level.price : level.price) + '","size":"' + formatSize(level.total) + '"}';
      if (mirrored) level.mirrorJson = json;
      else level.json = json;
    }
    out += out.length > 1 ? "," + json : json;
  }
  return out + "]";
}

/** Wire levels of one token: YES reads the book as is; NO bids are the YES asks at 1-p and NO asks the YES bids at 1-p. */
export function wireSides(book: MarketBook, isYes: boolean): WireSides {
  return isYes
    ? { bids: levelsJson(book.bids.levels, false), asks: levelsJson(book.asks.levels, false) }
    : { bids: levelsJson(book.asks.levels, true), asks: levelsJson(book.bids.levels, true) };
}

export function bestBid(book: MarketBook, isYes: boolean): Pips | null {
  const level = isYes ? book.bids.best() : book.asks.best();
  if (!level) return null;
  return isYes ? level.price : PRICE_SCALE - level.price;
}

export function bestAsk(book: MarketBook, isYes: boolean): Pips | null {
  const level = isYes ? book.asks.best() : book.bids.best();
  if (!level) return null;
  return isYes ? level.price : PRICE_SCALE - level.price;
}

/** A top price as the wire sends it; an empty side is "0" (no bid) or "1" (no ask). */
export const wireTop = (price: Pips | null, side: "bid" | "ask"): string =>
  price === null ? (side === "bid" ? "0" : "1") : formatPrice(price);

/** The metadata strings the hash covers that are not levels. */
export interface HashMeta {
  minOrderSize: string;
  tickSize: string;
  negRisk: boolean;
  lastTradePrice: string;
}

export function hashMeta(market: SimMarket, isYes: boolean): HashMeta {
  return {
    minOrderSize: formatSize(market.meta.minSize),
    tickSize: formatPrice(market.meta.tickSize),
    negRisk: market.meta.negRisk,
    lastTradePrice: formatPrice(isYes ? market.lastTradePrice : PRICE_SCALE - market.lastTradePrice),
  };
}

/** The exact canonical JSON POLYMARKET.md section 2 hashes (REST /book key order, hash ""). */
export function canonicalBook(conditionId: string, assetId: string, timestamp: string, sides: WireSides, meta: HashMeta): string {
  return (
    '{"market":"' + conditionId +
    '","asset_id":"' + assetId +
    '","timestamp":"' + timestamp +
    '","hash":"","bids":' + sides.bids +
    ',"asks":' + sides.asks +
    ',"min_order_size":"' + meta.minOrderSize +
    '","tick_size":"' + meta.tickSize +
    '","neg_risk":' + (meta.negRisk ? "true" : "false") +
    ',"last_trade_price":"' + meta.lastTradePrice + '"}'
  );
}

export function bookHash(conditionId: string, assetId: string, timestamp: string, sides: WireSides, meta: HashMeta): string {
  return hash("sha1", canonicalBook(conditionId, assetId, timestamp, sides, meta), "hex");
}
