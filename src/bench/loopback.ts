// Section 4, `loopback`: the embedded exchange (own process) streams over a real WebSocket on 127.0.0.1 into the engine, headless and
// with the dashboard rendering to a virtual 160x48 terminal: delivered msgs/s, exchange-timestamp-to-decision latency, loop delay, RSS.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { GammaCatalog } from "../adapters/polymarket/gamma-catalog.js";
import type { Settings } from "../domain/settings/schema.js";
import { startStealMeter } from "./cpu-steal.js";
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
  /** Runs of each target's point (dashboard at 5,000 msgs/s; headless/dashboard pairs at the maximum rate): the figures are medians, as a shared VM's steal comes in bursts. */
  repeats: number;
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
  /** How late the loop ran a timer due every 10 ms, p99 and max, ms (the 10 ms it was due after is not delay). */
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  /** The machine's CPU time its hypervisor gave to other guests during the window, percent (null off Linux). */
  cpuStealPct: number | null;
  rssMb: number;
  heapUsedMb: number;
  /** Dashboard only: frames Ink wrote to the virtual terminal per second. */
  screenWritesPerSec: number | null;
  openOrders: number;
  /** The engine's risk state at the end of the window (ACTIVE unless a limit tripped). */
  risk: string;
  /** Feed reconnects during the run (the exchange drops a consumer that falls 16 MB behind, with 1013). */
  reconnects: number;
  /** 0 for a rate's first run; 1, 2, ... for the repeats of a target's point. */
  repeat: number;
}

/** monitorEventLoopDelay's sampling interval, ms: each sample is the time between two ticks, so this much of it is the schedule. */
const SAMPLE_MS = 10;
const lateMs = (nanos: number): number => Math.round(Math.max(0, nanos / 1e6 - SAMPLE_MS) * 100) / 100;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10;

export async function runLoopback(mode: LoopbackMode, rate: number | "max", o: LoopbackOptions, repeat = 0): Promise<LoopbackRun> {
  const exchange = await startExchangeChild({ rate: rate === "max" ? o.maxRate : rate, markets: o.markets, seed: o.seed });
  try {
    const markets = await new GammaCatalog(exchange.urls.gamma).list({ limit: o.markets });
    if (markets.length === 0) throw new Error("the exchange listed no markets");
    const session = await openLoopbackSession(exchange.urls, markets, o.settings);
    const dashboard = mode === "dashboard" ? await renderDashboard(session.engine, markets, markets[0]) : null;
    const loop = monitorEventLoopDelay({ resolution: SAMPLE_MS });
    loop.enable();
    try {
      await sleep(o.warmupMs);
      session.resetWindow();
      loop.reset();
      const steal = startStealMeter();
      const writes0 = dashboard?.stdout.writes ?? 0;
      const start = performance.now();
      await sleep(o.windowMs);
      const seconds = (performance.now() - start) / 1000;
      const cpuStealPct = steal.stop();
      const frames = session.frames();
      const lat = session.latency().summary();
      const mem = process.memoryUsage();
      return {
        mode,
        rate,
        msgsPerSec: Math.round(frames / seconds),
        p50Us: lat.p50Us,
        p99Us: lat.p99Us,
        eventLoopDelayP99Ms: lateMs(loop.percentile(99)),
        eventLoopDelayMaxMs: lateMs(loop.max),
        cpuStealPct,
        rssMb: mb(mem.rss),
        heapUsedMb: mb(mem.heapUsed),
        screenWritesPerSec: dashboard ? Math.round(((dashboard.stdout.writes - writes0) / seconds) * 10) / 10 : null,
        openOrders: session.engine.openOrderCount(),
        risk: session.engine.riskState(),
        reconnects: session.feed.health().reconnects,
        repeat,
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

/** The rate of the loop-delay target (with the dashboard). */
export const DELAY_RATE = 5_000;

const describeRun = (run: LoopbackRun): string =>
  `  ${run.mode.padEnd(9)} rate ${String(run.rate).padStart(6)}: ${String(run.msgsPerSec).padStart(7)} msgs/s, latency p50 ${run.p50Us} us p99 ${run.p99Us} us, ` +
  `loop delay p99 ${run.eventLoopDelayP99Ms} ms (max ${run.eventLoopDelayMaxMs}), CPU steal ${run.cpuStealPct ?? "n/a"}%, RSS ${run.rssMb} MB, risk ${run.risk}, ` +
  `${run.reconnects} reconnects${run.screenWritesPerSec === null ? "" : `, ${run.screenWritesPerSec} screen writes/s`}`;

/**
 * Every rate headless, then with the dashboard, one fresh exchange and engine each. The targets' points run o.repeats
 * times: the dashboard at 5,000 msgs/s, and the maximum rate as headless/dashboard pairs back to back (a pair meets
 * the same stretch of the machine's noise, so its ratio is fairer than that of two runs minutes apart).
 */
export async function runLoopbackSection(o: LoopbackOptions): Promise<LoopbackRun[]> {
  const runs: LoopbackRun[] = [];
  const repeats = Math.max(1, o.repeats);
  const one = async (mode: LoopbackMode, rate: number | "max", repeat: number): Promise<void> => {
    const run = await runLoopback(mode, rate, o, repeat);
    o.log(describeRun(run));
    runs.push(run);
  };
  for (const rate of o.rates) await one("headless", rate, 0);
  for (const rate of o.rates) for (let repeat = 0; repeat < (rate === DELAY_RATE ? repeats : 1); repeat++) await one("dashboard", rate, repeat);
  for (let repeat = 0; repeat < repeats; repeat++) {
    await one("headless", "max", repeat);
    await one("dashboard", "max", repeat);
  }
  return runs;
}
