// Test doubles for engine tests: a scriptable MarketData over real OrderBooks, an in-memory Store, a recording gateway.
import { OrderBook } from "../../../src/domain/book/order-book.js";
import type { Level } from "../../../src/domain/events.js";
import { applyEntry } from "../../../src/domain/ledger/ledger-state.js";
import { freshState, type PersistedState } from "../../../src/domain/ledger/persisted-state.js";
import type { LedgerBody, LedgerEntry } from "../../../src/domain/ledger/ledger-entry.js";
import { value } from "../../../src/domain/accounting/valuation.js";
import { updateDrawdown } from "../../../src/domain/accounting/equity-curve.js";
import type { MarketData, MarketDataNotice, Quotable, TokenMeta } from "../../../src/ports/market-data.js";
import type { Store } from "../../../src/ports/store.js";
import type { OrderGateway, OrderRequest } from "../../../src/ports/order-gateway.js";
import type { FeedHealthSnapshot } from "../../../src/engine/snapshot.js";
import { gatewayEventBody, placedBody } from "../../../src/adapters/store/gateway-entries.js";
import { mirror, type Pips } from "../../../src/domain/units.js";
import type { FakeClock } from "../../../src/adapters/clock/fake-clock.js";

export const SH = 1_000_000;

export class FakeMarketData implements MarketData {
  readonly books = new Map<string, OrderBook>();
  readonly notOk = new Map<string, string>();
  private readonly listeners = new Set<(n: MarketDataNotice) => void>();
  tokens: TokenMeta[] = [];

  constructor(private readonly clock: FakeClock) {}

  start(): void {}
  async stop(): Promise<void> {}
  addTokens(tokens: TokenMeta[]): void {
    this.tokens.push(...tokens);
  }
  removeTokens(): void {}
  book(tokenId: string): OrderBook | null {
    return this.books.get(tokenId) ?? null;
  }
  quotable(tokenId: string): Quotable {
    const b = this.books.get(tokenId);
    if (this.notOk.has(tokenId)) return { ok: false, reason: this.notOk.get(tokenId)! };
    return b && b.synced ? { ok: true, reason: null } : { ok: false, reason: "no synced book" };
  }
  health(): FeedHealthSnapshot {
    return { state: "live", reason: null, msgsPerSec: 0, delayMs: null, reconnects: 0, invalidFrames: 0, lastMessageAgeMs: null, tokens: [] };
  }
  onNotice(listener: (n: MarketDataNotice) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(n: MarketDataNotice): void {
    for (const l of this.listeners) l(n);
  }

  /** Sets the YES book and its mirrored NO book from [price, shares] pairs, as snapshots. */
  setBook(yesToken: string, noToken: string, bids: [Pips, number][], asks: [Pips, number][], tick: Pips): void {
    const lv = (l: [Pips, number][]): Level[] => l.map(([p, s]) => ({ price: p, size: s * SH }));
    for (const [token, b, a] of [
      [yesToken, bids, asks],
      [noToken, asks.map(([p, s]) => [mirror(p), s] as [Pips, number]), bids.map(([p, s]) => [mirror(p), s] as [Pips, number])],
    ] as const) {
      let book = this.books.get(token);
      if (!book) {
        book = new OrderBook(token, tick);
        this.books.set(token, book);
      }
      book.applySnapshot(lv(b), lv(a), tick);
      this.emit({ type: "snapshot", tokenId: token, source: "ws", ts: this.clock.now() });
    }
  }

  tickSizeChange(tokens: string[], newTick: Pips): void {
    for (const t of tokens) {
      const book = this.books.get(t)!;
      const old = book.tickSize;
      book.newEpoch(newTick);
      this.emit({ type: "tick_size", tokenId: t, oldTickSize: old, newTickSize: newTick, ts: this.clock.now() });
    }
  }
}

export class MemoryStore implements Store {
  current: PersistedState;
  readonly entries: LedgerEntry[] = [];
  constructor(startingCash = 10_000 * SH, private readonly clock?: FakeClock) {
    this.current = freshState(startingCash);
  }
  state(): Readonly<PersistedState> {
    return this.current;
  }
  append(body: LedgerBody): LedgerEntry {
    const entry = { seq: this.current.lastSeq + 1, ts: new Date(this.clock?.now() ?? 0).toISOString(), ...body } as LedgerEntry;
    this.entries.push(entry);
    this.current = { ...this.current, ...applyEntry(this.current, entry) };
    return entry;
  }
  recordPlaced(request: OrderRequest, orderId: string): LedgerEntry {
    return this.append(placedBody(request, orderId));
  }
  recordGatewayEvent(event: Parameters<Store["recordGatewayEvent"]>[0]): LedgerEntry | null {
    const body = gatewayEventBody(event, this.current.orders);
    return body ? this.append(body) : null;
  }
  recordRisk(latch: { state: "ACTIVE" | "REDUCING" | "HALTED"; reason: string | null }): LedgerEntry {
    return this.append({ type: "risk", state: latch.state, reason: latch.reason });
  }
  recordResolution(market: string, winningTokenId: string): LedgerEntry {
    return this.append({ type: "resolution", market, winningToken: winningTokenId });
  }
  updateMark(tokenId: string, mark: { mid: number | null; bid: number | null }): void {
    this.current = { ...this.current, marks: { ...this.current.marks, [tokenId]: mark } };
  }
  noteOrders(): void {}
  sampleEquity(now: number): void {
    const equity = value(this.current.portfolio, this.current.marks).equity;
    this.current = { ...this.current, equityCurve: [...this.current.equityCurve, { ts: now, equity }], drawdown: updateDrawdown(this.current.drawdown, equity) };
  }
  /** Every value the engine published, in order. */
  readonly rewardPerDay: number[] = [];
  setRewardPerDay(perDay: number): void {
    this.rewardPerDay.push(perDay);
    this.current = { ...this.current, rewardPerDay: perDay };
  }
  async flush(): Promise<void> {}
  async close(): Promise<void> {}
}

/** Wraps a gateway and records every place() and cancel() call that reaches it. */
export function recording(inner: OrderGateway): OrderGateway & { places: OrderRequest[][]; cancels: string[][] } {
  const places: OrderRequest[][] = [];
  const cancels: string[][] = [];
  return {
    kind: inner.kind,
    places,
    cancels,
    place: (orders) => {
      places.push(orders);
      return inner.place(orders);
    },
    cancel: (ids) => {
      cancels.push(ids);
      return inner.cancel(ids);
    },
    cancelAll: () => inner.cancelAll(),
    openOrders: () => inner.openOrders(),
    onEvent: (l) => inner.onEvent(l),
    close: () => inner.close(),
  };
}
