// The engine: feed notices and fills -> quoting -> reconcile -> risk checks -> gateway, under a latched kill switch.
import type { MarketInfo } from "../domain/market.js";
import { mirror } from "../domain/units.js";
import { quoteParamsFrom, type QuoteParams } from "../domain/quoting/params.js";
import { riskLimitsFrom } from "../domain/risk/limits.js";
import { value } from "../domain/accounting/valuation.js";
import type { Settings } from "../domain/settings/schema.js";
import type { Clock, TimerHandle } from "../ports/clock.js";
import type { Logger } from "../ports/logger.js";
import type { MarketData, MarketDataNotice } from "../ports/market-data.js";
import type { GatewayEvent, OrderGateway } from "../ports/order-gateway.js";
import type { Store } from "../ports/store.js";
import type { CommandResult, EngineCommand, EngineHandle, EngineSnapshot } from "./snapshot.js";
import type { EngineEvent } from "./engine-events.js";
import { guardGateway } from "./guarded-gateway.js";
import { OrderManager } from "./order-manager.js";
import { RiskManager } from "./risk-manager.js";
import { MarketRun } from "./market-run.js";
import { Requoter } from "./requoter.js";
import { marksOf } from "./inventory.js";
import { buildSnapshot, EventJournal } from "./snapshot-builder.js";
import { RewardWatch } from "./reward-watch.js";
import { syncExchangeAccount } from "./exchange-account.js";
import { runEngineCommand } from "./engine-commands.js";

export interface EngineDeps {
  markets: MarketInfo[];
  settings: Pick<Settings, "strategy" | "risk" | "orders">;
  /** The engine adds the markets' tokens and starts and stops it. */
  marketData: MarketData;
  gateway: OrderGateway;
  store: Store;
  clock: Clock;
  logger: Logger;
  /** For the snapshot header: "demo", "polymarket", "replay:FILE", or a URL. */
  source: string;
  /** How often risk limits, gates, marks and stale books are checked (default 250 ms). */
  watchMs?: number;
  /** How long stop() waits for cancels to be confirmed (default 3000 ms). */
  stopTimeoutMs?: number;
}

export interface Engine extends EngineHandle {
  start(): Promise<void>;
  /** Cancels every open order, waits for the cancels (bounded), flushes the store and stops the feed. */
  stop(): Promise<void>;
  /** Every order, fill and risk event, as it happens. */
  onEvent(listener: (event: EngineEvent) => void): () => void;
  /** The risk state now (cheap; for tests and the kill-file watcher). */
  riskState(): EngineSnapshot["risk"]["state"];
  openOrderCount(): number;
}

export function createEngine(deps: EngineDeps): Engine {
  return new QuotingEngine(deps);
}

class QuotingEngine implements Engine {
  private readonly runs: MarketRun[];
  /** Every run's two tokens (the runs never change): marked on each fill and each watch tick. */
  private readonly tokenIds: string[];
  private readonly byToken = new Map<string, MarketRun>();
  private readonly byId = new Map<string, MarketRun>();
  private readonly listeners = new Set<(event: EngineEvent) => void>();
  private readonly snapshotListeners = new Set<() => void>();
  private readonly journal = new EventJournal();
  private readonly rewards = new RewardWatch();
  private readonly gateway: OrderGateway;
  private readonly orders: OrderManager;
  private readonly risk: RiskManager;
  private readonly requoter: Requoter;
  private params: QuoteParams;
  private paused = false;
  private started = false;
  private stopped = false;
  private unsubscribers: (() => void)[] = [];
  private watchTimer: TimerHandle | null = null;
  private lastEquitySample = 0;

  constructor(private readonly deps: EngineDeps) {
    const { settings, clock, store } = deps;
    this.params = quoteParamsFrom(settings.strategy, settings.risk);
    this.runs = deps.markets.map((m) => new MarketRun(m, settings.orders.minRequoteIntervalMs));
    this.tokenIds = this.runs.flatMap((r) => r.tokens());
    for (const run of this.runs) {
      this.byId.set(run.id, run);
      for (const t of run.tokens()) this.byToken.set(t, run);
    }
    const state = store.state();
    const today = Math.floor(clock.now() / 86_400_000) * 86_400_000;
    const dayStart = state.equityCurve.find((p) => p.ts >= today)?.equity ?? null;
    this.risk = new RiskManager(
      {
        limits: riskLimitsFrom(settings.risk),
        clock,
        store,
        emit: (e) => this.emit(e),
        cancelAll: () => void this.orders.cancelAll(),
        changed: () => this.requestAll(),
      },
      state.risk,
      { peakEquity: state.equityCurve.length > 0 ? state.drawdown.peak : null, dayStartEquity: dayStart },
    );
    this.gateway = guardGateway(deps.gateway, () => this.risk.halted() || this.stopped);
    this.orders = new OrderManager({
      gateway: this.gateway,
      store,
      clock,
      logger: deps.logger,
      settings: settings.orders,
      emit: (e) => this.emit(e),
      onError: () => this.risk.recordError(),
    });
    this.requoter = new Requoter({
      clock,
      logger: deps.logger,
      marketData: deps.marketData,
      store,
      orders: this.orders,
      risk: this.risk,
      limits: riskLimitsFrom(settings.risk),
      ordersSettings: settings.orders,
      params: () => this.params,
      paused: () => this.paused,
      stopped: () => this.stopped,
    });
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const { marketData, clock } = this.deps;
    // Live: cash and positions start from the exchange's account, and the loss limits from the equity that gives.
    if (await syncExchangeAccount(this.deps, this.runs)) this.risk.rebase();
    this.orders.adopt(this.deps.gateway.openOrders());
    this.unsubscribers.push(this.gateway.onEvent((e) => this.onGatewayEvent(e)));
    this.unsubscribers.push(marketData.onNotice((n) => this.onNotice(n)));
    marketData.addTokens(
      this.runs.flatMap((r) => [
        { tokenId: r.info.yesTokenId, conditionId: r.id, pairTokenId: r.info.noTokenId, tickSize: r.info.tickSize, minSize: r.info.minSize, negRisk: r.info.negRisk },
        { tokenId: r.info.noTokenId, conditionId: r.id, pairTokenId: r.info.yesTokenId, tickSize: r.info.tickSize, minSize: r.info.minSize, negRisk: r.info.negRisk },
      ]),
    );
    this.emit({ type: "risk", state: this.risk.state, reason: this.risk.reason, market: null, ts: clock.now() });
    for (const run of this.runs) this.risk.updateGate(run.info, false);
    if (this.risk.halted()) await this.orders.cancelAll();
    marketData.start();
    this.watchTimer = clock.setInterval(() => this.watch(), this.deps.watchMs ?? 250);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const { clock } = this.deps;
    if (this.watchTimer) clock.clearInterval(this.watchTimer);
    for (const run of this.runs) if (run.timer) clock.clearTimeout(run.timer);
    await this.orders.cancelAll();
    const deadline = clock.now() + (this.deps.stopTimeoutMs ?? 3000);
    while (this.orders.tracker.size() > 0 && clock.now() < deadline) await new Promise<void>((resolve) => clock.setTimeout(resolve, 20));
    for (const u of this.unsubscribers) u();
    this.unsubscribers = [];
    this.deps.store.sampleEquity(clock.now());
    await this.deps.store.flush();
    await this.deps.marketData.stop();
  }

  onEvent(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  riskState(): EngineSnapshot["risk"]["state"] {
    return this.risk.state;
  }

  openOrderCount(): number {
    return this.orders.tracker.size();
  }

  snapshot(): EngineSnapshot {
    return buildSnapshot({
      now: this.deps.clock.now(),
      mode: this.deps.gateway.kind,
      source: this.deps.source,
      runs: this.runs,
      marketData: this.deps.marketData,
      state: this.deps.store.state(),
      orders: this.orders.tracker.all(),
      gatewayOrders: this.deps.gateway.openOrders(),
      risk: this.risk,
      limits: riskLimitsFrom(this.deps.settings.risk),
      journal: this.journal,
      paused: this.paused,
      params: this.params,
      rewards: this.rewards,
    });
  }

  subscribe(listener: () => void): () => void {
    this.snapshotListeners.add(listener);
    return () => this.snapshotListeners.delete(listener);
  }

  command(cmd: EngineCommand): Promise<CommandResult> {
    return runEngineCommand(cmd, {
      risk: this.risk,
      equity: () => this.equity(),
      params: this.params,
      setParams: (p) => (this.params = p),
      setPaused: (p) => (this.paused = p),
      requestAll: () => this.requestAll(),
      stop: () => this.stop(),
    });
  }

  private emit(event: EngineEvent): void {
    this.journal.record(event);
    for (const l of this.listeners) l(event);
  }

  private equity(): number {
    const state = this.deps.store.state();
    return value(state.portfolio, marksOf(this.deps.marketData, this.tokenIds)).equity;
  }

  private onNotice(n: MarketDataNotice): void {
    switch (n.type) {
      case "delta": {
        const run = n.topChanged ? this.byToken.get(n.tokenId) : undefined;
        if (run) this.requoter.bookMoved(run);
        return;
      }
      case "tick_size": {
        const run = this.byToken.get(n.tokenId);
        if (run) run.info = { ...run.info, tickSize: n.newTickSize };
        this.requestToken(n.tokenId);
        return;
      }
      case "snapshot": {
        // A stream book moves the book like a delta (a book coming back also sends "sync"); a REST book changes the source.
        const run = this.byToken.get(n.tokenId);
        if (run && n.source === "ws") this.requoter.bookMoved(run);
        else if (run) this.request(run);
        return;
      }
      case "sync":
        this.requestToken(n.tokenId);
        return;
      case "trade": {
        const run = this.byToken.get(n.tokenId);
        if (run) run.notePrice(n.tokenId === run.info.yesTokenId ? n.price : mirror(n.price));
        return;
      }
      case "resolved": {
        const run = this.byId.get(n.conditionId);
        if (!run || run.resolved) return;
        run.resolved = true;
        this.deps.store.recordResolution(n.conditionId, n.winningTokenId);
        this.risk.updateGate(run.info, true);
        this.request(run);
        return;
      }
      case "feed_state":
        this.requestAll();
        return;
    }
  }

  private onGatewayEvent(e: GatewayEvent): void {
    const out = this.orders.onGatewayEvent(e);
    if (out.inventoryChanged) this.risk.evaluate(this.equity());
    const run = out.market ? this.byId.get(out.market) : undefined;
    if (run) this.request(run);
  }

  private requestToken(tokenId: string): void {
    const run = this.byToken.get(tokenId);
    if (run) this.request(run);
  }

  private requestAll(): void {
    for (const run of this.runs) this.request(run);
  }

  private request(run: MarketRun): void {
    this.requoter.request(run);
  }

  /** Periodic: risk limits, market gates, marks and equity, and books that went stale without a notice. */
  private watch(): void {
    const { clock, store, marketData } = this.deps;
    const now = clock.now();
    const tokens = this.tokenIds;
    const marks = marksOf(marketData, tokens);
    for (const t of tokens) if (marks[t].mid !== null) store.updateMark(t, marks[t], now);
    if (now - this.lastEquitySample >= 5000) {
      this.lastEquitySample = now;
      store.sampleEquity(now);
      store.noteOrders(this.deps.gateway.openOrders());
    }
    store.setRewardPerDay(this.rewards.refresh(this.runs, marketData, this.orders.tracker.all(), this.deps.gateway.kind === "live"));
    this.risk.evaluate(value(store.state().portfolio, marks).equity);
    for (const run of this.runs) {
      if (this.risk.updateGate(run.info, run.resolved)) this.request(run);
      else if (this.orders.tracker.forMarket(run.id).length > 0 && this.requoter.pullReason(run) !== null) this.request(run);
    }
    for (const l of this.snapshotListeners) l();
  }
}
