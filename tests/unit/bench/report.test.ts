// The --json figures: the loopback's dashboard-to-headless ratio at the maximum rate, and the target lines.
import { describe, expect, it } from "vitest";
import type { LoopbackRun } from "../../../src/bench/loopback.js";
import { loopbackFigures, targetLines } from "../../../src/bench/report.js";

const run = (mode: LoopbackRun["mode"], rate: LoopbackRun["rate"], msgsPerSec: number, loop = 5, repeat = 0, steal: number | null = 1.5): LoopbackRun => ({
  mode,
  rate,
  msgsPerSec,
  p50Us: 100,
  p99Us: 900,
  eventLoopDelayP99Ms: loop,
  eventLoopDelayMaxMs: loop * 2,
  cpuStealPct: steal,
  rssMb: 150,
  heapUsedMb: 40,
  screenWritesPerSec: mode === "dashboard" ? 5 : null,
  openOrders: 10,
  risk: "ACTIVE",
  reconnects: 0,
  repeat,
});

describe("loopbackFigures", () => {
  it("keys runs by mode and rate and divides the maximum-rate throughputs", () => {
    const f = loopbackFigures([run("headless", 1000, 1000), run("headless", "max", 5000), run("dashboard", 1000, 990), run("dashboard", "max", 4000)]);
    expect(f.dashboardToHeadless).toBe(0.8);
    expect((f.headless as Record<string, LoopbackRun>).r1000.msgsPerSec).toBe(1000);
    expect((f.dashboard as Record<string, LoopbackRun>).max.msgsPerSec).toBe(4000);
  });

  it("has no ratio without both maximum-rate runs", () => {
    expect(loopbackFigures([run("headless", "max", 5000)]).dashboardToHeadless).toBeNull();
  });

  it("pairs the maximum-rate runs by repeat and takes the median of the pairs' ratios", () => {
    const f = loopbackFigures([
      run("headless", "max", 20000, 5, 0, 2),
      run("dashboard", "max", 10000, 5, 0, 30),
      run("headless", "max", 25000, 5, 1),
      run("dashboard", "max", 22500, 5, 1),
      run("headless", "max", 20000, 5, 2),
      run("dashboard", "max", 19000, 5, 2),
    ]);
    expect(f.maxRatePairs).toEqual([
      { headless: 20000, dashboard: 10000, ratio: 0.5, cpuStealPct: { headless: 2, dashboard: 30 } },
      { headless: 25000, dashboard: 22500, ratio: 0.9, cpuStealPct: { headless: 1.5, dashboard: 1.5 } },
      { headless: 20000, dashboard: 19000, ratio: 0.95, cpuStealPct: { headless: 1.5, dashboard: 1.5 } },
    ]);
    expect(f.dashboardToHeadless).toBe(0.9);
    expect((f.headless as Record<string, LoopbackRun>).max.msgsPerSec).toBe(20000);
  });

  it("keys a rate by its first run and takes the loop delay as the median of the dashboard's runs at 5,000 msgs/s", () => {
    const f = loopbackFigures([run("headless", 5000, 5000, 2), run("dashboard", 5000, 4900, 30, 0, 25), run("dashboard", 5000, 4950, 4, 1), run("dashboard", 5000, 4990, 6, 2, null)]);
    expect((f.dashboard as Record<string, LoopbackRun>).r5000.msgsPerSec).toBe(4900);
    expect(f.loopDelay).toEqual({ mode: "dashboard", rate: 5000, p99MsRuns: [30, 4, 6], cpuStealPctRuns: [25, 1.5, null], medianP99Ms: 6 });
    expect(loopbackFigures([run("headless", 5000, 5000)]).loopDelay).toBeNull();
  });
});

describe("targetLines", () => {
  it("says which targets are met and which are missed", () => {
    const loopback = loopbackFigures([run("headless", "max", 5000), run("dashboard", 5000, 5000, 30), run("dashboard", "max", 3000)]);
    const lines = targetLines({ baseline: { p50Us: 4, p99Us: 70 }, book: { ratioToBaseline: 0.9 }, pipeline: { ratioToBaseline: 0.5, p99Us: 40 }, loopback, memory: { rssGrowthPct: 3 } });
    expect(lines).toEqual([
      "  book/baseline 0.9 (target >= 0.85): meets",
      "  pipeline/baseline 0.5 (target >= 0.6): MISSES",
      "  pipeline p99 40 us (target <= 50 us): meets",
      "    JSON.parse alone of the same frames: p50 4 us, p99 70 us; scaled to this machine (typical frame 4 us vs 2 us) the target is 100 us: meets",
      "  dashboard/headless at max rate, median of 1 pairs 0.6 (3000/5000 = 0.6) (target >= 0.8): MISSES",
      "  loop delay p99 at 5,000 msgs/s with the dashboard, median of 1 runs 30 ms (runs 30 ms; CPU steal 1.5%) (target <= 20 ms): MISSES",
      "  RSS growth minute 2 -> last 3% (target < 10%): meets",
    ]);
  });
});
