// The live OrderGateway over the official client: post-only orders on the exchange's tick, batches of 15, cancels, fills from the user channel, REST reconciliation.
import { Side as ClobSide, OrderType as ClobOrderType, type SignedOrder, type TickSize } from "@polymarket/clob-client-v2";
import type { CancelResult, GatewayEvent, OpenOrder, OrderGateway, OrderRequest, PlaceResult } from "../../../ports/order-gateway.js";
import type { Clock } from "../../../ports/clock.js";
import type { Logger } from "../../../ports/logger.js";
import type { MarketInfo, Outcome } from "../../../domain/market.js";
import type { UserEvent } from "../../../domain/events.js";
import type { LiveSettings } from "../../../domain/settings/live.js";
import { outcomeOf } from "../../../domain/market.js";
import { PRICE_SCALE, SIZE_SCALE, formatPrice, notional, parsePrice, type Pips } from "../../../domain/units.js";
import { redactor } from "../../secrets/redact.js";
import type { ClobApi } from "./clob-client.js";
import { RequestFailure, RequestRunner } from "./request-runner.js";
import { Heartbeat } from "./heartbeat.js";
import { checkOrder, restingNotional, tickName } from "./order-check.js";
import { TradeLedger, type TradeContext } from "./trade-ledger.js";
import { Reconciler } from "./reconciler.js";

/** What the gateway needs from a user-channel connection (the real one is UserChannel). */
export interface UserStream {
  start(): void;
  stop(): Promise<void>;
  drop(): void;
}

export interface LiveGatewayDeps {
  api: ClobApi;
  apiKey: string;
  settings: LiveSettings;
  markets: MarketInfo[];
  clock: Clock;
  logger: Logger;
  random?: () => number;
  /** Opens the user channel with these handlers (null: no socket; fills then come from REST reconciliation only). */
  openUserStream: ((handlers: { onEvent(e: UserEvent): void; onConnected(): void; onDisconnected(reason: string): void }) => UserStream) | null;
}

const BATCH = 15;
const GONE = /not found|already|matched|cancel/i;

export class LiveGateway implements OrderGateway {
  readonly kind = "live" as const;
  readonly runner: RequestRunner;
  private orders = new Map<string, OpenOrder>();
  private listeners = new Set<(e: GatewayEvent) => void>();
  private markets = new Map<string, MarketInfo>();
  private ticks = new Map<string, Pips>();
  /** Tokens whose tick must be fetched again (a tick rejection came). */
  private tickStale = new Set<string>();
  /** The market tick each token's exchange tick was last checked against. */
  private tickCheckedFor = new Map<string, Pips>();
  private inflight = 0;
  private inflightNotional = 0;
  private closed = false;
  private stream: UserStream | null = null;
  readonly ledger = new TradeLedger();
  readonly heartbeat: Heartbeat;
  private reconciler: Reconciler;

  constructor(private readonly d: LiveGatewayDeps) {
    this.runner = new RequestRunner(d.clock, d.settings, d.random);
    for (const m of d.markets) this.addMarket(m);
    this.heartbeat = new Heartbeat(d.api, this.runner, d.clock, d.settings.heartbeatMs, {
      onLapse: (ms) => this.emitError(`heartbeat lapsed for ${Math.round(ms / 1000)} s: the exchange has probably cancelled our orders`),
      onRecover: () => this.reconcile("heartbeat recovered"),
    });
    this.reconciler = new Reconciler(this, d.api, this.runner, d.clock, d.logger, d.settings.adoptUnknownOrders);
  }

  /** Heartbeats first (before any order can exist), then the user channel, then a REST reconciliation. */
  async start(): Promise<void> {
    await this.heartbeat.start();
    if (this.d.openUserStream) {
      this.stream = this.d.openUserStream({
        onEvent: (e) => this.onUserEvent(e),
        onConnected: () => this.reconcile("user channel connected"),
        onDisconnected: (reason) => this.d.logger.warn("user channel down", { reason }),
      });
      this.stream.start();
    }
    await this.reconciler.run("start");
  }

  onEvent(listener: (event: GatewayEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  openOrders(): OpenOrder[] {
    return [...this.orders.values()];
  }

  /** Forces a user-channel drop (fault tests; the stream reconnects and reconciles). */
  dropUserStream(): void {
    this.stream?.drop();
  }

  async place(requests: OrderRequest[]): Promise<PlaceResult[]> {
    const results: PlaceResult[] = [];
    for (let i = 0; i < requests.length; i += BATCH) results.push(...(await this.placeBatch(requests.slice(i, i + BATCH))));
    return results;
  }

  private async placeBatch(requests: OrderRequest[]): Promise<PlaceResult[]> {
    const results = new Map<string, PlaceResult>();
    const reject = (req: OrderRequest, reason: string) => {
      results.set(req.clientId, { clientId: req.clientId, ok: false, reason });
      this.emit({ type: "rejected", clientId: req.clientId, reason, ts: this.d.clock.now() });
    };
    const signed: { req: OrderRequest; order: SignedOrder }[] = [];
    let committed = restingNotional(this.orders.values()) + this.inflightNotional;
    for (const req of requests) {
      this.addMarket(req.market);
      if (this.closed) {
        reject(req, "the live gateway is closed");
        continue;
      }
      if (!this.heartbeat.healthy()) {
        reject(req, "heartbeats are not getting through; no order is placed without the dead-man's switch");
        continue;
      }
      const blocked = this.runner.blocked(req.postOnly);
      if (blocked) {
        reject(req, blocked);
        continue;
      }
      const tick = await this.tickFor(req.tokenId, req.market.tickSize);
      const check = checkOrder(req, tick, committed, this.d.settings.maxNotionalUsd);
      if (!check.ok) {
        reject(req, check.reason);
        continue;
      }
      try {
        const order = await this.d.api.createOrder(
          { tokenID: req.tokenId, price: req.price / PRICE_SCALE, size: req.size / SIZE_SCALE, side: req.side === "BUY" ? ClobSide.BUY : ClobSide.SELL, expiration: req.type === "GTD" ? req.expiration : undefined },
          { tickSize: tickName(tick) as TickSize, negRisk: req.market.negRisk },
        );
        committed += notional(req.price, req.size);
        signed.push({ req, order });
      } catch (err) {
        const msg = redactor.text((err as Error).message);
        if (/tick size/i.test(msg)) this.tickStale.add(req.tokenId);
        reject(req, `could not sign the order: ${msg}`);
      }
    }
    for (const postOnly of [true, false]) {
      const group = signed.filter((s) => s.req.postOnly === postOnly);
      if (group.length > 0) await this.post(group, postOnly, results);
    }
    return requests.map((r) => results.get(r.clientId) ?? { clientId: r.clientId, ok: false, reason: "not placed" });
  }

  private async post(group: { req: OrderRequest; order: SignedOrder }[], postOnly: boolean, results: Map<string, PlaceResult>): Promise<void> {
    const now = this.d.clock.now();
    const groupNotional = group.reduce((n, g) => n + notional(g.req.price, g.req.size), 0);
    for (const g of group) this.emit({ type: "placed", clientId: g.req.clientId, ts: now });
    this.inflight++;
    this.inflightNotional += groupNotional;
    try {
      // Re-sending the same signed orders is idempotent: the order id is the hash of the signed order.
      const args = group.map((g) => ({ order: g.order, orderType: g.req.type === "GTD" ? ClobOrderType.GTD : ClobOrderType.GTC }));
      const responses = await this.runner.run("post orders", () => this.d.api.postOrders(args, postOnly), { idempotent: true, gated: true, postOnly });
      group.forEach((g, i) => {
        const r = Array.isArray(responses) ? responses[i] : undefined;
        if (r && r.success !== false && r.orderID) {
          const order: OpenOrder = { id: r.orderID, clientId: g.req.clientId, market: g.req.market.conditionId, tokenId: g.req.tokenId, outcome: g.req.outcome, side: g.req.side, price: g.req.price, size: g.req.size, filled: 0, queueAhead: null, createdAt: this.d.clock.now() };
          this.orders.set(order.id, order);
          results.set(g.req.clientId, { clientId: g.req.clientId, ok: true, orderId: order.id });
          this.emit({ type: "acknowledged", order, ts: this.d.clock.now() });
        } else {
          const reason = redactor.text(r?.errorMsg || "the exchange did not accept the order");
          if (/tick/i.test(reason)) this.tickStale.add(g.req.tokenId);
          results.set(g.req.clientId, { clientId: g.req.clientId, ok: false, reason });
          this.emit({ type: "rejected", clientId: g.req.clientId, reason, ts: this.d.clock.now() });
        }
      });
    } catch (err) {
      const failure = err instanceof RequestFailure ? err : new RequestFailure(redactor.text(String(err)), { kind: "rejected", status: null }, true);
      if (failure.cls.kind === "tick_size") for (const g of group) this.tickStale.add(g.req.tokenId);
      for (const g of group) {
        results.set(g.req.clientId, { clientId: g.req.clientId, ok: false, reason: failure.message });
        this.emit({ type: "rejected", clientId: g.req.clientId, reason: failure.message, ts: this.d.clock.now() });
      }
      if (failure.countsAsError) this.emitError(failure.message);
      // The orders may have reached the exchange without us hearing back: look, and cancel strays.
      if (failure.cls.kind === "server" || failure.cls.kind === "timeout" || failure.cls.kind === "network") this.reconcile("ambiguous order post");
    } finally {
      this.inflight--;
      this.inflightNotional -= groupNotional;
    }
  }

  /**
   * The exchange's tick for a token, fetched on first use, after a tick rejection, and when the market's tick disagrees
   * with it (once per disagreeing value). The price is then checked locally, so a stale grid is refused here, not in a loop.
   */
  private async tickFor(tokenId: string, marketTick: Pips): Promise<Pips> {
    const known = this.ticks.get(tokenId);
    const stale = known === undefined || this.tickStale.has(tokenId) || (known !== marketTick && this.tickCheckedFor.get(tokenId) !== marketTick);
    if (!stale) return known;
    try {
      delete this.d.api.tickSizes[tokenId];
      const text = await this.runner.run("tick size", () => this.d.api.getTickSize(tokenId), { idempotent: true, gated: false });
      const tick = parsePrice(String(text));
      if (tick !== null && tick > 0) {
        if (known !== undefined && known !== tick) this.d.logger.info("tick size changed", { tokenId, from: formatPrice(known), to: formatPrice(tick) });
        this.ticks.set(tokenId, tick);
      }
    } catch (err) {
      this.d.logger.warn("could not refresh the tick size", { tokenId, error: redactor.text((err as Error).message) });
    }
    this.tickStale.delete(tokenId);
    this.tickCheckedFor.set(tokenId, marketTick);
    return this.ticks.get(tokenId) ?? marketTick;
  }

  async cancel(orderIds: string[]): Promise<CancelResult> {
    if (orderIds.length === 0) return { canceled: [], notCanceled: {} };
    try {
      const res = (await this.runner.run("cancel orders", () => this.d.api.cancelOrders(orderIds), { idempotent: true, gated: false, retryRestarting: true })) as { canceled?: string[]; not_canceled?: Record<string, string> };
      return this.applyCancel(res, "cancelled");
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      this.emitError(msg);
      return { canceled: [], notCanceled: Object.fromEntries(orderIds.map((id) => [id, msg])) };
    }
  }

  async cancelAll(): Promise<CancelResult> {
    try {
      const res = (await this.runner.run("cancel all", () => this.d.api.cancelAll(), { idempotent: true, gated: false, retryRestarting: true })) as { canceled?: string[]; not_canceled?: Record<string, string> };
      const out = this.applyCancel(res, "cancel-all");
      for (const id of [...this.orders.keys()]) this.forget(id, "cancel-all");
      return out;
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      this.emitError(`cancel-all failed: ${msg}`);
      return { canceled: [], notCanceled: Object.fromEntries([...this.orders.keys()].map((id) => [id, msg])) };
    }
  }

  private applyCancel(res: { canceled?: string[]; not_canceled?: Record<string, string> }, reason: string): CancelResult {
    const canceled = Array.isArray(res?.canceled) ? res.canceled : [];
    const notCanceled = res?.not_canceled && typeof res.not_canceled === "object" ? res.not_canceled : {};
    for (const id of canceled) this.forget(id, reason);
    for (const [id, why] of Object.entries(notCanceled)) if (GONE.test(String(why))) this.forget(id, `${reason}: ${why}`);
    return { canceled, notCanceled };
  }

  /** Drops an order from the open set and reports it cancelled (once). */
  forget(id: string, reason: string): void {
    const o = this.orders.get(id);
    if (!o) return;
    this.orders.delete(id);
    this.emit({ type: "cancelled", id, clientId: o.clientId, reason, ts: this.d.clock.now() });
  }

  /** Takes in an order found on the exchange (adoption, or a reconciled fill count). */
  track(order: OpenOrder): void {
    const fresh = !this.orders.has(order.id);
    this.orders.set(order.id, order);
    if (fresh) this.emit({ type: "acknowledged", order, ts: this.d.clock.now() });
  }

  /** Reports orders that were on the exchange without this mm having placed them, now cancelled. */
  reportStrays(ids: string[]): void {
    for (const id of ids) this.emit({ type: "cancelled", id, clientId: "", reason: "unknown order on the exchange (not placed by this mm): cancelled", ts: this.d.clock.now() });
  }

  knows(id: string): boolean {
    return this.orders.has(id);
  }

  placing(): boolean {
    return this.inflight > 0;
  }

  reconcile(why: string): void {
    if (!this.closed) void this.reconciler.run(why);
  }

  private addMarket(m: MarketInfo): void {
    this.markets.set(m.yesTokenId, m);
    this.markets.set(m.noTokenId, m);
  }

  tradeContext(): TradeContext {
    return {
      apiKey: this.d.apiKey,
      isOurOrder: (id) => this.orders.has(id),
      tokenInfo: (tokenId) => {
        const m = this.markets.get(tokenId);
        const outcome: Outcome | null = m ? outcomeOf(m, tokenId) : null;
        return m && outcome ? { market: m.conditionId, outcome } : null;
      },
    };
  }

  /** An order or trade event, from the socket or from REST reconciliation. */
  onUserEvent(e: UserEvent): void {
    const now = this.d.clock.now();
    switch (e.type) {
      case "order": {
        const o = this.orders.get(e.id);
        if (!o) return; // unknown ids are settled by reconciliation (it may be an order still being placed)
        if (e.orderType === "CANCELLATION") this.forget(e.id, "cancelled on the exchange");
        else o.filled = Math.max(o.filled, e.sizeMatched);
        return;
      }
      case "trade":
        for (const fx of this.ledger.apply(e, this.tradeContext(), now)) {
          switch (fx.kind) {
            case "matched":
              this.noteFilled(fx.fill.orderId, fx.fill.size);
              this.emit({ type: "fill", fill: fx.fill, ts: now });
              break;
            case "confirmed":
              if (!fx.wasPending) {
                this.noteFilled(fx.fill.orderId, fx.fill.size);
                this.emit({ type: "fill", fill: fx.fill, ts: now });
              }
              break;
            case "failed":
              this.d.logger.warn("trade failed on chain: reversing its fill", { fill: fx.fill.id });
              this.emit({ type: "fill_reversed", fill: fx.fill, ts: now });
              break;
          }
        }
        return;
    }
  }

  private noteFilled(orderId: string, size: number): void {
    const o = this.orders.get(orderId);
    if (!o) return;
    o.filled = Math.min(o.size, o.filled + size);
    if (o.filled >= o.size) this.orders.delete(orderId); // fully filled: no longer open
  }

  emitError(message: string): void {
    const text = redactor.text(message);
    this.d.logger.error(text);
    this.emit({ type: "error", message: text, ts: this.d.clock.now() });
  }

  private emit(e: GatewayEvent): void {
    for (const l of [...this.listeners]) l(e);
  }

  /** Stops the socket and heartbeats without touching orders (a start that failed has placed none). */
  async abort(): Promise<void> {
    this.closed = true;
    await this.stream?.stop();
    this.heartbeat.stop();
  }

  /** Cancels everything (verifying with REST that nothing is left), then stops the socket and the heartbeats. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.cancelAll();
    await this.reconciler.sweep();
    await this.stream?.stop();
    this.heartbeat.stop();
  }
}
