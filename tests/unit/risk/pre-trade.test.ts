import { describe, expect, it } from "vitest";
import { checkOrder, type PreTradeContext } from "../../../src/domain/risk/pre-trade.js";
import { addResting } from "../../../src/domain/risk/exposure.js";
import { effectiveState, marketGate } from "../../../src/domain/risk/risk-state.js";
import { exposure, limits, SH } from "./risk-fixture.js";
import { market } from "../quoting/market-fixture.js";

const ctx = (over: Partial<PreTradeContext> = {}): PreTradeContext => ({ state: "ACTIVE", exposure: exposure(), fairYes: 5000, limits: limits(), ...over });
const buyYes = (price: number, size: number) => ({ outcome: "YES" as const, side: "BUY" as const, price, size: size * SH });

describe("checkOrder", () => {
  it("lets a plain order through", () => {
    expect(checkOrder(buyYes(4900, 10), ctx())).toBeNull();
  });
  it("denies every order when halted", () => {
    expect(checkOrder(buyYes(4900, 10), ctx({ state: "HALTED" }))).toMatch(/halted/);
    expect(checkOrder({ outcome: "YES", side: "SELL", price: 5100, size: 5 * SH }, ctx({ state: "HALTED", exposure: exposure({ yes: 10 }) }))).toMatch(/halted/);
  });
  it("names the limit an order would break", () => {
    expect(checkOrder(buyYes(4900, 60), ctx())).toMatch(/maxOrderShares/);
    expect(checkOrder(buyYes(3000, 10), ctx())).toMatch(/maxPriceDeviationCents/);
    expect(checkOrder({ outcome: "NO", side: "BUY", price: 7000, size: 10 * SH }, ctx())).toMatch(/maxPriceDeviationCents/);
    expect(checkOrder(buyYes(4900, 30), ctx({ exposure: exposure({ yes: 80 }) }))).toMatch(/maxPositionShares/);
    expect(checkOrder(buyYes(4900, 50), ctx({ exposure: exposure({ yes: 30 }), limits: limits({ maxPositionUsd: 30_000_000 }) }))).toMatch(/maxPositionUsd/);
    expect(checkOrder(buyYes(4900, 10), ctx({ exposure: { ...exposure(), totalUsd: 78_000_000 } }))).toMatch(/maxTotalExposureUsd/);
    expect(checkOrder({ outcome: "YES", side: "SELL", price: 5100, size: 10 * SH }, ctx({ exposure: exposure({ yes: 5 }) }))).toMatch(/no shorting/);
    expect(checkOrder(buyYes(4900, 10), ctx({ fairYes: null }))).toMatch(/fair value/);
  });
  it("counts resting orders, so a batch is checked cumulatively", () => {
    const e = exposure({ yes: 50 });
    addResting(e, buyYes(4900, 40));
    expect(checkOrder(buyYes(4900, 20), ctx({ exposure: e, limits: limits({ maxPositionUsd: 1000 * SH, maxTotalExposureUsd: 1000 * SH }) }))).toMatch(/maxPositionShares/);
  });
  it("in REDUCING allows only orders that shrink net inventory without flipping it", () => {
    const long = exposure({ yes: 20 });
    const reducing = (e = long) => ctx({ state: "REDUCING", exposure: e });
    expect(checkOrder(buyYes(4900, 10), reducing())).toMatch(/grow inventory/);
    expect(checkOrder({ outcome: "YES", side: "SELL", price: 5100, size: 10 * SH }, reducing())).toBeNull();
    expect(checkOrder({ outcome: "NO", side: "BUY", price: 4900, size: 10 * SH }, reducing())).toBeNull();
    expect(checkOrder({ outcome: "NO", side: "BUY", price: 4900, size: 30 * SH }, reducing())).toMatch(/flip/);
    expect(checkOrder(buyYes(4900, 5), reducing(exposure()))).toMatch(/grow inventory/);
  });
});

describe("marketGate / effectiveState", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  it("reduces near the end date and stops once resolved", () => {
    const soon = market({ endDate: new Date(now + 600_000).toISOString() });
    expect(marketGate(soon, false, 3_600_000, now).mode).toBe("reduce");
    expect(marketGate(market(), false, 3_600_000, now).mode).toBe("normal");
    expect(marketGate(market(), true, 3_600_000, now).mode).toBe("stop");
    expect(effectiveState("ACTIVE", marketGate(soon, false, 3_600_000, now))).toBe("REDUCING");
    expect(effectiveState("HALTED", marketGate(market(), false, 0, now))).toBe("HALTED");
    expect(effectiveState("ACTIVE", marketGate(market(), true, 0, now))).toBe("HALTED");
  });
});
