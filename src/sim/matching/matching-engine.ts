// The exchange's matching engine: one YES-terms book per market, NO orders mapped onto it, price-time priority, fills in each order's own token.
import type { Side } from "../../domain/market.js";
import { PRICE_SCALE, type Micro, type Pips } from "../../domain/units.js";
import type { SimMarketMeta, SimMatch, SimMatchingEngine, SimOrder, SimOrderInput, SimPlaceResult } from "../context.js";
import { SideBook, type Resting } from "./side-book.js";
import { validateOrder } from "./validate-order.js";

/** A level's new total on the YES-terms book (0 removes it). */
export interface LevelChange {
  side: Side;
  price: Pips;
  size: Micro;
}

/** Everything one engine operation did to one market's book. */
export interface BookUpdate {
  conditionId: string;
  changes: LevelChange[];
  matches: SimMatch[];
  ts: number;
}

export interface MarketBook {
  readonly conditionId: string;
  readonly bids: SideBook;
  readonly asks: SideBook;
}

export interface MatchingEngineOptions {
  /** The market a token belongs to, or undefined; `open` false refuses new orders. */
  marketOfToken(tokenId: string): { meta: SimMarketMeta; open: boolean } | undefined;
  now(): number;
  /** Trade ids (deterministic per seed). */
  nextTradeId(): string;
}

interface Entry {
  order: SimOrder;
  resting: Resting | null;
  book: MarketBook;
}

const opposite = (side: Side): Side => (side === "BUY" ? "SELL" : "BUY");

export class MatchingEngine implements SimMatchingEngine {
  private readonly books = new Map<string, MarketBook>();
  private readonly entries = new Map<string, Entry>();
  private readonly openByOwner = new Map<string, Set<string>>();
  private readonly matchListeners = new Set<(m: SimMatch) => void>();
  private readonly cancelListeners = new Set<(o: SimOrder) => void>();
  private readonly updateListeners = new Set<(u: BookUpdate) => void>();

  constructor(private readonly options: MatchingEngineOptions) {}

  book(conditionId: string): MarketBook {
    let book = this.books.get(conditionId);
    if (!book) {
      book = { conditionId, bids: new SideBook("BUY"), asks: new SideBook("SELL") };
      this.books.set(conditionId, book);
    }
    return book;
  }

  place(input: SimOrderInput): SimPlaceResult {
    const market = this.options.marketOfToken(input.tokenId);
    if (!market) return { ok: false, code: "INVALID_ORDER_ERROR", message: `no market for token id ${input.tokenId}` };
    if (!market.open) return { ok: false, code: "MARKET_NOT_READY", message: "the market is not accepting orders" };
    if (this.entries.has(input.orderId)) return { ok: false, code: "INVALID_ORDER_DUPLICATED", message: `order ${input.orderId} already exists` };
    const now = this.options.now();
    const rejection = validateOrder(input, market.meta, Math.floor(now / 1000));
    if (rejection) return { ok: false, ...rejection };

    const isYes = input.tokenId === market.meta.yesTokenId;
    const yesSide = isYes ? input.side : opposite(input.side);
    const yesPrice = isYes ? input.price : PRICE_SCALE - input.price;
    const book = this.book(market.meta.conditionId);
    const against = yesSide === "BUY" ? book.asks : book.bids;
    const crosses = (price: Pips): boolean => (yesSide === "BUY" ? price <= yesPrice : price >= yesPrice);

    const top = against.best();
    if (input.postOnly && top && crosses(top.price))
      return { ok: false, code: "INVALID_POST_ONLY_ORDER", message: "invalid post-only order: order crosses book" };
    if (input.type === "FOK" && this.available(against, crosses) < input.size)
      return { ok: false, code: "FOK_ORDER_NOT_FILLED_ERROR", message: "order couldn't be fully filled. FOK orders are fully filled or killed." };

    const order: SimOrder = { ...input, conditionId: market.meta.conditionId, filled: 0, status: "live", createdAt: now };
    const changes: LevelChange[] = [];
    const matches: SimMatch[] = [];
    let remaining = input.size;
    for (let level = against.best(); remaining > 0 && level && crosses(level.price); level = against.best()) {
      while (remaining > 0 && level.queue.length > 0) {
        const maker = level.queue[0];
        const size = Math.min(remaining, maker.remaining);
        remaining -= size;
        order.filled += size;
        maker.order.filled += size;
        const total = against.reduce(maker, size);
        recordChange(changes, against.side, level.price, total);
        matches.push(this.match(order, maker, level.price, size, now));
        if (maker.remaining <= 0) this.finish(maker.order, "matched");
      }
    }

    let resting: Resting | null = null;
    if (remaining > 0 && (input.type === "GTC" || input.type === "GTD")) {
      resting = { order, yesSide, yesPrice, remaining };
      const own = yesSide === "BUY" ? book.bids : book.asks;
      recordChange(changes, yesSide, yesPrice, own.add(resting));
      this.entries.set(order.orderId, { order, resting, book });
      this.ownerSet(order.owner).add(order.orderId);
    } else {
      order.status = remaining > 0 && order.filled === 0 ? "canceled" : "matched";
      if (!order.owner.startsWith("bot:")) this.entries.set(order.orderId, { order, resting: null, book });
    }
    this.emit(book.conditionId, changes, matches, now);
    return { ok: true, order, matches };
  }

  cancel(orderId: string): SimOrder | null {
    const entry = this.entries.get(orderId);
    if (!entry || !entry.resting || entry.order.status !== "live") return null;
    const { resting, book } = entry;
    const own = resting.yesSide === "BUY" ? book.bids : book.asks;
    const total = own.reduce(resting, resting.remaining);
    this.finish(entry.order, "canceled");
    for (const listener of this.cancelListeners) listener(entry.order);
    this.emit(book.conditionId, [{ side: resting.yesSide, price: resting.yesPrice, size: total }], [], this.options.now());
    return entry.order;
  }

  order(orderId: string): SimOrder | null {
    return this.entries.get(orderId)?.order ?? null;
  }

  openOrders(owner: string): SimOrder[] {
    const ids = this.openByOwner.get(owner);
    if (!ids) return [];
    const out: SimOrder[] = [];
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (entry) out.push(entry.order);
    }
    return out;
  }

  /** Resting orders of a market (both sides), e.g. to re-grid them after a tick-size change. */
  restingOrders(conditionId: string): SimOrder[] {
    const book = this.books.get(conditionId);
    if (!book) return [];
    return [...book.bids.orders(), ...book.asks.orders()].map((r) => r.order);
  }

  /** Cancels GTD orders whose expiration (seconds) has passed. */
  expire(nowSeconds: number): void {
    for (const entry of [...this.entries.values()])
      if (entry.resting && entry.order.type === "GTD" && entry.order.expiration !== 0 && entry.order.expiration <= nowSeconds)
        this.cancel(entry.order.orderId);
  }

  onMatch(listener: (match: SimMatch) => void): () => void {
    this.matchListeners.add(listener);
    return () => this.matchListeners.delete(listener);
  }

  onCancel(listener: (order: SimOrder) => void): () => void {
    this.cancelListeners.add(listener);
    return () => this.cancelListeners.delete(listener);
  }

  /** Listens to every change of every book (what the market channel publishes). */
  onBookUpdate(listener: (update: BookUpdate) => void): () => void {
    this.updateListeners.add(listener);
    return () => this.updateListeners.delete(listener);
  }

  private available(against: SideBook, crosses: (p: Pips) => boolean): Micro {
    let sum = 0;
    for (const level of against.levels) {
      if (!crosses(level.price)) break;
      sum += level.total;
    }
    return sum;
  }

  private match(taker: SimOrder, maker: Resting, yesPrice: Pips, size: Micro, ts: number): SimMatch {
    const priceFor = (yesTerms: boolean): Pips => (yesTerms ? yesPrice : PRICE_SCALE - yesPrice);
    return {
      tradeId: this.options.nextTradeId(),
      conditionId: taker.conditionId,
      takerOrderId: taker.orderId,
      takerOwner: taker.owner,
      makerOrderId: maker.order.orderId,
      makerOwner: maker.order.owner,
      taker: { tokenId: taker.tokenId, side: taker.side, price: priceFor(this.isYesToken(taker)) },
      maker: { tokenId: maker.order.tokenId, side: maker.order.side, price: priceFor(this.isYesToken(maker.order)) },
      size,
      ts,
    };
  }

  private isYesToken(order: SimOrder): boolean {
    return this.options.marketOfToken(order.tokenId)?.meta.yesTokenId === order.tokenId;
  }

  private finish(order: SimOrder, status: "matched" | "canceled"): void {
    order.status = status;
    const entry = this.entries.get(order.orderId);
    if (entry) entry.resting = null;
    this.openByOwner.get(order.owner)?.delete(order.orderId);
    if (order.owner.startsWith("bot:")) this.entries.delete(order.orderId);
  }

  private ownerSet(owner: string): Set<string> {
    let set = this.openByOwner.get(owner);
    if (!set) {
      set = new Set();
      this.openByOwner.set(owner, set);
    }
    return set;
  }

  private emit(conditionId: string, changes: LevelChange[], matches: SimMatch[], ts: number): void {
    for (const m of matches) for (const listener of this.matchListeners) listener(m);
    if (changes.length === 0 && matches.length === 0) return;
    const update: BookUpdate = { conditionId, changes, matches, ts };
    for (const listener of this.updateListeners) listener(update);
  }
}

function recordChange(changes: LevelChange[], side: Side, price: Pips, size: Micro): void {
  for (const c of changes)
    if (c.side === side && c.price === price) {
      c.size = size;
      return;
    }
  changes.push({ side, price, size });
}
