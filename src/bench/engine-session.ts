// The engine wired as `mm run` wires it (feed, dry-run gateway, file store, system clock) over a given market socket, for the pipeline and loopback benchmarks.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DryRunGateway } from "../adapters/gateway/dry-run/dry-run-gateway.js";
import { storeAccount } from "../adapters/gateway/dry-run/dry-run-inputs.js";
import { parseFrame } from "../adapters/polymarket/parse/parse-frame.js";
import { openFileStore } from "../adapters/store/file-store.js";
import type { MarketInfo } from "../domain/market.js";
import type { Settings } from "../domain/settings/schema.js";
import { USD_SCALE } from "../domain/units.js";
import { createEngine, type Engine } from "../engine/engine.js";
import { MarketFeed } from "../engine/feed/market-feed.js";
import type { Clock } from "../ports/clock.js";
import type { Logger } from "../ports/logger.js";
import type { BookSnapshotSource, TransportFactory } from "../ports/market-data.js";

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export interface EngineSessionOptions {
  markets: MarketInfo[];
  settings: Settings;
  clock: Clock;
  /** The market channel URL and the socket that reaches it. */
  url: string;
  transport: TransportFactory;
  rest: BookSnapshotSource;
  source: string;
}

export interface EngineSession {
  engine: Engine;
  feed: MarketFeed;
  /** Stops the engine (cancelling its orders), closes gateway and store, and removes the temporary data dir. */
  close(): Promise<void>;
}

export async function openEngineSession(o: EngineSessionOptions): Promise<EngineSession> {
  const { clock, settings } = o;
  const feed = new MarketFeed({ url: o.url, settings: settings.feed, clock, transport: o.transport, rest: o.rest, parse: parseFrame, logger: quiet });
  const dataDir = mkdtempSync(join(tmpdir(), "mm-bench-"));
  const store = await openFileStore({
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
    account: storeAccount(store),
    settings: settings.dryRun,
  });
  // As `mm run` does: the gateway sees each notice before the engine.
  feed.onNotice((n) => gateway.onNotice(n));
  const engine = createEngine({ markets: o.markets, settings, marketData: feed, gateway, store, clock, logger: quiet, source: o.source });
  await engine.start();
  return {
    engine,
    feed,
    async close() {
      await engine.stop();
      await gateway.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
