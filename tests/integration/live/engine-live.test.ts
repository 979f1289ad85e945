// The engine over the live gateway on the embedded exchange: a 425 restart window does not trip the kill switch, and the account's cash is the exchange's.
import { afterEach, describe, expect, it } from "vitest";
import { Wallet } from "ethers";
import { startExchange, type Exchange } from "../../../src/sim/exchange.js";
import { systemClock } from "../../../src/adapters/clock/system-clock.js";
import { parseCredentials } from "../../../src/adapters/secrets/credentials.js";
import { createLiveGateway } from "../../../src/adapters/gateway/live/create-live-gateway.js";
import type { LiveGateway } from "../../../src/adapters/gateway/live/live-gateway.js";
import { MemoryStore } from "../../../src/backtest/memory-store.js";
import { createMarketFeed } from "../../../src/cli/market-data-factory.js";
import { loadSettings } from "../../../src/cli/config.js";
import { createEngine, type Engine } from "../../../src/engine/engine.js";
import type { EngineEvent } from "../../../src/engine/engine-events.js";
import { FAST_TIMING, captureLogger, marketInfo, taker, takerBuy, until } from "./helpers.js";

interface Rig {
  ex: Exchange;
  gw: LiveGateway;
  engine: Engine;
  store: MemoryStore;
  events: EngineEvent[];
  apiKey: string;
}

let rig: Rig | null = null;
afterEach(async () => {
  if (!rig) return;
  await rig.engine.stop();
  await rig.gw.close();
  await rig.ex.close();
  rig = null;
});

/** An engine quoting one market live on a fresh embedded exchange; the ledger opens with a dry-run balance of $1,234. */
async function start(before: (ex: Exchange) => void = () => undefined): Promise<Rig> {
  const ex = await startExchange({ port: 0, seed: 5, markets: 2, rate: 20, trading: { minedDelayMs: 50, confirmedDelayMs: 50 } });
  const m = [...ex.markets()].sort((a, b) => Date.parse(b.endDate) - Date.parse(a.endDate))[0];
  const market = marketInfo(m);
  const settings = loadSettings({ sets: ["strategy.levels=1", "risk.errorCooldownPerMinute=2", "risk.errorKillPerMinute=4", "orders.minRequoteIntervalMs=100", "live.backoffBaseMs=200", "live.backoffMaxMs=800", "live.postOnlyWindowMs=500"] });
  const clock = systemClock();
  const log = captureLogger();
  const gw = await createLiveGateway({
    clobUrl: ex.urls.clob, wsUrl: ex.urls.ws, credentials: parseCredentials({ PRIVATE_KEY: Wallet.createRandom().privateKey }),
    settings: settings.live, timing: FAST_TIMING, markets: [market], clock, logger: log.logger,
  });
  const store = new MemoryStore(1_234_000_000, clock, 100);
  const feed = createMarketFeed(ex.urls, settings.feed, { clock });
  const engine = createEngine({ markets: [market], settings, marketData: feed, gateway: gw, store, clock, logger: log.logger, source: ex.urls.clob, watchMs: 100 });
  const events: EngineEvent[] = [];
  engine.onEvent((e) => events.push(e));
  before(ex);
  await engine.start();
  rig = { ex, gw, engine, store, events, apiKey: gw.tradeContext().apiKey };
  return rig;
}

const onExchange = (r: Rig) => r.ex.engine.openOrders(r.apiKey).length;

describe("the engine trading live on the embedded exchange", () => {
  it("stays ACTIVE through a 425 restart window and quotes again after it", async () => {
    // The window opens as the engine starts: its first quotes meet the 425, then the gateway's backoff refuses them locally.
    const r = await start((ex) => ex.admin.httpError(425, 2000));
    await until(() => r.events.some((e) => e.type === "order" && e.action === "rejected" && /425|backing off/.test(e.reason ?? "")), "a backoff refusal", 10_000);
    const refusedBefore = r.events.filter((e) => e.type === "order" && e.action === "rejected").length;
    await new Promise((res) => setTimeout(res, 2500));
    expect(r.engine.riskState()).toBe("ACTIVE");
    expect(r.events.some((e) => e.type === "risk" && e.state !== "ACTIVE")).toBe(false);
    expect(r.engine.snapshot().risk.limits.find((l) => l.name === "errors")?.used).toBe(0);
    const refused = r.events.filter((e) => e.type === "order" && e.action === "rejected").length;
    expect(refused).toBeLessThanOrEqual(refusedBefore + 2 * (2500 / 100 + 1)); // two quotes a requote, no faster than the requote interval
    await until(() => onExchange(r) >= 2 && r.engine.openOrderCount() >= 2, "quotes after the window", 10_000);
    expect(r.engine.riskState()).toBe("ACTIVE");
  });

  it("takes its cash from the exchange, and after a fill still equals the exchange's balance plus reserved collateral", async () => {
    const r = await start();
    expect(r.store.state().portfolio.cash).toBe(10_000_000_000); // the exchange's $10,000, not the dry-run $1,234
    await until(() => onExchange(r) >= 2, "live quotes", 15_000);
    const other = await taker(r.ex);
    for (let i = 0; i < 5 && !r.events.some((e) => e.type === "fill"); i++) {
      const mine = r.ex.engine.openOrders(r.apiKey).find((o) => o.side === "BUY");
      if (mine) {
        const meta = r.ex.markets().find((m) => m.meta.conditionId === mine.conditionId)!.meta;
        const isYes = mine.tokenId === meta.yesTokenId;
        // Our BUY rests on its token's bids: a taker sells into it by buying the mirror token at the complement.
        const yesPrice = isYes ? mine.price : 10_000 - mine.price;
        const book = r.ex.engine.book(mine.conditionId);
        const levels = isYes ? book.bids.levels.filter((l) => l.price >= yesPrice) : book.asks.levels.filter((l) => l.price <= yesPrice);
        const shares = Math.ceil(levels.reduce((n, l) => n + l.total, 0) / 10_000) / 100;
        if (isYes) await takerBuy(other, meta.noTokenId, (10_000 - yesPrice) / 10_000, shares);
        else await takerBuy(other, meta.yesTokenId, yesPrice / 10_000, shares);
      }
      await until(() => r.events.some((e) => e.type === "fill"), "a fill", 3000).catch(() => undefined);
    }
    expect(r.events.some((e) => e.type === "fill")).toBe(true);
    const settled = async () => {
      const c = r.ex.trading.accounts.collateral(r.apiKey);
      return Math.abs(r.engine.snapshot().pnl.cash - (c.available + c.reserved)) < 10_000;
    };
    await until(settled, "the engine's cash to match the exchange's", 5000);
    const c = r.ex.trading.accounts.collateral(r.apiKey);
    expect(c.balance).toBeLessThan(10_000_000_000);
    expect(Math.round(r.engine.snapshot().pnl.cash / 10_000)).toBe(Math.round((c.available + c.reserved) / 10_000));
    expect(await r.gw.checkBalance()).toMatchObject({ ok: true });
  });
});
