// The dashboard's engine on one market: the shared session over <data-dir>, logging to mm.log, reachable by `mm kill` / `mm resume`.
import type { Endpoints } from "../../adapters/polymarket/endpoints.js";
import type { MarketInfo } from "../../domain/market.js";
import type { Settings } from "../../domain/settings/schema.js";
import { watchControl } from "../../engine/control/control-watcher.js";
import type { EngineHandle } from "../../engine/snapshot.js";
import type { Clock } from "../../ports/clock.js";
import type { OrderGateway } from "../../ports/order-gateway.js";
import { fileLogger } from "../loggers.js";
import { openSession } from "../session/open-session.js";
import { openStore } from "../session/open-store.js";

/** A running engine on one market, and how to stop it (cancel all, flush state). */
export interface MarketSession {
  handle: EngineHandle;
  /** Resolves once every cancel request has been sent (a forced exit waits for this, not for the answers). */
  cancelsSent(): Promise<void>;
  stop(): Promise<void>;
}

export interface MarketSessionOptions {
  market: MarketInfo;
  endpoints: Endpoints;
  source: string;
  settings: Settings;
  dataDir: string;
  clock: Clock;
  live: boolean;
}

/** A gateway that notes when cancels go out after shutdown began. */
export interface CancelWatch {
  gateway: OrderGateway;
  /** Shutdown begins: cancels from now on count. */
  stopping(): void;
  sent(): Promise<void>;
}

/** Notes when cancels go out after shutdown began, so a forced exit can wait for exactly that. */
export function watchCancels(inner: OrderGateway): CancelWatch {
  let stopping = false;
  let markSent: () => void = () => undefined;
  const sent = new Promise<void>((resolve) => (markSent = resolve));
  const noted = <T>(p: Promise<T>): Promise<T> => {
    if (stopping) setImmediate(markSent); // the request has been handed to the transport by the next turn
    return p;
  };
  const gateway: OrderGateway = {
    kind: inner.kind,
    place: (orders) => inner.place(orders),
    cancel: (ids) => noted(inner.cancel(ids)),
    cancelAll: () => noted(inner.cancelAll()),
    openOrders: () => inner.openOrders(),
    onEvent: (listener) => inner.onEvent(listener),
    close: () => inner.close(),
  };
  return {
    gateway,
    stopping() {
      stopping = true;
      if (inner.openOrders().length === 0) markSent();
    },
    sent: () => sent,
  };
}

export async function startMarketSession(o: MarketSessionOptions): Promise<MarketSession> {
  const logger = fileLogger(o.dataDir);
  const store = await openStore(o.dataDir, o.settings, o.clock, logger);
  const watch: { cancels?: CancelWatch } = {};
  const session = await openSession({
    markets: [o.market],
    endpoints: o.endpoints,
    source: o.source,
    settings: o.settings,
    store,
    clock: o.clock,
    logger,
    feedLogger: logger,
    live: o.live,
    wrapGateway: (inner) => (watch.cancels = watchCancels(inner)).gateway,
  }).catch(async (err: unknown) => {
    await store.close();
    throw err;
  });
  const cancels = watch.cancels!;
  // `mm kill` / `mm resume` from another terminal reach this engine through the data dir.
  const control = watchControl(o.dataDir, session.engine, o.clock);
  let stopping: Promise<void> | null = null;
  return {
    handle: session.engine,
    cancelsSent: () => cancels.sent(),
    stop() {
      cancels.stopping();
      stopping ??= (async () => {
        control.stop();
        await session.stop();
        await store.close();
      })();
      return stopping;
    },
  };
}
