// Section 4, `loopback`: the embedded exchange (own process) streams over a real WebSocket on 127.0.0.1 into the engine, headless and
// with the dashboard rendering to a virtual 160x48 terminal: delivered msgs/s, exchange-timestamp-to-decision latency, loop delay, RSS.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { GammaCatalog } from "../adapters/polymarket/gamma-catalog.js";
import type { Settings } from "../domain/settings/schema.js";
import { startExchangeChild } from "./exchange-child.js";
import { openLoopbackSession } from "./loopback-session.js";
import { renderDashboard } from "./virtual-terminal.js";

export type LoopbackMode = "headless" | "dashboard";

export interface LoopbackOptions {
  /** Rates (msgs/s) asked of the exchange; the last one is "max": far above what the exchange can produce. */
  rates: number[];
  maxRate: number;
  markets: number;
  warmupMs: number;
  windowMs: number;
  seed: number;
  settings: Settings;
  log: (line: string) => void;
}

export interface LoopbackRun {
  mode: LoopbackMode;
  /** The rate asked of the exchange, or "max". */
  rate: number | "max";
  msgsPerSec: number;
  /** Exchange timestamp (whole ms, as Polymarket sends it) to the frame handled by feed and engine, us. */
  p50Us: number;
  p99Us: number;
  eventLoopDelayP99Ms: number;
  rssMb: number;
  heapUsedMb: number;
  /** Dashboard only: frames Ink wrote to the virtual terminal per second. */
  screenWritesPerSec: number | null;
  openOrders: number;
  /** The engine's risk state at the end of the window (ACTIVE unless a limit tripped). */
  risk: string;
  /** Feed reconnects during the run (the exchange drops a consumer that falls 16 MB behind, with 1013). */
  reconnects: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10;

export async function runLoopback(mode: LoopbackMode, rate: number | "max", o: LoopbackOptions): Promise<LoopbackRun> {
  const exchange = await startExchangeChild({ rate: rate === "max" ? o.maxRate : rate, markets: o.markets, seed: o.seed });
  try {
    const markets = await new GammaCatalog(exchange.urls.gamma).list({ limit: o.markets });
    if (markets.length === 0) throw new Error("the exchange listed no markets");
    const session = await openLoopbackSession(exchange.urls, markets, o.settings);
    const dashboard = mode === "dashboard" ? await renderDashboard(session.engine, markets, markets[0]) : null;
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    try {
      await sleep(o.warmupMs);
      session.resetWindow();
      loop.reset();
      const writes0 = dashboard?.stdout.writes ?? 0;
      const start = performance.now();
      await sleep(o.windowMs);
      const seconds = (performance.now() - start) / 1000;
      const frames = session.frames();
      const lat = session.latency().summary();
      const mem = process.memoryUsage();
      return {
        mode,
        rate,
        msgsPerSec: Math.round(frames / seconds),
        p50Us: lat.p50Us,
        p99Us: lat.p99Us,
        eventLoopDelayP99Ms: Math.round(loop.percentile(99) / 1e4) / 100,
        rssMb: mb(mem.rss),
        heapUsedMb: mb(mem.heapUsed),
        screenWritesPerSec: dashboard ? Math.round(((dashboard.stdout.writes - writes0) / seconds) * 10) / 10 : null,
        openOrders: session.engine.openOrderCount(),
        risk: session.engine.riskState(),
        reconnects: session.feed.health().reconnects,
      };
    } finally {
      loop.disable();
      try {
        await dashboard?.close();
      } finally {
        await session.close();
      }
    }
  } finally {
    await exchange.stop();
  }
}

/** Every rate, headless then with the dashboard, one fresh exchange and engine each. */
export async function runLoopbackSection(o: LoopbackOptions): Promise<LoopbackRun[]> {
  const runs: LoopbackRun[] = [];
  for (const mode of ["headless", "dashboard"] as const) {
    for (const rate of [...o.rates, "max" as const]) {
      const run = await runLoopback(mode, rate, o);
      o.log(
        `  ${mode.padEnd(9)} rate ${String(rate).padStart(6)}: ${String(run.msgsPerSec).padStart(7)} msgs/s, latency p50 ${run.p50Us} us p99 ${run.p99Us} us, ` +
          `loop delay p99 ${run.eventLoopDelayP99Ms} ms, RSS ${run.rssMb} MB, risk ${run.risk}, ${run.reconnects} reconnects${run.screenWritesPerSec === null ? "" : `, ${run.screenWritesPerSec} screen writes/s`}`,
      );
      runs.push(run);
    }
  }
  return runs;
}
