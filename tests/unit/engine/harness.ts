// Builds an engine on a fake clock over fake market data, an in-memory store and the real dry-run gateway.
import { FakeClock } from "../../../src/adapters/clock/fake-clock.js";
import { DryRunGateway } from "../../../src/adapters/gateway/dry-run/dry-run-gateway.js";
import { loadSettings } from "../../../src/cli/config.js";
import { createEngine, type Engine } from "../../../src/engine/engine.js";
import type { EngineEvent } from "../../../src/engine/engine-events.js";
import type { Logger } from "../../../src/ports/logger.js";
import type { MarketInfo } from "../../../src/domain/market.js";
import { market } from "../quoting/market-fixture.js";
import { FakeMarketData, MemoryStore, recording } from "./fakes.js";

export const T0 = Date.parse("2026-03-02T12:00:00Z");
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export interface Harness {
  clock: FakeClock;
  md: FakeMarketData;
  store: MemoryStore;
  gateway: ReturnType<typeof recording>;
  engine: Engine;
  events: EngineEvent[];
  /** Advances the fake clock in small steps, letting promises settle between them. */
  run(ms: number, step?: number): Promise<void>;
}

const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
};

export function harness(sets: string[] = [], store?: MemoryStore, over: Partial<MarketInfo> = {}): Harness {
  const clock = new FakeClock(T0);
  const md = new FakeMarketData(clock);
  const st = store ?? new MemoryStore(10_000_000_000, clock);
  const settings = loadSettings({ sets: ["strategy.placement=target", "strategy.levels=1", "strategy.skewRiskFactor=0", "strategy.fairValue=midpoint", "strategy.halfSpreadTicks=2", ...sets] });
  const dry = new DryRunGateway({
    clock,
    books: md,
    account: { cash: () => st.state().portfolio.cash, shares: (t) => st.state().portfolio.positions[t]?.shares ?? 0 },
    settings: { entryLatencyMs: 50, cancelLatencyMs: 50, queueModel: "risk-averse", queueExponent: 2 },
  });
  md.onNotice((n) => dry.onNotice(n));
  const gateway = recording(dry);
  const engine = createEngine({ markets: [market(over)], settings, marketData: md, gateway, store: st, clock, logger: quiet, source: "test", watchMs: 100 });
  const events: EngineEvent[] = [];
  engine.onEvent((e) => events.push(e));
  return {
    clock,
    md,
    store: st,
    gateway,
    engine,
    events,
    async run(ms, step = 10) {
      await settle();
      for (let t = 0; t < ms; t += step) {
        clock.advance(Math.min(step, ms - t));
        await settle();
      }
    },
  };
}

/** A 0.01-tick book around 0.50: bids 0.48/0.49, asks 0.51/0.52. */
export function standardBook(h: Harness, shift = 0): void {
  h.md.setBook("111", "222", [[4800 + shift, 100], [4900 + shift, 50]], [[5200 + shift, 80], [5100 + shift, 60]], 100);
}
