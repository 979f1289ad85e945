// The live OrderGateway over the official client: post-only orders on the exchange's tick, batches of 15, cancels, fills from the user channel, REST reconciliation.
import { Side as ClobSide, OrderType as ClobOrderType, type SignedOrder, type TickSize } from "@polymarket/clob-client-v2";
import type { CancelResult, ExchangeAccount, GatewayEvent, OpenOrder, OrderGateway, OrderRequest, PlaceResult } from "../../../ports/order-gateway.js";
import type { Clock } from "../../../ports/clock.js";
import type { Logger } from "../../../ports/logger.js";
import type { MarketInfo, Outcome } from "../../../domain/market.js";
import type { UserEvent } from "../../../domain/events.js";
import type { LiveSettings } from "../../../domain/settings/live.js";
import { outcomeOf } from "../../../domain/market.js";
import { PRICE_SCALE, SIZE_SCALE, notional } from "../../../domain/units.js";
import { redactor } from "../../secrets/redact.js";
import type { ClobApi } from "./clob-client.js";
import { RequestFailure, RequestRunner } from "./request-runner.js";
import { classifyError, isBackoff, isPostOnlyCross } from "./error-policy.js";
import { Heartbeat } from "./heartbeat.js";
import { checkOrder, restingNotional, tickName } from "./order-check.js";
import { TradeLedger, type TradeContext } from "./trade-ledger.js";
import { Reconciler } from "./reconciler.js";
import { OrderState } from "./order-state.js";
import { liveAccount, type BalanceCheck, type LiveAccount } from "./live-positions.js";
import { TickSizes } from "./tick-sizes.js";
import { BalanceWatch } from "./balance-watch.js";

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
  private state: OrderState;
  private markets = new Map<string, MarketInfo>();
  private ticks: TickSizes;
  private inflight = 0;
  private inflightNotional = 0;
  private closed = false;
  private stream: UserStream | null = null;
  readonly ledger = new TradeLedger();
  readonly heartbeat: Heartbeat;
  private reconciler: Reconciler;
  private balance: BalanceWatch;
  /** The last comparison of the exchange's collateral balance with our fills (null before the first). */
  lastBalanceCheck: BalanceCheck | null = null;

  constructor(private readonly d: LiveGatewayDeps) {
    this.runner = new RequestRunner(d.clock, d.settings, d.random);
    this.state = new OrderState(d.clock);
    for (const m of d.markets) this.addMarket(m);
    this.heartbeat = new Heartbeat(d.api, this.runner, d.clock, d.settings.heartbeatMs, {
      onLapse: (ms) => this.emitError(`heartbeat lapsed for ${Math.round(ms / 1000)} s: the exchange has probably cancelled our orders`),
      onRecover: () => this.reconcile("heartbeat recovered"),
    });
    this.ticks = new TickSizes(d.api, this.runner, d.logger);
    this.balance = new BalanceWatch(d.api, this.runner, d.logger);
    this.reconciler = new Reconciler(this, d.api, this.runner, d.clock, d.logger, d.settings.adoptUnknownOrders);
  }

  /** Heartbeats first (before any order can exist), then the user channel, then a REST reconciliation. */
  async start(): Promise<void> {
    await this.heartbeat.start();
    await this.balance.start();
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

  /** Positions and cash from this session's fills: confirmed, and pending (MATCHED). */
  account(): LiveAccount {
    return liveAccount(this.ledger.fills());
  }

  /** The account as the exchange holds it: collateral, and the share balances of this session's markets' tokens. */
  exchangeAccount(): Promise<ExchangeAccount | null> {
    return this.balance.account(this.d.markets.flatMap((m) => [m.yesTokenId, m.noTokenId]));
  }

  /** Reconciles our fills with the exchange's balance; reports a mismatch. */
  async checkBalance(): Promise<BalanceCheck | null> {
    this.lastBalanceCheck = (await this.balance.check(this.account())) ?? this.lastBalanceCheck;
    return this.lastBalanceCheck;
  }

  onEvent(listener: (event: GatewayEvent) => void): () => void {
    return this.state.onEvent(listener);
  }

  openOrders(): OpenOrder[] {
    return this.state.list();
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
    const reject = (req: OrderRequest, reason: string, transient = false) => {
      results.set(req.clientId, { clientId: req.clientId, ok: false, reason, transient });
      this.state.emit({ type: "rejected", clientId: req.clientId, reason, ts: this.d.clock.now(), transient });
    };
    const signed: { req: OrderRequest; order: SignedOrder }[] = [];
    let committed = restingNotional(this.state.list()) + this.inflightNotional;
    const gtd = this.d.settings.gtdSeconds;
    for (const asked of requests) {
      // live.gtdSeconds > 0 turns resting GTC quotes into GTD ones that expire on their own.
      const req: OrderRequest = gtd > 0 && asked.type === "GTC" ? { ...asked, type: "GTD", expiration: Math.floor(this.d.clock.now() / 1000) + gtd } : asked;
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
        reject(req, blocked, true); // a 425/429 backoff window: not an error, the engine tries again after it
        continue;
      }
      const tick = await this.ticks.tickFor(req.tokenId, req.market.tickSize);
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
        if (/tick size/i.test(msg)) this.ticks.invalidate(req.tokenId);
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
    for (const g of group) this.state.emit({ type: "placed", clientId: g.req.clientId, ts: now });
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
          this.state.track(order);
          results.set(g.req.clientId, { clientId: g.req.clientId, ok: true, orderId: order.id });
        } else {
          const reason = redactor.text(r?.errorMsg || "the exchange did not accept the order");
          if (/tick/i.test(reason)) this.ticks.invalidate(g.req.tokenId);
          const transient = isPostOnlyCross(classifyError({ message: reason }), g.req); // the book moved: no error
          results.set(g.req.clientId, { clientId: g.req.clientId, ok: false, reason, transient });
          this.state.emit({ type: "rejected", clientId: g.req.clientId, reason, ts: this.d.clock.now(), transient });
        }
      });
    } catch (err) {
      const failure = err instanceof RequestFailure ? err : new RequestFailure(redactor.text(String(err)), { kind: "rejected", status: null }, true);
      if (failure.cls.kind === "tick_size") for (const g of group) this.ticks.invalidate(g.req.tokenId);
      for (const g of group) {
        const transient = isBackoff(failure.cls) || isPostOnlyCross(failure.cls, g.req);
        results.set(g.req.clientId, { clientId: g.req.clientId, ok: false, reason: failure.message, transient });
        this.state.emit({ type: "rejected", clientId: g.req.clientId, reason: failure.message, ts: this.d.clock.now(), transient });
      }
      if (failure.countsAsError) this.emitError(failure.message);
      // The orders may have reached the exchange without us hearing back: look, and cancel strays.
      if (failure.cls.kind === "server" || failure.cls.kind === "timeout" || failure.cls.kind === "network") this.reconcile("ambiguous order post");
    } finally {
      this.inflight--;
      this.inflightNotional -= groupNotional;
    }
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
      for (const id of this.state.ids()) this.forget(id, "cancel-all");
      return out;
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      this.emitError(`cancel-all failed: ${msg}`);
      return { canceled: [], notCanceled: Object.fromEntries(this.state.ids().map((id) => [id, msg])) };
    }
  }

  private applyCancel(res: { canceled?: string[]; not_canceled?: Record<string, string> }, reason: string): CancelResult {
    const canceled = Array.isArray(res?.canceled) ? res.canceled : [];
    const notCanceled = res?.not_canceled && typeof res.not_canceled === "object" ? res.not_canceled : {};
    for (const id of canceled) this.forget(id, reason);
    for (const [id, why] of Object.entries(notCanceled)) if (GONE.test(String(why))) this.forget(id, `${reason}: ${why}`);
    return { canceled, notCanceled };
  }

  knows(id: string): boolean {
    return this.state.has(id);
  }

  forget(id: string, reason: string): void {
    this.state.forget(id, reason);
  }

  track(order: OpenOrder): void {
    this.state.track(order);
  }

  reportStrays(ids: string[]): void {
    this.state.reportStrays(ids);
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
      isOurOrder: (id) => this.state.has(id),
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
        const o = this.state.get(e.id);
        if (!o) return; // unknown ids are settled by reconciliation (it may be an order still being placed)
        if (e.orderType === "CANCELLATION") this.forget(e.id, "cancelled on the exchange");
        else o.filled = Math.max(o.filled, e.sizeMatched);
        return;
      }
      case "trade":
        for (const fx of this.ledger.apply(e, this.tradeContext(), now)) {
          switch (fx.kind) {
            case "matched":
              this.state.noteFilled(fx.fill.orderId, fx.fill.size);
              this.state.emit({ type: "fill", fill: fx.fill, ts: now });
              break;
            case "confirmed":
              if (!fx.wasPending) {
                this.state.noteFilled(fx.fill.orderId, fx.fill.size);
                this.state.emit({ type: "fill", fill: fx.fill, ts: now });
              }
              break;
            case "failed":
              this.d.logger.warn("trade failed on chain: reversing its fill", { fill: fx.fill.id });
              this.state.emit({ type: "fill_reversed", fill: fx.fill, ts: now });
              break;
          }
        }
        return;
    }
  }

  emitError(message: string): void {
    const text = redactor.text(message);
    this.d.logger.error(text);
    this.state.emit({ type: "error", message: text, ts: this.d.clock.now() });
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
