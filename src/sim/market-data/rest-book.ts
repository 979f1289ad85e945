// The REST /book body: Polymarket's key order, levels as on the wire, and the hash of the same object with hash "".
import type { MarketBook } from "../matching/matching-engine.js";
import type { SimMarket } from "../markets/sim-market.js";
import { bookHash, hashMeta, wireSides } from "./token-book.js";

export interface RestBook {
  market: string;
  asset_id: string;
  timestamp: string;
  hash: string;
  bids: { price: string; size: string }[];
  asks: { price: string; size: string }[];
  min_order_size: string;
  tick_size: string;
  neg_risk: boolean;
  last_trade_price: string;
}

export function restBook(market: SimMarket, book: MarketBook, isYes: boolean, ts: number): RestBook {
  const timestamp = String(ts);
  const assetId = isYes ? market.meta.yesTokenId : market.meta.noTokenId;
  const sides = wireSides(book, isYes);
  const meta = hashMeta(market, isYes);
  return {
    market: market.meta.conditionId,
    asset_id: assetId,
    timestamp,
    hash: bookHash(market.meta.conditionId, assetId, timestamp, sides, meta),
    bids: JSON.parse(sides.bids) as RestBook["bids"],
    asks: JSON.parse(sides.asks) as RestBook["asks"],
    min_order_size: meta.minOrderSize,
    tick_size: meta.tickSize,
    neg_risk: meta.negRisk,
    last_trade_price: meta.lastTradePrice,
  };
}
