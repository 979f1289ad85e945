// REST reconciliation on start, after every reconnect and after doubtful posts: missed fills, vanished orders, and strays on the exchange.
import type { Clock } from "../../../ports/clock.js";
import type { Logger } from "../../../ports/logger.js";
import type { OpenOrder } from "../../../ports/order-gateway.js";
import type { ClobApi } from "./clob-client.js";
import type { RequestRunner } from "./request-runner.js";
import type { LiveGateway } from "./live-gateway.js";
import { orderFromRest, tradeFromRest } from "./wire.js";
import { redactor } from "../../secrets/redact.js";

/** Trades older than the session (minus this slack) were settled before this mm started. */
const TRADE_SLACK_S = 5;
const PLACING_WAIT_MS = 100;
const PLACING_WAIT_MAX = 50;

export class Reconciler {
  private running: Promise<void> | null = null;
  private again = false;
  private readonly sinceSec: number;

  constructor(
    private readonly gw: LiveGateway,
    private readonly api: ClobApi,
    private readonly runner: RequestRunner,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly adopt: boolean,
  ) {
    this.sinceSec = Math.floor(clock.now() / 1000) - TRADE_SLACK_S;
  }

  /** Runs a reconciliation; calls during one coalesce into one more run after it. */
  run(why: string): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.once(why);
        } catch (err) {
          this.logger.warn("reconciliation failed; it runs again on the next reconnect", { why, error: redactor.text((err as Error).message) });
        }
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async once(why: string): Promise<void> {
    // Orders still being posted would look like strays: wait for their answers first.
    for (let i = 0; i < PLACING_WAIT_MAX && this.gw.placing(); i++) await this.runner.sleep(PLACING_WAIT_MS);
    const trades = await this.runner.run("read trades", () => this.api.getTrades(), { idempotent: true, gated: false });
    for (const t of trades) {
      const e = tradeFromRest(t);
      if (e && e.matchTime >= this.sinceSec) this.gw.onUserEvent(e);
    }
    const asOf = this.clock.now();
    const remote = await this.runner.run("read open orders", () => this.api.getOpenOrders(), { idempotent: true, gated: false });
    const remoteIds = new Set<string>();
    const strays: string[] = [];
    for (const r of remote) {
      const e = orderFromRest(r);
      if (!e) continue;
      remoteIds.add(e.id);
      if (this.gw.knows(e.id)) {
        this.gw.onUserEvent({ ...e, orderType: "UPDATE" });
        continue;
      }
      const info = this.gw.tradeContext().tokenInfo(e.assetId);
      if (this.adopt && info) {
        const order: OpenOrder = { id: e.id, clientId: `adopted:${e.id}`, market: info.market, tokenId: e.assetId, outcome: info.outcome, side: e.side, price: e.price, size: e.originalSize, filled: e.sizeMatched, queueAhead: null, createdAt: e.timestamp };
        this.logger.warn("adopting an order found on the exchange", { id: e.id });
        this.gw.track(order);
      } else {
        strays.push(e.id);
      }
    }
    for (const o of this.gw.openOrders()) if (o.createdAt <= asOf && !remoteIds.has(o.id)) this.gw.forget(o.id, "no longer open on the exchange");
    if (strays.length > 0) {
      this.logger.warn(`${strays.length} order(s) on the exchange were not placed by this mm: cancelling them (set live.adoptUnknownOrders to keep them)`, { ids: strays, why });
      const res = await this.gw.cancel(strays);
      this.gw.reportStrays(res.canceled);
    }
    await this.gw.checkBalance();
  }

  /** After cancel-all: asks the exchange what is still open and cancels it, a few times if need be. */
  async sweep(): Promise<number> {
    for (let round = 0; round < 3; round++) {
      let left: string[];
      try {
        left = (await this.runner.run("read open orders", () => this.api.getOpenOrders(), { idempotent: true, gated: false })).map((o) => o.id);
      } catch (err) {
        this.logger.error("could not check that no order is left open", { error: redactor.text((err as Error).message) });
        return -1;
      }
      if (left.length === 0) return 0;
      await this.gw.cancel(left);
    }
    return this.gw.openOrders().length;
  }
}
