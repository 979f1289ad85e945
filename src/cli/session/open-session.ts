// One engine session as `mm run` and the dashboard compose it: the market feed, the dry-run simulator or (live) the official client, and the engine over a store.
import { DryRunGateway } from "../../adapters/gateway/dry-run/dry-run-gateway.js";
import { storeAccount } from "../../adapters/gateway/dry-run/dry-run-inputs.js";
import type { Endpoints } from "../../adapters/polymarket/endpoints.js";
import type { MarketInfo } from "../../domain/market.js";
import type { Settings } from "../../domain/settings/schema.js";
import { createEngine, type Engine } from "../../engine/engine.js";
import type { EngineEvent } from "../../engine/engine-events.js";
import type { MarketFeed } from "../../engine/feed/market-feed.js";
import type { Clock } from "../../ports/clock.js";
import type { Logger } from "../../ports/logger.js";
import type { MarketDataNotice } from "../../ports/market-data.js";
import type { OrderGateway } from "../../ports/order-gateway.js";
import type { Store } from "../../ports/store.js";
import { UserError } from "../errors.js";
import { createMarketFeed } from "../market-data-factory.js";

export interface SessionOptions {
  markets: MarketInfo[];
  endpoints: Endpoints;
  /** The data source as the engine reports it ("demo", "polymarket", a CLOB URL, replay:FILE). */
  source: string;
  settings: Settings;
  store: Store;
  clock: Clock;
  /** The engine's and the live gateway's diagnostics. */
  logger: Logger;
  /** The feed's diagnostics (none: the feed logs nothing). */
  feedLogger?: Logger;
  /** Trade through the official client (loaded only then) instead of the dry-run simulator. */
  live: boolean;
  /** Wraps the gateway the engine trades through (the dashboard watches its cancels). */
  wrapGateway?(gateway: OrderGateway): OrderGateway;
  onNotice?(n: MarketDataNotice): void;
  onEvent?(e: EngineEvent): void;
}

/** A started engine and what it runs on. */
export interface Session {
  engine: Engine;
  feed: MarketFeed;
  clock: Clock;
  /** Stops the engine (it cancels its orders) and closes the gateway; the store stays open for the caller. */
  stop(): Promise<void>;
}

/** The live gateway, with the official client loaded here and only here (a dry-run never pays for it). */
async function openLive(o: SessionOptions): Promise<OrderGateway> {
  const { openLiveGateway } = await import("../../adapters/gateway/live/open-live-gateway.js");
  try {
    return await openLiveGateway({ endpoints: o.endpoints, settings: o.settings, markets: o.markets, clock: o.clock, logger: o.logger });
  } catch (err) {
    throw new UserError((err as Error).message);
  }
}

export async function openSession(o: SessionOptions): Promise<Session> {
  const { store, clock } = o;
  const feed = createMarketFeed(o.endpoints, o.settings.feed, { clock, logger: o.feedLogger });
  const gateway = o.live
    ? await openLive(o)
    : new DryRunGateway({
        clock,
        books: feed,
        account: storeAccount(store),
        settings: o.settings.dryRun,
      });
  const dryRun = gateway instanceof DryRunGateway ? gateway : null;
  // Dry-run orders left open by an earlier session on this data dir rest again (the engine adopts or cancels them).
  dryRun?.restore(Object.values(store.state().orders), o.markets);
  feed.onNotice((n) => {
    dryRun?.onNotice(n);
    o.onNotice?.(n);
  });
  const engine = createEngine({ markets: o.markets, settings: o.settings, marketData: feed, gateway: o.wrapGateway?.(gateway) ?? gateway, store, clock, logger: o.logger, source: o.source });
  if (o.onEvent) engine.onEvent(o.onEvent);
  await engine.start();
  return {
    engine,
    feed,
    clock,
    async stop() {
      await engine.stop();
      await gateway.close();
    },
  };
}
