// The engine on a fake clock over a gateway that refuses orders during a 425 window: transient refusals are no errors, and retries stay throttled.
import { describe, expect, it } from "vitest";
import { FakeClock } from "../../../src/adapters/clock/fake-clock.js";
import { DryRunGateway } from "../../../src/adapters/gateway/dry-run/dry-run-gateway.js";
import { loadSettings } from "../../../src/cli/config.js";
import { createEngine } from "../../../src/engine/engine.js";
import type { GatewayEvent, OrderGateway, OrderRequest, PlaceResult } from "../../../src/ports/order-gateway.js";
import type { Logger } from "../../../src/ports/logger.js";
import { market } from "../quoting/market-fixture.js";
import { FakeMarketData, MemoryStore } from "../engine/fakes.js";

const T0 = Date.parse("2026-03-02T12:00:00Z");
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const WINDOW_MS = 90_000;
const MIN_REQUOTE_MS = 250;

/** The dry-run gateway behind a restart window: while it is open every place is refused, as the live gateway does. */
function restarting(inner: OrderGateway, clock: FakeClock, windowEnd: () => number, transient: boolean) {
  const listeners = new Set<(e: GatewayEvent) => void>();
  inner.onEvent((e) => {
    for (const l of listeners) l(e);
  });
  const refused: OrderRequest[] = [];
  const gateway: OrderGateway = {
    kind: "live",
    async place(orders): Promise<PlaceResult[]> {
      if (clock.now() >= windowEnd()) return inner.place(orders);
      const reason = "post orders: exchange restarting (HTTP 425); backing off 1000 ms";
      refused.push(...orders);
      for (const o of orders) for (const l of listeners) l({ type: "rejected", clientId: o.clientId, reason, ts: clock.now(), transient });
      return orders.map((o) => ({ clientId: o.clientId, ok: false, reason, transient }));
    },
    cancel: (ids) => inner.cancel(ids),
    cancelAll: () => inner.cancelAll(),
    openOrders: () => inner.openOrders(),
    onEvent(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: () => inner.close(),
  };
  return { gateway, refused };
}

async function session(transient: boolean) {
  const clock = new FakeClock(T0);
  const md = new FakeMarketData(clock);
  const store = new MemoryStore(10_000_000_000, clock);
  const settings = loadSettings({
    sets: ["strategy.placement=target", "strategy.levels=1", "strategy.skewRiskFactor=0", "strategy.fairValue=midpoint", "strategy.halfSpreadTicks=2",
      `orders.minRequoteIntervalMs=${MIN_REQUOTE_MS}`, "risk.errorCooldownPerMinute=3", "risk.errorKillPerMinute=5"],
  });
  const dry = new DryRunGateway({
    clock,
    books: md,
    account: { cash: () => store.state().portfolio.cash, shares: (t) => store.state().portfolio.positions[t]?.shares ?? 0 },
    settings: { entryLatencyMs: 50, cancelLatencyMs: 50, queueModel: "risk-averse", queueExponent: 2 },
  });
  md.onNotice((n) => dry.onNotice(n));
  const windowEnd = T0 + WINDOW_MS;
  const { gateway, refused } = restarting(dry, clock, () => windowEnd, transient);
  const engine = createEngine({ markets: [market()], settings, marketData: md, gateway, store, clock, logger: quiet, source: "test", watchMs: 100 });
  const states = new Set<string>();
  engine.onEvent((e) => {
    if (e.type === "risk") states.add(e.state);
  });
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
  };
  const run = async (ms: number, step = 50) => {
    for (let t = 0; t < ms; t += step) {
      clock.advance(step);
      await settle();
    }
  };
  await engine.start();
  md.setBook("111", "222", [[4800, 100], [4900, 50]], [[5200, 80], [5100, 60]], 100);
  return { engine, refused, states, run, dry };
}

describe("backoff rejections and the error-rate limit", () => {
  it("a 90 s restart window leaves the engine ACTIVE, retries at most once per requote interval, and quoting resumes after it", async () => {
    const s = await session(true);
    await s.run(WINDOW_MS - 1000);
    expect(s.engine.riskState()).toBe("ACTIVE");
    expect(s.states.has("REDUCING")).toBe(false);
    expect(s.refused.length).toBeGreaterThan(10); // it kept trying through the window...
    const perPair = WINDOW_MS / MIN_REQUOTE_MS;
    expect(s.refused.length).toBeLessThanOrEqual(2 * (perPair + 1)); // ...but never faster than the requote throttle (two quotes a requote)
    expect(s.engine.snapshot().risk.limits.find((l) => l.name === "errors")?.used).toBe(0);
    await s.run(3000);
    expect(s.engine.riskState()).toBe("ACTIVE");
    expect(s.dry.openOrders()).toHaveLength(2);
    expect(s.engine.openOrderCount()).toBe(2);
  });

  it("the same refusals without the transient flag do count: the error-rate limit trips", async () => {
    const s = await session(false);
    await s.run(10_000);
    expect(s.states.has("REDUCING") || s.states.has("HALTED")).toBe(true);
  });
});
