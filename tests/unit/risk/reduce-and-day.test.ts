// REDUCING never lets a batch flip the position, and the daily loss rebases exactly at 00:00 UTC (not a ms before).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkOrder } from "../../../src/domain/risk/pre-trade.js";
import { addResting, netDelta, netYes } from "../../../src/domain/risk/exposure.js";
import { initialRisk, transition } from "../../../src/domain/risk/risk-machine.js";
import { exposure, limits, SH, USD } from "./risk-fixture.js";

describe("REDUCING and the day boundary", () => {
  it("a batch approved order by order in REDUCING can only move net toward zero, never past it (property)", () => {
    const order = fc.record({ outcome: fc.constantFrom("YES" as const, "NO" as const), side: fc.constantFrom("BUY" as const, "SELL" as const), price: fc.integer({ min: 4100, max: 5900 }), size: fc.integer({ min: 1, max: 40 * SH }) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.array(order, { maxLength: 12 }), (yes, no, batch) => {
        const m = exposure({ yes, no });
        const net = netYes(m);
        let after = net;
        for (const o of batch) {
          if (checkOrder(o, { state: "REDUCING", exposure: m, fairYes: 5000, limits: limits() }) !== null) continue;
          addResting(m, o);
          after += netDelta(o);
        }
        expect(Math.abs(after)).toBeLessThanOrEqual(Math.abs(net));
        expect(after * net).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("the daily loss counts from the first equity seen at or after 00:00 UTC", () => {
    const midnight = Date.parse("2026-03-02T00:00:00Z");
    let m = transition(initialRisk(null), { type: "evaluate", equity: 1_000 * USD, errorsPerMinute: 0, now: midnight - 3_600_000 }, limits()).machine;
    m = transition(m, { type: "evaluate", equity: 920 * USD, errorsPerMinute: 0, now: midnight - 1 }, limits()).machine;
    expect(m.dayStartEquity).toBe(1_000 * USD);
    m = transition(m, { type: "evaluate", equity: 910 * USD, errorsPerMinute: 0, now: midnight }, limits()).machine;
    expect(m.dayStartEquity).toBe(910 * USD);
    const t = transition(m, { type: "evaluate", equity: 810 * USD, errorsPerMinute: 0, now: midnight + 1 }, limits());
    expect(t.machine.state).toBe("HALTED");
    expect(t.machine.latch?.kind).toBe("daily_loss");
  });
});
