// One dry-run engine session on a virtual clock: feed, dry-run gateway, in-memory store and engine, wired the same live or replayed.
import type { FakeClock } from "../adapters/clock/fake-clock.js";
import { DryRunGateway } from "../adapters/gateway/dry-run/dry-run-gateway.js";
import { storeAccount } from "../adapters/gateway/dry-run/dry-run-inputs.js";
import { parseFrame } from "../adapters/polymarket/parse/parse-frame.js";
import type { MarketInfo } from "../domain/market.js";
import type { Settings } from "../domain/settings/schema.js";
import { USD_SCALE } from "../domain/units.js";
import { createEngine, type Engine } from "../engine/engine.js";
import type { EngineEvent } from "../engine/engine-events.js";
import { MarketFeed } from "../engine/feed/market-feed.js";
import type { Logger } from "../ports/logger.js";
import type { BookSnapshotSource, TransportFactory } from "../ports/market-data.js";
import type { Fill } from "../ports/order-gateway.js";
import type { Store } from "../ports/store.js";
import { MemoryStore } from "./memory-store.js";
import { seededRandom } from "./virtual-time.js";

/** The feed's backoff jitter seed: a live session and its backtest draw the same numbers. */
export const SESSION_SEED = 9;

export interface SessionOptions {
  markets: MarketInfo[];
  settings: Settings;
  clock: FakeClock;
  /** The market channel URL the feed asks the transport for. */
  url: string;
  transport: TransportFactory;
  rest: BookSnapshotSource;
  logger: Logger;
  source: string;
  /** The account (default: a new one in memory with the dry-run starting balance, as a backtest starts). */
  store?: Store;
}

export interface Session {
  feed: MarketFeed;
  gateway: DryRunGateway;
  store: Store;
  engine: Engine;
  /** Every engine event, in order. */
  events: EngineEvent[];
  fills: Fill[];
}

export function createSession(o: SessionOptions): Session {
  const { clock, settings } = o;
  const feed = new MarketFeed({ url: o.url, settings: settings.feed, clock, transport: o.transport, rest: o.rest, parse: parseFrame, random: seededRandom(SESSION_SEED), logger: o.logger });
  const store = o.store ?? new MemoryStore(Math.round(settings.dryRun.startingBalance * USD_SCALE), clock, settings.dryRun.equityCurvePoints);
  const gateway = new DryRunGateway({
    clock,
    books: feed,
    account: storeAccount(store),
    settings: settings.dryRun,
  });
  // The gateway sees each notice before the engine does (its fills then reach the engine in the same step).
  feed.onNotice((n) => gateway.onNotice(n));
  const engine = createEngine({ markets: o.markets, settings, marketData: feed, gateway, store, clock, logger: o.logger, source: o.source });
  const events: EngineEvent[] = [];
  const fills: Fill[] = [];
  engine.onEvent((e) => {
    events.push(e);
    if (e.type === "fill") fills.push(e.fill);
  });
  return { feed, gateway, store, engine, events, fills };
}
