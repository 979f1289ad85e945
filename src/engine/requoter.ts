// The requote loop of one market: pull at once when quoting is not allowed, else quote -> reconcile -> risk -> gateway, throttled.
import { computeQuotes } from "../domain/quoting/quote.js";
import type { QuoteParams } from "../domain/quoting/params.js";
import { reconcile } from "../domain/orders/reconcile.js";
import { checkOrder } from "../domain/risk/pre-trade.js";
import { addResting } from "../domain/risk/exposure.js";
import type { RiskLimits } from "../domain/risk/limits.js";
import type { OrdersSettings } from "../domain/settings/orders.js";
import type { Clock } from "../ports/clock.js";
import type { Logger } from "../ports/logger.js";
import type { MarketData } from "../ports/market-data.js";
import type { Store } from "../ports/store.js";
import type { MarketRun } from "./market-run.js";
import type { OrderManager } from "./order-manager.js";
import type { RiskManager } from "./risk-manager.js";
import { exposureOf, inventoryOf } from "./inventory.js";

export interface RequoterDeps {
  clock: Clock;
  logger: Logger;
  marketData: MarketData;
  store: Store;
  orders: OrderManager;
  risk: RiskManager;
  limits: RiskLimits;
  ordersSettings: OrdersSettings;
  params(): QuoteParams;
  paused(): boolean;
  stopped(): boolean;
}

export class Requoter {
  constructor(private readonly deps: RequoterDeps) {}

  /** Why a market must have no quotes now, or null. Pulling is never throttled. */
  pullReason(run: MarketRun): string | null {
    if (this.deps.stopped()) return "stopped";
    if (this.deps.risk.stateFor(run.id) === "HALTED") return this.deps.risk.halted() ? `halted: ${this.deps.risk.reason ?? ""}` : "market resolved or closed";
    if (this.deps.paused()) return "paused";
    for (const t of run.tokens()) {
      const q = this.deps.marketData.quotable(t);
      if (!q.ok) return `feed: ${q.reason ?? "not quotable"}`;
    }
    return null;
  }

  request(run: MarketRun): void {
    if (this.deps.stopped()) return;
    const pull = this.pullReason(run);
    if (pull !== null) {
      run.status = pull;
      void this.deps.orders.cancelMarket(run.id);
      return;
    }
    if (run.timer) return;
    run.timer = this.deps.clock.setTimeout(() => {
      run.timer = null;
      void this.requote(run);
    }, run.throttle.waitMs(this.deps.clock.now()));
  }

  /**
   * The book moved (a top change): a requote is due, and nothing about quotability changed (that comes with sync and
   * feed-state notices, risk changes and the engine's watch, which call request). With a requote already pending there is
   * nothing to do: it checks pullReason again before quoting. Under a flood of deltas this skips most pull checks.
   */
  bookMoved(run: MarketRun): void {
    if (run.timer === null) this.request(run);
  }

  private async requote(run: MarketRun): Promise<void> {
    if (run.busy) {
      run.again = true;
      return;
    }
    run.busy = true;
    try {
      await this.requoteOnce(run);
    } catch (err) {
      this.deps.logger.error(`requote of ${run.info.slug} failed: ${(err as Error).message}`);
    } finally {
      run.busy = false;
    }
    if (run.again) {
      run.again = false;
      this.request(run);
    }
  }

  private async requoteOnce(run: MarketRun): Promise<void> {
    const pull = this.pullReason(run);
    if (pull !== null) {
      run.status = pull;
      await this.deps.orders.cancelMarket(run.id);
      return;
    }
    const { clock, marketData, store } = this.deps;
    const now = clock.now();
    const yes = marketData.book(run.info.yesTokenId);
    if (!yes) return;
    const state = this.deps.risk.stateFor(run.id);
    const portfolio = store.state().portfolio;
    const result = computeQuotes({
      market: run.info,
      yes,
      no: marketData.book(run.info.noTokenId),
      inventory: inventoryOf(portfolio, run.info),
      params: this.deps.params(),
      mode: state === "REDUCING" ? "reduce" : "normal",
      now,
    });
    run.fair = result.fair;
    run.status = result.reason;
    const plan = reconcile(result.orders, this.deps.orders.tracker.forMarket(run.id), this.deps.ordersSettings, now);
    if (plan.cancel.length === 0 && plan.place.length === 0) return;
    run.throttle.mark(now);
    const exposure = exposureOf(portfolio, run.info, this.deps.orders.tracker.all());
    const limits = this.deps.limits;
    const held = (tokenId: string): number => store.state().portfolio.positions[tokenId]?.shares ?? 0;
    const retryAt = await this.deps.orders.execute(run.info, plan, held, (d) => {
      const denial = checkOrder(d, { state: this.deps.risk.stateFor(run.id), exposure, fairYes: result.fair, limits });
      if (denial === null) addResting(exposure, d);
      return denial;
    });
    if (retryAt !== null && !run.timer && !this.deps.stopped()) {
      run.timer = clock.setTimeout(() => {
        run.timer = null;
        void this.requote(run);
      }, Math.max(0, retryAt - clock.now()));
    }
  }

}
