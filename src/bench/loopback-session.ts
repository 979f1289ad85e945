// The engine wired as `mm run` wires it (ws feed, dry-run gateway, file store) against a loopback exchange, each frame timed from its exchange timestamp.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { systemClock } from "../adapters/clock/system-clock.js";
import { DryRunGateway } from "../adapters/gateway/dry-run/dry-run-gateway.js";
import { ClobRest } from "../adapters/polymarket/clob-rest.js";
import { marketChannelUrl } from "../adapters/polymarket/endpoints.js";
import { parseFrame } from "../adapters/polymarket/parse/parse-frame.js";
import { wsTransport } from "../adapters/polymarket/ws-transport.js";
import { openFileStore, type FileStore } from "../adapters/store/file-store.js";
import type { MarketInfo } from "../domain/market.js";
import type { Settings } from "../domain/settings/schema.js";
import { USD_SCALE } from "../domain/units.js";
import { createEngine, type Engine } from "../engine/engine.js";
import { MarketFeed } from "../engine/feed/market-feed.js";
import type { Logger } from "../ports/logger.js";
import type { TransportFactory } from "../ports/market-data.js";
import { LatencyRecorder } from "./stats.js";

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const TS_KEY = '"timestamp":"';

/** The exchange timestamp (ms) a frame carries, or NaN (text frames such as PONG). */
export function frameTimestamp(text: string): number {
  const at = text.lastIndexOf(TS_KEY);
  if (at < 0) return NaN;
  let n = 0;
  for (let i = at + TS_KEY.length; i < text.length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return i === at + TS_KEY.length ? NaN : n;
    n = n * 10 + c;
  }
  return NaN;
}

export interface LoopbackSession {
  engine: Engine;
  feed: MarketFeed;
  /** Frames received since the last resetWindow(). */
  frames(): number;
  /** Exchange timestamp to the end of the frame's handling by feed and engine, us, since the last resetWindow(). */
  latency(): LatencyRecorder;
  resetWindow(): void;
  close(): Promise<void>;
}

export async function openLoopbackSession(urls: { gamma: string; clob: string; ws: string }, markets: MarketInfo[], settings: Settings): Promise<LoopbackSession> {
  const clock = systemClock();
  let frames = 0;
  let latency = new LatencyRecorder();
  // Wraps the production transport: after the feed (and through its notices, the engine) has handled a frame, time it.
  const timed: TransportFactory = (url, handlers) =>
    wsTransport(url, {
      ...handlers,
      onText(text) {
        handlers.onText(text);
        frames++;
        const ts = frameTimestamp(text);
        if (!Number.isNaN(ts)) latency.record((performance.timeOrigin + performance.now() - ts) * 1000);
      },
    });
  const feed = new MarketFeed({ url: marketChannelUrl(urls), settings: settings.feed, clock, transport: timed, rest: new ClobRest(urls.clob), parse: parseFrame, logger: quiet });
  const dataDir = mkdtempSync(join(tmpdir(), "mm-bench-"));
  const store: FileStore = await openFileStore({
    dataDir,
    clock,
    logger: quiet,
    startingCash: Math.round(settings.dryRun.startingBalance * USD_SCALE),
    stateWriteMs: settings.dryRun.stateWriteMs,
    equityCurvePoints: settings.dryRun.equityCurvePoints,
  });
  const gateway = new DryRunGateway({
    clock,
    books: feed,
    account: { cash: () => store.state().portfolio.cash, shares: (t) => store.state().portfolio.positions[t]?.shares ?? 0 },
    settings: settings.dryRun,
  });
  feed.onNotice((n) => gateway.onNotice(n));
  const engine = createEngine({ markets, settings, marketData: feed, gateway, store, clock, logger: quiet, source: urls.gamma });
  await engine.start();
  return {
    engine,
    feed,
    frames: () => frames,
    latency: () => latency,
    resetWindow() {
      frames = 0;
      latency = new LatencyRecorder();
    },
    async close() {
      await engine.stop();
      await gateway.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
