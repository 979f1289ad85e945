// Measures what the open dashboard costs the engine at 1,000 demo messages/s: throughput, message-to-quote latency, event-loop delay.
// A measurement, not a check (no timing is asserted): run it with `MM_MEASURE=1 npx vitest run tests/e2e/dashboard-overhead`.
import { describe, expect, it } from "vitest";
import { EventEmitter } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import React from "react";
import { render } from "ink";
import { startExchange, type Exchange } from "../../src/sim/exchange.js";
import { GammaCatalog } from "../../src/adapters/polymarket/gamma-catalog.js";
import { systemClock } from "../../src/adapters/clock/system-clock.js";
import { openFileStore } from "../../src/adapters/store/file-store.js";
import { DryRunGateway } from "../../src/adapters/gateway/dry-run/dry-run-gateway.js";
import { createEngine, type Engine } from "../../src/engine/engine.js";
import { loadSettings } from "../../src/cli/config.js";
import { createMarketFeed } from "../../src/cli/market-data-factory.js";
import type { MarketInfo } from "../../src/domain/market.js";
import type { OrderGateway } from "../../src/ports/order-gateway.js";
import { App } from "../../src/ui/App.js";
import type { DashboardHost } from "../../src/ui/host.js";

const RATE = 1000;
const WARMUP_MS = 5000;
const MEASURE_MS = 15_000;
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

interface Figures {
  framesPerSec: number;
  noticesPerSec: number;
  placesPerSec: number;
  latencyP50: number;
  latencyP99: number;
  loopP50: number;
  loopP99: number;
  frames: number;
}

const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] : NaN);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A terminal stand-in for Ink: counts frames written, 160x48. */
class FakeTty extends EventEmitter {
  isTTY = true;
  columns = 160;
  rows = 48;
  frames = 0;
  write = () => (this.frames++, true);
}
class FakeStdin extends EventEmitter {
  isTTY = true;
  setRawMode() {}
  setEncoding() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read = () => null;
}

async function runOnce(exchange: Exchange, market: MarketInfo, withUi: boolean): Promise<Figures> {
  const urls = exchange.urls;
  const dataDir = mkdtempSync(join(tmpdir(), "mm-overhead-"));
  const clock = systemClock();
  // The demo market may end within hours: quote it normally rather than in REDUCING mode, so orders flow in both runs.
  const settings = loadSettings({ sets: ["risk.reduceBeforeEndMs=0", "strategy.stopBeforeEndMs=0"] });
  const store = await openFileStore({ dataDir, clock, logger: quiet, startingCash: 10_000_000_000, stateWriteMs: 250, equityCurvePoints: 500 });
  const feed = createMarketFeed(urls, settings.feed, { clock });
  const dry = new DryRunGateway({ clock, books: feed, account: { cash: () => store.state().portfolio.cash, shares: (t) => store.state().portfolio.positions[t]?.shares ?? 0 }, settings: settings.dryRun });
  feed.onNotice((n) => dry.onNotice(n));
  let measuring = false;
  let notices = 0;
  let places = 0;
  let trigger: number | null = null;
  const latencies: number[] = [];
  feed.onNotice((n) => {
    if (!measuring) return;
    notices++;
    if (n.type === "delta" && n.topChanged && trigger === null) trigger = performance.now();
  });
  const gateway: OrderGateway = {
    ...dry,
    kind: dry.kind,
    place: (orders) => {
      if (measuring) {
        places += orders.length;
        if (trigger !== null) latencies.push(performance.now() - trigger);
      }
      trigger = null;
      return dry.place(orders);
    },
    cancel: (ids) => dry.cancel(ids),
    cancelAll: () => dry.cancelAll(),
    openOrders: () => dry.openOrders(),
    onEvent: (l) => dry.onEvent(l),
    close: () => dry.close(),
  };
  const engine: Engine = createEngine({ markets: [market], settings, marketData: feed, gateway, store, clock, logger: quiet, source: "demo" });
  await engine.start();
  const tty = new FakeTty();
  let ui: ReturnType<typeof render> | null = null;
  if (withUi) {
    const host: DashboardHost = {
      source: () => "demo",
      listMarkets: async () => [market],
      resolveMarket: async () => market,
      openMarket: async () => engine,
      closeMarket: async () => undefined,
      startDemo: async () => undefined,
      shutdown: async () => undefined,
      forceExit: () => undefined,
    };
    ui = render(<App host={host} clock={clock} marketRef={market.slug} />, {
      stdout: tty as unknown as NodeJS.WriteStream,
      stdin: new FakeStdin() as unknown as NodeJS.ReadStream,
      exitOnCtrlC: false,
      patchConsole: false,
      maxFps: 10,
    });
  }
  await sleep(WARMUP_MS);
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  measuring = true;
  const framesBefore = tty.frames;
  const published = exchange.stats().frames;
  await sleep(MEASURE_MS);
  measuring = false;
  loop.disable();
  const figures: Figures = {
    framesPerSec: (exchange.stats().frames - published) / (MEASURE_MS / 1000),
    noticesPerSec: notices / (MEASURE_MS / 1000),
    placesPerSec: places / (MEASURE_MS / 1000),
    latencyP50: pct(latencies, 0.5),
    latencyP99: pct(latencies, 0.99),
    loopP50: loop.percentile(50) / 1e6,
    loopP99: loop.percentile(99) / 1e6,
    frames: tty.frames - framesBefore,
  };
  ui?.unmount();
  await engine.stop();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
  return figures;
}

describe.skipIf(!process.env.MM_MEASURE)("dashboard overhead (measurement)", () => {
  it(`compares headless and dashboard at ${RATE} msg/s`, async () => {
    const exchange = await startExchange({ port: 0, seed: 1, rate: RATE, markets: 1 });
    try {
      const [market] = await new GammaCatalog(exchange.urls.gamma).list();
      const rows: Record<string, Figures> = {};
      for (const [name, ui] of [
        ["headless", false],
        ["dashboard", true],
        ["headless again", false],
        ["dashboard again", true],
      ] as const)
        rows[name] = await runOnce(exchange, market, ui);
      const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "-");
      process.stdout.write(`\nmarket: ${market.question} (tick ${market.tickSize / 1e4}); ${MEASURE_MS / 1000}s per run after ${WARMUP_MS / 1000}s warm-up\n`);
      process.stdout.write("run               ws frames/s  notices/s  orders/s  msg->quote p50/p99 ms  loop delay p50/p99 ms  frames\n");
      for (const [name, f] of Object.entries(rows))
        process.stdout.write(`${name.padEnd(17)} ${fmt(f.framesPerSec).padStart(11)} ${fmt(f.noticesPerSec).padStart(9)} ${fmt(f.placesPerSec).padStart(9)} ${`${fmt(f.latencyP50)}/${fmt(f.latencyP99)}`.padStart(22)} ${`${fmt(f.loopP50)}/${fmt(f.loopP99)}`.padStart(22)} ${String(f.frames).padStart(7)}\n`);
      expect(rows.dashboard.frames).toBeGreaterThan(0);
    } finally {
      await exchange.close();
    }
  }, 180_000);
});
