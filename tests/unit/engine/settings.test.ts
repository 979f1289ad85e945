import { describe, expect, it } from "vitest";
import { loadSettings } from "../../../src/cli/config.js";

describe("strategy, risk and orders settings", () => {
  it("load from config/default.json", () => {
    const s = loadSettings();
    expect(s.strategy.levels).toBeGreaterThanOrEqual(1);
    expect(s.orders.batchSize).toBeLessThanOrEqual(15);
    expect(s.risk.errorCooldownPerMinute).toBeLessThanOrEqual(s.risk.errorKillPerMinute);
  });
  it("stop start-up naming the field, the value and the allowed range", () => {
    expect(() => loadSettings({ sets: ["strategy.halfSpreadTicks=0.3"] })).toThrow(/strategy\.halfSpreadTicks = 0\.3: .*(0\.5|multiple)/);
    expect(() => loadSettings({ sets: ["orders.batchSize=16"] })).toThrow(/orders\.batchSize = 16: .*15/);
    expect(() => loadSettings({ sets: ["strategy.fairValue=\"vwap\""] })).toThrow(/strategy\.fairValue = "vwap"/);
    expect(() => loadSettings({ sets: ["strategy.minPrice=0.9", "strategy.maxPrice=0.5"] })).toThrow(/strategy\.maxPrice = 0\.5: must be above strategy\.minPrice/);
    expect(() => loadSettings({ sets: ["risk.errorKillPerMinute=2"] })).toThrow(/risk\.errorKillPerMinute = 2/);
  });
});
