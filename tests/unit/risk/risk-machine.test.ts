import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { initialRisk, transition, type RiskEvent, type RiskMachineState } from "../../../src/domain/risk/risk-machine.js";
import { checkOrder } from "../../../src/domain/risk/pre-trade.js";
import { exposure, limits, USD } from "./risk-fixture.js";

const L = limits();
const T0 = Date.parse("2026-01-01T10:00:00Z");
const run = (m: RiskMachineState, ...events: RiskEvent[]) => events.reduce((acc, e) => transition(acc.machine, e, L), { machine: m, effects: [] as ReturnType<typeof transition>["effects"] });

describe("risk machine", () => {
  it("the kill switch halts at once, cancels all and persists the latch", () => {
    const r = transition(initialRisk(null), { type: "kill", kind: "user", reason: "user pressed k", now: T0 }, L);
    expect(r.machine.state).toBe("HALTED");
    expect(r.machine.latch).toEqual({ kind: "user", reason: "user pressed k", at: T0 });
    expect(r.effects.map((e) => e.type)).toEqual(["cancel_all", "persist", "changed"]);
  });
  it("a restart from a persisted latch comes back HALTED", () => {
    const m = initialRisk({ kind: "user", reason: "mm kill", at: T0 });
    expect(m.state).toBe("HALTED");
    expect(m.reason).toBe("mm kill");
  });
  it("trips on the daily loss since 00:00 UTC, and the day rolls over", () => {
    const start = run(initialRisk(null), { type: "evaluate", equity: 1000 * USD, errorsPerMinute: 0, now: T0 });
    const lost = run(start.machine, { type: "evaluate", equity: 900 * USD, errorsPerMinute: 0, now: T0 + 1000 });
    expect(lost.machine.state).toBe("HALTED");
    expect(lost.machine.latch?.kind).toBe("daily_loss");
    const nextDay = run(start.machine, { type: "evaluate", equity: 950 * USD, errorsPerMinute: 0, now: T0 + 86_400_000 }, { type: "evaluate", equity: 900 * USD, errorsPerMinute: 0, now: T0 + 86_400_000 + 1 });
    expect(nextDay.machine.state).toBe("ACTIVE");
  });
  it("trips on drawdown from peak equity across days", () => {
    const r = run(
      initialRisk(null),
      { type: "evaluate", equity: 1000 * USD, errorsPerMinute: 0, now: T0 },
      { type: "evaluate", equity: 1100 * USD, errorsPerMinute: 0, now: T0 + 86_400_000 },
      { type: "evaluate", equity: 1010 * USD, errorsPerMinute: 0, now: T0 + 2 * 86_400_000 },
      { type: "evaluate", equity: 950 * USD, errorsPerMinute: 0, now: T0 + 3 * 86_400_000 },
    );
    expect(r.machine.latch?.kind).toBe("drawdown");
  });
  it("reset refuses while a loss limit is still breached, unless forced; forced rebases the limits", () => {
    const lost = run(initialRisk(null), { type: "evaluate", equity: 1000 * USD, errorsPerMinute: 0, now: T0 }, { type: "evaluate", equity: 850 * USD, errorsPerMinute: 0, now: T0 + 1 });
    const refused = transition(lost.machine, { type: "reset", force: false, equity: 850 * USD, now: T0 + 2 }, L);
    expect(refused.machine.state).toBe("HALTED");
    expect(refused.effects[0]).toMatchObject({ type: "refused" });
    expect((refused.effects[0] as { message: string }).message).toMatch(/maxDailyLossUsd.*--force/);
    const forced = run(lost.machine, { type: "reset", force: true, equity: 850 * USD, now: T0 + 2 }, { type: "evaluate", equity: 840 * USD, errorsPerMinute: 0, now: T0 + 3 });
    expect(forced.machine.state).toBe("ACTIVE");
    expect(forced.machine.latch).toBeNull();
  });
  it("a user kill resets without force when no limit is breached", () => {
    const r = run(initialRisk(null), { type: "kill", kind: "user", reason: "k", now: T0 }, { type: "reset", force: false, equity: 0, now: T0 + 5 });
    expect(r.machine.state).toBe("ACTIVE");
  });
  it("an error burst starts a cooldown (REDUCING) that ends by itself; a bigger one kills", () => {
    const cool = run(initialRisk(null), { type: "evaluate", equity: 0, errorsPerMinute: 5, now: T0 });
    expect(cool.machine.state).toBe("REDUCING");
    const still = run(cool.machine, { type: "evaluate", equity: 0, errorsPerMinute: 0, now: T0 + 5_000 });
    expect(still.machine.state).toBe("REDUCING");
    const over = run(cool.machine, { type: "evaluate", equity: 0, errorsPerMinute: 0, now: T0 + 10_000 });
    expect(over.machine.state).toBe("ACTIVE");
    const kill = run(cool.machine, { type: "evaluate", equity: 0, errorsPerMinute: 20, now: T0 + 1 });
    expect(kill.machine.latch?.kind).toBe("error_rate");
  });

  it("after a kill, no event sequence short of a reset lets an order through", () => {
    const event: fc.Arbitrary<RiskEvent> = fc.oneof(
      fc.record({ type: fc.constant("evaluate" as const), equity: fc.integer({ min: 0, max: 5000 * USD }), errorsPerMinute: fc.integer({ min: 0, max: 40 }), now: fc.integer({ min: T0, max: T0 + 10 * 86_400_000 }) }),
      fc.record({ type: fc.constant("kill" as const), kind: fc.constantFrom("user" as const, "drawdown" as const), reason: fc.string(), now: fc.integer({ min: T0, max: T0 + 86_400_000 }) }),
    );
    const order = fc.record({ outcome: fc.constantFrom("YES" as const, "NO" as const), side: fc.constantFrom("BUY" as const, "SELL" as const), price: fc.integer({ min: 1, max: 9999 }), size: fc.integer({ min: 1, max: 1e9 }) });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), fc.array(order, { minLength: 1, maxLength: 5 }), (events, orders) => {
        let m = transition(initialRisk(null), { type: "kill", kind: "user", reason: "k", now: T0 }, L).machine;
        for (const e of events) {
          m = transition(m, e, L).machine;
          expect(m.state).toBe("HALTED");
          for (const o of orders) expect(checkOrder(o, { state: m.state, exposure: exposure({ yes: 1000, no: 1000 }), fairYes: o.price, limits: limits({ maxPositionShares: 1e15, maxPositionUsd: 1e15, maxTotalExposureUsd: 1e15, maxOrderShares: 1e15 }) })).toMatch(/halted/);
        }
      }),
    );
  });
});
