// Sweep grids and ordering, the replay socket's open/close rules, and the risk-state timer.
import { describe, expect, it } from "vitest";
import { ReplayLink } from "../../../src/backtest/replay-link.js";
import { RiskTimer } from "../../../src/backtest/metrics.js";
import { gridOf, parseSweeps, progressBar, sortRows, type SweepRow } from "../../../src/backtest/sweep.js";
import type { BacktestReport } from "../../../src/backtest/report.js";
import type { TransportHandlers } from "../../../src/ports/market-data.js";

describe("sweeps", () => {
  it("parses key=a,b,c flags and builds the grid, first axis slowest", () => {
    const axes = parseSweeps(["strategy.halfSpreadTicks=1,2", "strategy.orderSize=5,10,20"]);
    expect(gridOf(axes)).toHaveLength(6);
    expect(gridOf(axes).slice(0, 2)).toEqual([
      { "strategy.halfSpreadTicks": "1", "strategy.orderSize": "5" },
      { "strategy.halfSpreadTicks": "1", "strategy.orderSize": "10" },
    ]);
  });

  it("rejects malformed or repeated keys with the fix", () => {
    expect(() => parseSweeps(["strategy.orderSize"])).toThrow("expected key=a,b,c");
    expect(() => parseSweeps(["strategy.orderSize=1,,2"])).toThrow("expected key=a,b,c");
    expect(() => parseSweeps(["a=1", "a=2"])).toThrow("list all its values in one flag");
  });

  it("sorts rows by total P&L, best first, ties in grid order", () => {
    const row = (id: string, total: string): SweepRow => ({ params: { id }, report: { pnl: { total } } as BacktestReport });
    expect(sortRows([row("a", "-1.5"), row("b", "2"), row("c", "0.25"), row("d", "2")]).map((r) => r.params.id)).toEqual(["b", "d", "c", "a"]);
    expect(sortRows([row("a", "-1.5"), row("b", "-0.05"), row("c", "-20")]).map((r) => r.params.id)).toEqual(["b", "a", "c"]);
  });

  it("draws a progress bar", () => {
    expect(progressBar(1, 4, 8)).toBe("[##......] 1/4");
    expect(progressBar(4, 4, 8)).toBe("[########] 4/4");
  });
});

function handlers(log: string[]): TransportHandlers {
  return { onOpen: () => log.push("open"), onText: (t) => log.push(`text:${t}`), onClose: (c) => log.push(`close:${c}`), onError: (m) => log.push(`error:${m}`) };
}

describe("ReplayLink", () => {
  it("without marks, opens each connect at once and drops nothing while open", async () => {
    const link = new ReplayLink(false);
    const log: string[] = [];
    link.transport("replay", handlers(log));
    expect(link.deliver("a")).toBe(false);
    await Promise.resolve();
    expect(link.deliver("b")).toBe(true);
    expect(log).toEqual(["open", "text:b"]);
    expect(link.dropped).toBe(1);
  });

  it("with marks, opens only at an open mark and stays down after a close until the next", () => {
    const link = new ReplayLink(true);
    const log: string[] = [];
    const t = link.transport("replay", handlers(log));
    link.deliver("lost");
    link.opened();
    link.deliver("x");
    link.closed(1006, "drop");
    link.deliver("lost too");
    t.close(1000, "bye");
    link.transport("replay", handlers(log));
    link.opened();
    link.failed("ECONNRESET");
    expect(log).toEqual(["open", "text:x", "close:1006", "open", "error:ECONNRESET"]);
    expect(link.dropped).toBe(2);
  });
});

describe("RiskTimer", () => {
  it("splits time between the global risk states and ignores market gates", () => {
    const r = new RiskTimer(1000);
    r.onEvent({ type: "risk", state: "REDUCING", reason: "near end", market: "slug", ts: 1500 });
    r.onEvent({ type: "risk", state: "REDUCING", reason: "loss", market: null, ts: 2000 });
    r.onEvent({ type: "risk", state: "HALTED", reason: "kill", market: null, ts: 2500 });
    r.close(4000);
    expect(r.ms).toEqual({ ACTIVE: 1000, REDUCING: 500, HALTED: 1500 });
  });
});
