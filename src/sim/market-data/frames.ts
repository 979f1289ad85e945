// Market-channel frames in Polymarket's wire shapes and key orders, built lazily per subscriber token mask (1 YES, 2 NO, 3 both).
import type { Side } from "../../domain/market.js";
import { PRICE_SCALE, formatPrice, formatSize } from "../../domain/units.js";
import type { SimMatch } from "../context.js";
import type { LevelChange, MarketBook } from "../matching/matching-engine.js";
import type { SimMarket } from "../markets/sim-market.js";
import { bestAsk, bestBid, bookHash, hashMeta, wireSides, wireTop } from "./token-book.js";

export type FrameKind = "book" | "price_change" | "last_trade_price" | "tick_size_change" | "best_bid_ask" | "market_resolved" | "new_market";

export const YES_MASK = 1;
export const NO_MASK = 2;
export const BOTH_MASK = 3;

/** One frame to publish: which market and tokens it concerns, and its text for a subscriber's mask (null: nothing for that mask). */
export interface Outgoing {
  kind: FrameKind;
  /** "" for frames that go to every custom-feature connection (new_market). */
  conditionId: string;
  tokens: number;
  /** Only for connections that subscribed with custom_feature_enabled. */
  custom: boolean;
  text(mask: number): string | null;
}

/** Caches one text per mask, computed on first use. */
function lazy(kind: FrameKind, conditionId: string, tokens: number, custom: boolean, build: (mask: number) => string | null): Outgoing {
  const cache: (string | null | undefined)[] = [undefined, undefined, undefined, undefined];
  return {
    kind,
    conditionId,
    tokens,
    custom,
    text(mask) {
      const m = mask & tokens;
      if (m === 0) return null;
      let t = cache[m];
      if (t === undefined) cache[m] = t = build(m);
      return t;
    },
  };
}

const tokenOf = (market: SimMarket, isYes: boolean): string => (isYes ? market.meta.yesTokenId : market.meta.noTokenId);

/** A subscription-opening book (with tick_size and last_trade_price), key order as Polymarket sends it. */
export function openingBookJson(market: SimMarket, book: MarketBook, isYes: boolean, ts: number): string {
  const timestamp = String(ts);
  const sides = wireSides(book, isYes);
  const meta = hashMeta(market, isYes);
  const hash = bookHash(market.meta.conditionId, tokenOf(market, isYes), timestamp, sides, meta);
  return (
    '{"market":"' + market.meta.conditionId + '","asset_id":"' + tokenOf(market, isYes) + '","timestamp":"' + timestamp +
    '","hash":"' + hash + '","bids":' + sides.bids + ',"asks":' + sides.asks + ',"tick_size":"' + meta.tickSize +
    '","event_type":"book","last_trade_price":"' + meta.lastTradePrice + '"}'
  );
}

/** A book sent after trades or a tick-size change (no tick_size or last_trade_price), key order as Polymarket sends it. */
export function bookFrame(market: SimMarket, book: MarketBook, isYes: boolean, ts: number): Outgoing {
  return lazy("book", market.meta.conditionId, isYes ? YES_MASK : NO_MASK, false, () => {
    const timestamp = String(ts);
    const sides = wireSides(book, isYes);
    const hash = bookHash(market.meta.conditionId, tokenOf(market, isYes), timestamp, sides, hashMeta(market, isYes));
    return (
      '{"market":"' + market.meta.conditionId + '","asset_id":"' + tokenOf(market, isYes) + '","bids":' + sides.bids +
      ',"asks":' + sides.asks + ',"hash":"' + hash + '","timestamp":"' + timestamp + '","event_type":"book"}'
    );
  });
}

const flip = (side: Side): Side => (side === "BUY" ? "SELL" : "BUY");

/** Level changes as mirrored YES/NO entries; each entry's hash and tops are its token's book after the change. */
export function priceChangeFrame(market: SimMarket, book: MarketBook, changes: readonly LevelChange[], ts: number): Outgoing {
  return lazy("price_change", market.meta.conditionId, BOTH_MASK, false, (mask) => {
    const timestamp = String(ts);
    const token = (isYes: boolean) => {
      const sides = wireSides(book, isYes);
      const hash = bookHash(market.meta.conditionId, tokenOf(market, isYes), timestamp, sides, hashMeta(market, isYes));
      return '","hash":"' + hash + '","best_bid":"' + wireTop(bestBid(book, isYes), "bid") + '","best_ask":"' + wireTop(bestAsk(book, isYes), "ask") + '"}';
    };
    const yesTail = mask & YES_MASK ? token(true) : "";
    const noTail = mask & NO_MASK ? token(false) : "";
    let entries = "";
    for (const c of changes) {
      const size = formatSize(c.size);
      if (mask & YES_MASK)
        entries += (entries ? "," : "") + '{"asset_id":"' + market.meta.yesTokenId + '","price":"' + formatPrice(c.price) + '","size":"' + size + '","side":"' + c.side + yesTail;
      if (mask & NO_MASK)
        entries += (entries ? "," : "") + '{"asset_id":"' + market.meta.noTokenId + '","price":"' + formatPrice(PRICE_SCALE - c.price) + '","size":"' + size + '","side":"' + flip(c.side) + noTail;
    }
    return '{"market":"' + market.meta.conditionId + '","price_changes":[' + entries + '],"timestamp":"' + timestamp + '","event_type":"price_change"}';
  });
}

/** The taker's side of one match, in the taker's token. */
export function lastTradePriceFrame(market: SimMarket, match: SimMatch, feeRateBps: number): Outgoing {
  const isYes = match.taker.tokenId === market.meta.yesTokenId;
  return lazy("last_trade_price", market.meta.conditionId, isYes ? YES_MASK : NO_MASK, false, () =>
    JSON.stringify({
      market: market.meta.conditionId,
      asset_id: match.taker.tokenId,
      price: formatPrice(match.taker.price),
      size: formatSize(match.size),
      fee_rate_bps: String(feeRateBps),
      side: match.taker.side,
      timestamp: String(match.ts),
      event_type: "last_trade_price",
      transaction_hash: "0x" + match.tradeId.replace(/[^0-9a-f]/g, "").padEnd(64, "0").slice(0, 64),
    }),
  );
}

export function tickSizeChangeFrame(market: SimMarket, isYes: boolean, oldTick: number, newTick: number, ts: number): Outgoing {
  return lazy("tick_size_change", market.meta.conditionId, isYes ? YES_MASK : NO_MASK, false, () =>
    JSON.stringify({
      event_type: "tick_size_change",
      asset_id: tokenOf(market, isYes),
      market: market.meta.conditionId,
      old_tick_size: formatPrice(oldTick),
      new_tick_size: formatPrice(newTick),
      timestamp: String(ts),
    }),
  );
}

export function bestBidAskFrame(market: SimMarket, book: MarketBook, isYes: boolean, ts: number): Outgoing {
  return lazy("best_bid_ask", market.meta.conditionId, isYes ? YES_MASK : NO_MASK, true, () => {
    const bid = bestBid(book, isYes);
    const ask = bestAsk(book, isYes);
    return JSON.stringify({
      market: market.meta.conditionId,
      asset_id: tokenOf(market, isYes),
      best_bid: wireTop(bid, "bid"),
      best_ask: wireTop(ask, "ask"),
      spread: formatPrice((ask ?? PRICE_SCALE) - (bid ?? 0)),
      timestamp: String(ts),
      event_type: "best_bid_ask",
    });
  });
}

export function marketResolvedFrame(market: SimMarket, ts: number): Outgoing {
  return lazy("market_resolved", market.meta.conditionId, BOTH_MASK, true, () => {
    const yesWon = market.winner === "YES";
    return JSON.stringify({
      id: market.id,
      market: market.meta.conditionId,
      assets_ids: [market.meta.yesTokenId, market.meta.noTokenId],
      winning_asset_id: yesWon ? market.meta.yesTokenId : market.meta.noTokenId,
      winning_outcome: yesWon ? market.outcomes[0] : market.outcomes[1],
      timestamp: String(ts),
      event_type: "market_resolved",
    });
  });
}

/** Goes to every custom-feature connection, whatever it subscribed to. */
export function newMarketFrame(market: SimMarket, ts: number): Outgoing {
  const text = JSON.stringify({
    id: market.id,
    question: market.question,
    market: market.meta.conditionId,
    slug: market.slug,
    description: market.description,
    assets_ids: [market.meta.yesTokenId, market.meta.noTokenId],
    outcomes: market.outcomes,
    timestamp: String(ts),
    event_type: "new_market",
  });
  return { kind: "new_market", conditionId: "", tokens: BOTH_MASK, custom: true, text: () => text };
}
