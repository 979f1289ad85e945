// The dry-run OrderGateway: orders live in a simulated queue over real (or sim, or replayed) books and fill by the queue rules.
import type { Clock } from "../../../ports/clock.js";
import type { CancelResult, Fill, GatewayEvent, OpenOrder, OrderGateway, OrderRequest, PlaceResult } from "../../../ports/order-gateway.js";
import type { MarketDataNotice } from "../../../ports/market-data.js";
import type { MarketInfo } from "../../../domain/market.js";
import type { Micro, Pips } from "../../../domain/units.js";
import type { DryRunSettings } from "../../../domain/settings/dry-run.js";
import type { TrackedOrder } from "../../../domain/ledger/ledger-state.js";
import type { QueueModel } from "../../../domain/fills/queue-model.js";
import { applyCross, applyDepth, applyPrint, isThrough, printFor, wouldCross, type Print } from "../../../domain/fills/fill-rules.js";
import { MirroredPrints } from "../../../domain/fills/mirrored-prints.js";
import { joinQueue, opposite, remainingOf, type RestingOrder } from "../../../domain/fills/resting-order.js";
import { walkBook } from "../../../domain/fills/taker-walk.js";
import { reservedCash, reservedShares } from "../../../domain/accounting/reservations.js";
import { queueModelOf, type DryRunAccount, type DryRunBooks } from "./dry-run-inputs.js";
import { inRankOrder, pendingEntry, restoredEntry, toOpenOrder, type Entry } from "./gateway-entry.js";
import { rejectReason } from "./order-checks.js";

const MAX_BATCH = 15;
const WALK_LEVELS = 200;

export interface DryRunGatewayOptions {
  clock: Clock;
  books: DryRunBooks;
  account: DryRunAccount;
  settings: Pick<DryRunSettings, "entryLatencyMs" | "cancelLatencyMs" | "queueModel" | "queueExponent">;
}

/**
 * Feed it the market data notices (`marketData.onNotice((n) => gateway.onNotice(n))`) after the books have applied them.
 * Orders go live after entryLatencyMs and leave cancelLatencyMs after cancel() (fills can land in between). Events are
 * emitted synchronously: record them (ledger first) in the listener.
 */
export class DryRunGateway implements OrderGateway {
  readonly kind = "dry-run" as const;
  private readonly entries = new Map<string, Entry>();
  /** The same entries by token, so a book change visits only the orders on its token (not every order, every frame). */
  private readonly byToken = new Map<string, Set<Entry>>();
  private readonly pairs = new Map<string, string>();
  private readonly listeners = new Set<(event: GatewayEvent) => void>();
  private readonly model: QueueModel;
  private readonly echoes = new MirroredPrints();
  private seq = 0;
  private added = 0;
  private closed = false;

  constructor(private readonly opts: DryRunGatewayOptions) {
    this.model = queueModelOf(opts.settings);
  }

  /** Brings back the open orders of a previous run (from state.json); each rejoins at its saved queue place, or at the back. */
  restore(orders: readonly TrackedOrder[], markets: readonly MarketInfo[]): void {
    for (const m of markets) this.learnPair(m);
    const now = this.opts.clock.now();
    for (const o of orders) {
      const feeBps = markets.find((m) => m.conditionId === o.market)?.takerFeeBps ?? 0;
      this.add(restoredEntry(o, feeBps, now));
    }
  }

  async place(orders: OrderRequest[]): Promise<PlaceResult[]> {
    if (orders.length > MAX_BATCH) {
      return orders.map((o) => this.reject(o.clientId, `batch of ${orders.length} orders exceeds the exchange's limit of ${MAX_BATCH}`));
    }
    return orders.map((req) => this.placeOne(req));
  }

  async cancel(orderIds: string[]): Promise<CancelResult> {
    const result: CancelResult = { canceled: [], notCanceled: {} };
    for (const id of orderIds) {
      const entry = this.entries.get(id);
      if (!entry) {
        result.notCanceled[id] = "order not found or already done";
        continue;
      }
      result.canceled.push(id);
      if (entry.cancelling) continue;
      entry.cancelling = true;
      entry.timers.push(this.opts.clock.setTimeout(() => this.remove(id, "cancelled"), this.opts.settings.cancelLatencyMs));
    }
    return result;
  }

  async cancelAll(): Promise<CancelResult> {
    return this.cancel([...this.entries.keys()]);
  }

  openOrders(): OpenOrder[] {
    return [...this.entries.values()].map(toOpenOrder);
  }

  onEvent(listener: (event: GatewayEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const entry of this.entries.values()) for (const t of entry.timers) this.opts.clock.clearTimeout(t);
    this.entries.clear();
    this.byToken.clear();
    this.listeners.clear();
  }

  /** Applies one market data notice (the books must already reflect it). */
  onNotice(notice: MarketDataNotice): void {
    switch (notice.type) {
      case "snapshot": {
        const on = this.byToken.get(notice.tokenId);
        if (on !== undefined) for (const entry of [...on]) if (entry.status === "live") this.refresh(entry);
        return;
      }
      case "delta": {
        const on = this.byToken.get(notice.tokenId);
        if (on === undefined || on.size === 0) return;
        // The orders at the changed level, or all of the token's on a top move (over a copy then: a fill may drop an order).
        if (!notice.topChanged) {
          for (const entry of on) if (entry.status === "live" && entry.order.side === notice.side && entry.order.price === notice.price) this.depth(entry, notice.size);
          return;
        }
        for (const entry of [...on]) {
          if (entry.status !== "live") continue;
          if (entry.order.side === notice.side && entry.order.price === notice.price) this.depth(entry, notice.size);
          this.cross(entry);
        }
        return;
      }
      case "trade":
        if (this.echoes.isEcho(notice.tokenId, this.pairs.get(notice.tokenId), notice.price, notice.size, notice.exchangeTs)) return;
        this.trade(notice.tokenId, { price: notice.price, size: notice.size, takerSide: notice.side });
        return;
      case "resolved":
        for (const [id, entry] of this.entries) if (notice.tokenIds.includes(entry.order.tokenId)) this.remove(id, "market resolved");
        return;
      case "tick_size":
      case "sync":
      case "feed_state":
        return;
      default:
        assertNever(notice);
    }
  }

  private placeOne(req: OrderRequest): PlaceResult {
    if (this.closed) return this.reject(req.clientId, "gateway closed");
    this.learnPair(req.market);
    const open = [...this.entries.values()].map((e) => e.order);
    const reason = rejectReason(req, {
      freeCash: this.opts.account.cash() - reservedCash(open),
      freeShares: this.opts.account.shares(req.tokenId) - reservedShares(open, req.tokenId),
    });
    if (reason) return this.reject(req.clientId, reason);
    const now = this.opts.clock.now();
    const id = `dry-${now.toString(36)}-${(++this.seq).toString(36)}`;
    const entry = pendingEntry(id, req, now);
    this.add(entry);
    this.emit({ type: "placed", clientId: req.clientId, ts: now });
    entry.timers.push(this.opts.clock.setTimeout(() => this.arrive(id), this.opts.settings.entryLatencyMs));
    return { clientId: req.clientId, ok: true, orderId: id };
  }

  private reject(clientId: string, reason: string): PlaceResult {
    this.emit({ type: "rejected", clientId, reason, ts: this.opts.clock.now() });
    return { clientId, ok: false, reason };
  }

  /** The order reaches the exchange: rejected if post-only and crossing, walks the book if marketable, else rests. */
  private arrive(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    const { order, request } = entry;
    const book = this.opts.books.book(order.tokenId);
    const now = this.opts.clock.now();
    if (!book) return this.drop(id, { type: "rejected", clientId: order.clientId, reason: "MARKET_NOT_READY: no book for this token yet", ts: now });
    const crossing = wouldCross(order.side, order.price, book.bestBid(), book.bestAsk());
    if (crossing && request.postOnly) {
      // The book moved between quote and arrival: normal market making, so transient (no error toward the error-rate limits).
      return this.drop(id, { type: "rejected", clientId: order.clientId, reason: "INVALID_POST_ONLY_ORDER: the order crosses the book", ts: now, transient: true });
    }
    if (crossing) {
      const walk = walkBook(order.side, order.price, order.size, book.depth(opposite(order.side), WALK_LEVELS), request.feeBps);
      const total = walk.reduce((s, f) => s + f.size, 0);
      if (request.type === "FOK" && total < order.size) {
        return this.drop(id, { type: "rejected", clientId: order.clientId, reason: "FOK order could not be filled in full", ts: now });
      }
      for (const f of walk) {
        entry.order = { ...entry.order, filled: entry.order.filled + f.size };
        this.emitFill(entry, f.price, f.size, f.fee, "taker");
      }
      entry.crossArmed = false;
    }
    if (remainingOf(entry.order) <= 0) return this.drop(id, null);
    if (request.type === "FOK" || request.type === "FAK") {
      return this.drop(id, { type: "cancelled", id, clientId: order.clientId, reason: `${request.type} remainder not matched`, ts: now });
    }
    entry.order = { ...joinQueue(entry.order, book.sizeAt(order.side, order.price), now), filled: entry.order.filled, createdAt: order.createdAt };
    entry.status = "live";
    this.emit({ type: "acknowledged", order: toOpenOrder(entry), ts: now });
  }

  private trade(tokenId: string, print: Print): void {
    const pair = this.pairs.get(tokenId);
    const now = this.opts.clock.now();
    for (const entry of this.reachedBy(tokenId, pair)) {
      if (entry.status !== "live") continue;
      const seen = printFor(entry.order.tokenId, tokenId, pair, print);
      if (!seen || (!entry.crossArmed && isThrough(entry.order, seen))) continue;
      const r = applyPrint(entry.order, seen, now);
      this.settle(entry, r.order, r.fill);
    }
  }

  /**
   * The orders a print on `tokenId` can fill (those on it and on its pair), in the order they were added, as the walk over
   * every order did; a copy, as a fill may drop an order. Only these two tokens' orders are visited, not every order.
   */
  private reachedBy(tokenId: string, pair: string | undefined): Entry[] {
    return inRankOrder(this.byToken.get(tokenId), pair === undefined || pair === tokenId ? undefined : this.byToken.get(pair));
  }

  private depth(entry: Entry, size: Micro): void {
    if (entry.unjoined) return this.join(entry, size);
    entry.order = applyDepth(entry.order, size, this.opts.clock.now(), this.model);
  }

  private refresh(entry: Entry): void {
    const book = this.opts.books.book(entry.order.tokenId);
    if (!book) return;
    this.depth(entry, book.sizeAt(entry.order.side, entry.order.price));
    this.cross(entry);
  }

  private join(entry: Entry, size: Micro): void {
    entry.order = { ...entry.order, queueAhead: size, levelSize: size, tradedUnseen: 0, shrinkUnexplained: 0 };
    entry.unjoined = false;
  }

  private cross(entry: Entry): void {
    const book = this.opts.books.book(entry.order.tokenId);
    if (!book || !this.entries.has(entry.order.id)) return;
    const crossing = wouldCross(entry.order.side, entry.order.price, book.bestBid(), book.bestAsk());
    if (!entry.crossArmed) {
      entry.crossArmed = !crossing;
      return;
    }
    if (!crossing) return; // the usual case on a top move: nothing fills (applyCross would return the order as it is)
    const r = applyCross(entry.order, book.bestBid(), book.bestAsk());
    this.settle(entry, r.order, r.fill);
  }

  private settle(entry: Entry, order: RestingOrder, fill: Micro): void {
    entry.order = order;
    if (fill <= 0) return;
    this.emitFill(entry, order.price, fill, 0, "maker");
    if (remainingOf(order) <= 0) this.drop(order.id, null);
  }

  private emitFill(entry: Entry, price: Pips, size: Micro, fee: number, liquidity: "maker" | "taker"): void {
    const ts = this.opts.clock.now();
    const o = entry.order;
    const fill: Fill = { id: `${entry.fillPrefix}${++entry.fills}`, orderId: o.id, market: o.market, tokenId: o.tokenId, outcome: o.outcome, side: o.side, price, size, fee, liquidity, ts, status: "CONFIRMED" };
    this.emit({ type: "fill", fill, ts });
  }

  private remove(id: string, reason: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.drop(id, { type: "cancelled", id, clientId: entry.order.clientId, reason, ts: this.opts.clock.now() });
  }

  private drop(id: string, event: GatewayEvent | null): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    for (const t of entry.timers) this.opts.clock.clearTimeout(t);
    this.entries.delete(id);
    const on = this.byToken.get(entry.order.tokenId);
    if (on !== undefined && on.delete(entry) && on.size === 0) this.byToken.delete(entry.order.tokenId);
    if (event) this.emit(event);
  }

  private add(entry: Entry): void {
    entry.rank = ++this.added;
    this.entries.set(entry.order.id, entry);
    const on = this.byToken.get(entry.order.tokenId);
    if (on === undefined) this.byToken.set(entry.order.tokenId, new Set([entry]));
    else on.add(entry);
  }

  private learnPair(m: MarketInfo): void {
    this.pairs.set(m.yesTokenId, m.noTokenId);
    this.pairs.set(m.noTokenId, m.yesTokenId);
  }

  private emit(event: GatewayEvent): void {
    for (const l of this.listeners) l(event);
  }
}

function assertNever(x: never): never {
  throw new Error(`unknown notice ${JSON.stringify(x)}`);
}
