// Runs reconcile plans through the gateway: cancels before places, pending tracking, batches of 15, the orders-per-minute limit.
import type { MarketInfo } from "../domain/market.js";
import type { DesiredOrder } from "../domain/quoting/desired-order.js";
import { OrderTracker } from "../domain/orders/order-tracker.js";
import { RateLimiter } from "../domain/orders/rate-limiter.js";
import { batches } from "../domain/orders/batch.js";
import { remaining, type TrackedOrder } from "../domain/orders/tracked-order.js";
import type { ReconcilePlan } from "../domain/orders/reconcile.js";
import type { OrdersSettings } from "../domain/settings/orders.js";
import type { Clock } from "../ports/clock.js";
import type { Logger } from "../ports/logger.js";
import type { GatewayEvent, OrderGateway, OrderRequest, PlaceResult } from "../ports/order-gateway.js";
import type { Store } from "../ports/store.js";
import type { EngineEvent, OrderAction } from "./engine-events.js";

export interface OrderManagerDeps {
  gateway: OrderGateway;
  store: Store;
  clock: Clock;
  logger: Logger;
  settings: OrdersSettings;
  emit(event: EngineEvent): void;
  /** A rejection (not a transient one) or a gateway error: counts toward the error-rate limits. */
  onError(): void;
}

/** What a gateway event changed, so the engine knows which market to requote. */
export interface EventOutcome {
  market: string | null;
  inventoryChanged: boolean;
}

const GONE = /not found|already|done|matched|unknown/i;

export class OrderManager {
  readonly tracker = new OrderTracker();
  private readonly limiter: RateLimiter;
  private seq = 0;

  constructor(private readonly deps: OrderManagerDeps) {
    this.limiter = new RateLimiter(deps.settings.maxOrdersPerMinute, 60_000);
  }

  /** Takes over orders a previous run left open (dry-run orders restored from state.json). */
  adopt(orders: { id: string; clientId: string; market: string; tokenId: string; outcome: TrackedOrder["outcome"]; side: TrackedOrder["side"]; price: number; size: number; filled: number; createdAt: number }[]): void {
    for (const o of orders) {
      if (this.tracker.get(o.id)) continue;
      this.tracker.add({ clientId: o.clientId, market: o.market, tokenId: o.tokenId, outcome: o.outcome, side: o.side, price: o.price, size: o.size }, o.createdAt);
      this.tracker.placed(o.clientId, o.id, o.filled);
    }
  }

  /**
   * Cancels what the plan drops, then places what passes `approve` (null: allowed, else the denial) within the rate
   * limit. A SELL whose shares are still reserved by an order being cancelled waits for that cancel. Returns when a
   * place was held back by the rate limit and a retry is due, else null.
   */
  async execute(market: MarketInfo, plan: ReconcilePlan, held: (tokenId: string) => number, approve: (d: DesiredOrder) => string | null): Promise<number | null> {
    const now = this.deps.clock.now();
    const cancels = this.cancelRequests(plan.cancel);
    const requests: OrderRequest[] = [];
    const sellReserved = new Map<string, number>();
    for (const o of this.tracker.forMarket(market.conditionId)) if (o.side === "SELL") sellReserved.set(o.tokenId, (sellReserved.get(o.tokenId) ?? 0) + remaining(o));
    let retryAt: number | null = null;
    for (const d of plan.place) {
      if (d.side === "SELL") {
        const reserved = sellReserved.get(d.tokenId) ?? 0;
        if (reserved + d.size > held(d.tokenId)) continue;
        sellReserved.set(d.tokenId, reserved + d.size);
      }
      const denial = approve(d);
      if (denial !== null) {
        this.deps.emit({ type: "order", action: "rejected", reason: `risk: ${denial}`, id: null, clientId: "", market: market.conditionId, token: d.tokenId, outcome: d.outcome, side: d.side, price: d.price, size: d.size, ts: now });
        continue;
      }
      if (this.limiter.take(now, 1) === 0) {
        retryAt = this.limiter.nextFreeAt(now);
        break;
      }
      const clientId = `c${now.toString(36)}${(++this.seq).toString(36)}`;
      this.tracker.add({ clientId, market: market.conditionId, tokenId: d.tokenId, outcome: d.outcome, side: d.side, price: d.price, size: d.size }, now);
      requests.push({ clientId, market, tokenId: d.tokenId, outcome: d.outcome, side: d.side, price: d.price, size: d.size, type: "GTC", postOnly: true });
    }
    await cancels;
    for (const batch of batches(requests, this.deps.settings.batchSize)) await this.place(batch);
    return retryAt;
  }

  /** Cancels every live order of one market (pulling quotes is never throttled). */
  cancelMarket(conditionId: string): Promise<void> {
    return this.cancelRequests(this.tracker.forMarket(conditionId));
  }

  /** Cancels everything we track and asks the gateway to cancel all it holds (the kill switch and shutdown). */
  async cancelAll(): Promise<void> {
    await this.cancelRequests(this.tracker.all());
    const result = await this.deps.gateway.cancelAll();
    for (const id of result.canceled) this.tracker.beginCancel(id);
  }

  /** Applies one gateway event: ledger first, then tracking, then the engine's own event line. */
  onGatewayEvent(e: GatewayEvent): EventOutcome {
    const store = this.deps.store;
    switch (e.type) {
      case "placed":
        return { market: null, inventoryChanged: false };
      case "acknowledged": {
        store.recordGatewayEvent(e);
        const o = this.tracker.placed(e.order.clientId, e.order.id, e.order.filled);
        this.emitOrder("acknowledged", o ?? null, null, e.ts, e.order);
        return { market: e.order.market, inventoryChanged: false };
      }
      case "rejected": {
        const o = this.tracker.rejected(e.clientId);
        if (!o) return { market: null, inventoryChanged: false };
        store.recordGatewayEvent(e);
        if (!e.transient) this.deps.onError(); // a backoff refusal (425/429) is no error; the requote throttle paces retries
        this.emitOrder("rejected", o, e.reason, e.ts);
        return { market: o.market, inventoryChanged: false };
      }
      case "cancelled": {
        store.recordGatewayEvent(e);
        const o = this.tracker.cancelled(e.id);
        this.emitOrder("cancelled", o ?? null, e.reason, e.ts, { id: e.id, clientId: e.clientId });
        return { market: o?.market ?? null, inventoryChanged: false };
      }
      case "fill": {
        store.recordGatewayEvent(e);
        const f = e.fill;
        const o = this.tracker.filled(f.orderId, f.size);
        this.deps.emit({ type: "order", action: "filled", reason: null, id: f.orderId, clientId: o?.clientId ?? "", market: f.market, token: f.tokenId, outcome: f.outcome, side: f.side, price: f.price, size: f.size, ts: e.ts });
        this.deps.emit({ type: "fill", fill: f, ts: e.ts });
        return { market: f.market, inventoryChanged: true };
      }
      case "fill_reversed":
        store.recordGatewayEvent(e);
        return { market: e.fill.market, inventoryChanged: true };
      case "error":
        this.deps.onError();
        this.deps.logger.warn(`gateway error: ${e.message}`);
        return { market: null, inventoryChanged: false };
    }
  }

  private async place(batch: OrderRequest[]): Promise<void> {
    let results: PlaceResult[];
    try {
      results = await this.deps.gateway.place(batch);
    } catch (err) {
      results = batch.map((r) => ({ clientId: r.clientId, ok: false, reason: (err as Error).message }));
    }
    for (const r of results) {
      const request = batch.find((b) => b.clientId === r.clientId);
      if (r.ok && r.orderId && request) {
        this.deps.store.recordPlaced(request, r.orderId);
        const o = this.tracker.placed(r.clientId, r.orderId);
        this.emitOrder("placed", o ?? null, null, this.deps.clock.now(), { id: r.orderId, clientId: r.clientId });
        continue;
      }
      const o = this.tracker.rejected(r.clientId);
      if (!o) continue; // already reported through the gateway's own rejected event
      this.deps.store.recordGatewayEvent({ type: "rejected", clientId: r.clientId, reason: r.reason ?? "rejected", ts: this.deps.clock.now() });
      if (!r.transient) this.deps.onError();
      this.emitOrder("rejected", o, r.reason ?? "rejected", this.deps.clock.now());
    }
  }

  private async cancelRequests(orders: readonly TrackedOrder[]): Promise<void> {
    const ids: string[] = [];
    for (const o of orders) if (o.id !== null && this.tracker.beginCancel(o.id)) ids.push(o.id);
    for (const batch of batches(ids, this.deps.settings.batchSize)) {
      try {
        const result = await this.deps.gateway.cancel(batch);
        for (const [id, reason] of Object.entries(result.notCanceled)) {
          if (GONE.test(reason)) {
            const o = this.tracker.cancelled(id);
            this.emitOrder("cancelled", o ?? null, reason, this.deps.clock.now(), { id, clientId: o?.clientId ?? "" });
          } else this.tracker.cancelFailed(id);
        }
      } catch (err) {
        for (const id of batch) this.tracker.cancelFailed(id);
        this.deps.onError();
        this.deps.logger.warn(`cancel failed: ${(err as Error).message}`);
      }
    }
  }

  private emitOrder(action: OrderAction, o: TrackedOrder | null, reason: string | null, ts: number, fallback?: Partial<{ id: string; clientId: string; market: string; tokenId: string; outcome: TrackedOrder["outcome"]; side: TrackedOrder["side"]; price: number; size: number }>): void {
    const src = o ?? fallback;
    if (!src) return;
    this.deps.emit({
      type: "order",
      action,
      reason,
      id: o?.id ?? fallback?.id ?? null,
      clientId: o?.clientId ?? fallback?.clientId ?? "",
      market: src.market ?? "",
      token: o?.tokenId ?? fallback?.tokenId ?? "",
      outcome: src.outcome ?? "YES",
      side: src.side ?? "BUY",
      price: src.price ?? 0,
      size: src.size ?? 0,
      ts,
    });
  }
}
