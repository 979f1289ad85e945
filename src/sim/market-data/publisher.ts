// Turns book updates into market-channel frames and applies market-level events (tick-size changes, resolution, new markets).
import type { Outcome } from "../../domain/market.js";
import { PRICE_SCALE, notional, type Pips } from "../../domain/units.js";
import type { BookUpdate, MarketBook, MatchingEngine } from "../matching/matching-engine.js";
import type { MarketRegistry } from "../markets/market-registry.js";
import type { SimMarket } from "../markets/sim-market.js";
import type { MarketHub } from "../ws/market-hub.js";
import {
  bestBidAskFrame,
  bookFrame,
  lastTradePriceFrame,
  marketResolvedFrame,
  newMarketFrame,
  priceChangeFrame,
  tickSizeChangeFrame,
  type Outgoing,
} from "./frames.js";
import { bestAsk, bestBid } from "./token-book.js";

export class MarketPublisher {
  /** Frames published for every subscriber (custom-feature extras not counted): what --rate budgets. */
  frames = 0;
  private readonly tops = new Map<string, string>();

  constructor(
    private readonly registry: MarketRegistry,
    private readonly engine: MatchingEngine,
    private readonly hub: MarketHub,
    private readonly now: () => number,
  ) {
    engine.onBookUpdate((u) => this.onUpdate(u));
  }

  /** Changes a market's tick: off-grid resting orders are cancelled first, then tick_size_change and a fresh book for each token. */
  changeTick(market: SimMarket, newTick: Pips): void {
    const oldTick = market.meta.tickSize;
    if (newTick === oldTick) return;
    for (const order of this.engine.restingOrders(market.meta.conditionId)) if (order.price % newTick !== 0) this.engine.cancel(order.orderId);
    market.meta.tickSize = newTick;
    if (market.lastTradePrice % newTick !== 0) market.lastTradePrice = Math.round(market.lastTradePrice / newTick) * newTick;
    const ts = this.now();
    const book = this.engine.book(market.meta.conditionId);
    this.emit(tickSizeChangeFrame(market, true, oldTick, newTick, ts));
    this.emit(tickSizeChangeFrame(market, false, oldTick, newTick, ts));
    this.emit(bookFrame(market, book, true, ts));
    this.emit(bookFrame(market, book, false, ts));
  }

  /** Resolves a market: its orders are cancelled, `market_resolved` goes out, and connections left with only resolved markets close with 1000. */
  resolve(market: SimMarket, winner: Outcome): void {
    if (market.closed) return;
    for (const order of this.engine.restingOrders(market.meta.conditionId)) this.engine.cancel(order.orderId);
    market.closed = true;
    market.winner = winner;
    market.lastTradePrice = winner === "YES" ? PRICE_SCALE : 0;
    this.emit(marketResolvedFrame(market, this.now()));
    this.hub.closeResolved((conditionId) => this.registry.condition(conditionId)?.closed === true);
  }

  announce(market: SimMarket): void {
    this.emit(newMarketFrame(market, this.now()));
  }

  private onUpdate(update: BookUpdate): void {
    const market = this.registry.condition(update.conditionId);
    if (!market) return;
    const book = this.engine.book(update.conditionId);
    if (update.matches.length > 0) {
      for (const m of update.matches) {
        market.volume += notional(m.maker.price, m.size);
        market.volume24h += notional(m.maker.price, m.size);
        market.lastTradePrice = m.taker.tokenId === market.meta.yesTokenId ? m.taker.price : PRICE_SCALE - m.taker.price;
      }
      // Trade prints first: a client that tracks last_trade_price can then reproduce the books' hashes.
      for (const m of update.matches) this.emit(lastTradePriceFrame(market, m, market.takerFeeBps));
      this.emit(bookFrame(market, book, true, update.ts));
      this.emit(bookFrame(market, book, false, update.ts));
    } else this.emit(priceChangeFrame(market, book, update.changes, update.ts));
    this.publishTop(market, book, update.ts);
  }

  private publishTop(market: SimMarket, book: MarketBook, ts: number): void {
    const key = `${bestBid(book, true)}|${bestAsk(book, true)}`;
    if (this.tops.get(market.meta.conditionId) === key) return;
    this.tops.set(market.meta.conditionId, key);
    this.hub.publish(bestBidAskFrame(market, book, true, ts));
    this.hub.publish(bestBidAskFrame(market, book, false, ts));
  }

  private emit(out: Outgoing): void {
    if (!out.custom) this.frames++;
    this.hub.publish(out);
  }
}
