// Post-only orders refused because the book moved before they arrived are normal market making: transient, not errors.
import { describe, expect, it } from "vitest";
import { FakeClock } from "../../../src/adapters/clock/fake-clock.js";
import { DryRunGateway } from "../../../src/adapters/gateway/dry-run/dry-run-gateway.js";
import { classifyError, isPostOnlyCross } from "../../../src/adapters/gateway/live/error-policy.js";
import type { DryRunBooks } from "../../../src/adapters/gateway/dry-run/dry-run-inputs.js";
import { loadSettings } from "../../../src/cli/config.js";
import { createEngine } from "../../../src/engine/engine.js";
import type { GatewayEvent } from "../../../src/ports/order-gateway.js";
import type { Logger } from "../../../src/ports/logger.js";
import { market } from "../quoting/market-fixture.js";
import { FakeMarketData, MemoryStore } from "./fakes.js";

const T0 = Date.parse("2026-03-02T12:00:00Z");
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** Run with `moved`: by the time an order arrives, the book has jumped through every quote (a crossed 0.99 / 0.01 book). */
async function session(moved: boolean) {
  const clock = new FakeClock(T0);
  const md = new FakeMarketData(clock);
  const store = new MemoryStore(10_000_000_000, clock);
  const settings = loadSettings({
    sets: ["strategy.placement=target", "strategy.levels=1", "strategy.skewRiskFactor=0", "strategy.fairValue=midpoint", "strategy.halfSpreadTicks=2",
      "orders.minRequoteIntervalMs=250", "risk.errorCooldownPerMinute=3", "risk.errorKillPerMinute=5"],
  });
  const jumped = { bestBid: () => 9900, bestAsk: () => 100, sizeAt: () => 1_000_000, depth: () => [] };
  const books: DryRunBooks = { book: (token) => (moved ? jumped : md.book(token)) };
  const dry = new DryRunGateway({
    clock,
    books,
    account: { cash: () => store.state().portfolio.cash, shares: (t) => store.state().portfolio.positions[t]?.shares ?? 0 },
    settings: { entryLatencyMs: 50, cancelLatencyMs: 50, queueModel: "risk-averse", queueExponent: 2 },
  });
  const rejected: Extract<GatewayEvent, { type: "rejected" }>[] = [];
  dry.onEvent((e) => {
    if (e.type === "rejected") rejected.push(e);
  });
  md.onNotice((n) => dry.onNotice(n));
  const engine = createEngine({ markets: [market()], settings, marketData: md, gateway: dry, store, clock, logger: quiet, source: "test", watchMs: 100 });
  const states = new Set<string>();
  engine.onEvent((e) => {
    if (e.type === "risk") states.add(e.state);
  });
  await engine.start();
  md.setBook("111", "222", [[4800, 100], [4900, 50]], [[5200, 80], [5100, 60]], 100);
  for (let t = 0; t < 20_000; t += 50) {
    clock.advance(50);
    for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
  }
  return { engine, rejected, states };
}

describe("post-only rejections", () => {
  it("the dry-run gateway marks a post-only order that crosses on arrival transient, and the engine stays ACTIVE with no errors", async () => {
    const s = await session(true);
    expect(s.rejected.length).toBeGreaterThan(10); // far past the limits of 3 (cooldown) and 5 (kill) errors a minute
    for (const r of s.rejected) expect(r).toMatchObject({ reason: expect.stringContaining("INVALID_POST_ONLY_ORDER"), transient: true });
    expect(s.engine.riskState()).toBe("ACTIVE");
    expect(s.states.has("REDUCING") || s.states.has("HALTED")).toBe(false);
    expect(s.engine.snapshot().risk.limits.find((l) => l.name === "errors")?.used).toBe(0);
  });

  it("with the book where it was, the same session places orders and sees no rejection (the refusals above come from the move)", async () => {
    const s = await session(false);
    expect(s.rejected).toEqual([]);
    expect(s.engine.openOrderCount()).toBeGreaterThan(0);
  });

  it("the live gateway's policy: a crossing post-only GTC/GTD refusal is no error, a post-only FOK/FAK or another refusal is", () => {
    const cross = classifyError({ status: 400, message: "INVALID_POST_ONLY_ORDER: order crosses book" });
    expect(isPostOnlyCross(cross, { postOnly: true, type: "GTC" })).toBe(true);
    expect(isPostOnlyCross(cross, { postOnly: true, type: "GTD" })).toBe(true);
    expect(isPostOnlyCross(cross, { postOnly: true, type: "FOK" })).toBe(false);
    expect(isPostOnlyCross(classifyError({ status: 400, message: "not enough balance / allowance" }), { postOnly: true, type: "GTC" })).toBe(false);
  });
});
