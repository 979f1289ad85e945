// The embedded exchange: starts Gamma, the CLOB and the market/user WebSockets on one loopback port, driven by seeded order flow or a replay.
import { EXCHANGE_DEFAULTS } from "./exchange-defaults.js";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { systemClock } from "../adapters/clock/system-clock.js";
import type { Outcome } from "../domain/market.js";
import { USD_SCALE } from "../domain/units.js";
import type { Clock } from "../ports/clock.js";
import type { SimContext } from "./context.js";
import { Faults, type FaultAdmin } from "./faults/fault-admin.js";
import { FlowScheduler } from "./flow/flow-scheduler.js";
import { openingBookJson } from "./market-data/frames.js";
import { PriceHistory } from "./market-data/price-history.js";
import { MarketPublisher } from "./market-data/publisher.js";
import { MatchingEngine } from "./matching/matching-engine.js";
import { generateMarket, generateMarkets } from "./markets/generate-markets.js";
import { MarketRegistry } from "./markets/market-registry.js";
import type { SimMarket } from "./markets/sim-market.js";
import { Random } from "./random.js";
import { startReplay, type ReplaySource } from "./replay/replay-source.js";
import { installAdminRoutes } from "./server/admin-routes.js";
import { installClobRoutes } from "./server/clob-routes.js";
import { installGammaRoutes } from "./server/gamma-routes.js";
import { createHttpHandler, isLoopback } from "./server/http-handler.js";
import { Router } from "./server/router.js";
import { handleUpgrade } from "./server/upgrade.js";
import type { SimCore } from "./sim-core.js";
import { installTrading, type TradingHandle, type TradingOptions } from "./trading/index.js";
import { MarketHub, type TokenRef } from "./ws/market-hub.js";

export interface ExchangeOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  seed?: number;
  markets?: number;
  /** Market messages per second across all markets. */
  rate?: number;
  /** Serve this recording over the market channel instead of synthetic flow. */
  replay?: string;
  /** Replay speed: 1 real time, 0 as fast as possible. */
  speed?: number;
  /** Treat connections as custom_feature_enabled unless they say otherwise. */
  customFeatures?: boolean;
  clock?: Clock;
  /** Share of taker arrivals that are informed (0..1): they know the fair value before the makers do and sweep the stale side of the book. */
  informedShare?: number;
  /** False: no timer drives the flow; call step() (tests). */
  autoFlow?: boolean;
  /** Silent market connections are dropped after this (Polymarket: ~125 s). */
  idleMs?: number;
  /** Collateral each new API key starts with, dollars. */
  startingCollateralUsd?: number;
  /** The trading side's options (heartbeat and settlement delays, ...). */
  trading?: Partial<TradingOptions>;
}

export interface Exchange {
  urls: { gamma: string; clob: string; ws: string };
  admin: FaultAdmin;
  markets(): readonly SimMarket[];
  engine: MatchingEngine;
  trading: TradingHandle;
  /** Runs n virtual flow steps now. */
  step(n: number): void;
  resolveMarket(ref: string, outcome: Outcome): void;
  addMarket(): SimMarket;
  /** Frames published so far, and open WebSocket connections. */
  stats(): { frames: number; connections: number };
  close(): Promise<void>;
}

export { EXCHANGE_DEFAULTS };

export async function startExchange(options: ExchangeOptions = {}): Promise<Exchange> {
  const informedShare = options.informedShare ?? EXCHANGE_DEFAULTS.informedShare;
  if (!(informedShare >= 0 && informedShare <= 1)) throw new Error(`informedShare ${informedShare}: use a share between 0 and 1`);
  const clock = options.clock ?? systemClock();
  const seed = options.seed ?? EXCHANGE_DEFAULTS.seed;
  const root = new Random(seed);
  const marketRng = root.fork(1);
  const replay: ReplaySource | null = options.replay ? await startReplay(options.replay, options.speed ?? EXCHANGE_DEFAULTS.speed, clock) : null;
  const initial = replay ? replay.markets : generateMarkets(marketRng, options.markets ?? EXCHANGE_DEFAULTS.markets, clock.now());
  const registry = new MarketRegistry(initial);
  const tradeRng = root.fork(2);
  const engine = new MatchingEngine({
    marketOfToken: (tokenId) => {
      const hit = registry.token(tokenId);
      return hit && { meta: hit.market.meta, open: !hit.market.closed };
    },
    now: () => clock.now(),
    nextTradeId: () => `${tradeRng.hex(8)}-${tradeRng.hex(4)}-4${tradeRng.hex(3)}-a${tradeRng.hex(3)}-${tradeRng.hex(12)}`,
  });
  const history = new PriceHistory();
  const historyRng = root.fork(3);
  if (!replay) for (const m of initial) history.seed(m.meta.conditionId, m.initialFair, Math.floor(clock.now() / 1000), 24, historyRng);

  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  const tokenRef = (assetId: string): TokenRef | undefined => {
    const hit = registry.token(assetId);
    return hit && !hit.market.closed ? { conditionId: hit.market.meta.conditionId, bit: hit.isYes ? 1 : 2 } : undefined;
  };
  const hub = new MarketHub({
    clock,
    idleMs: options.idleMs ?? 125_000,
    maxBufferedBytes: 16 << 20,
    token: tokenRef,
    snapshot: (refs) => {
      if (replay) return null;
      const now = clock.now();
      const books = refs.map((r) => openingBookJson(registry.condition(r.conditionId)!, engine.book(r.conditionId), r.bit === 1, now));
      return "[" + books.join(",") + "]\n";
    },
    onSubscribed: replay ? (conn) => replay.stream(conn) : undefined,
  });
  const publisher = new MarketPublisher(registry, engine, hub, () => clock.now());
  const core: SimCore = { clock, registry, engine, history, publisher };

  const toggleTick = (ref: string): void => {
    const market = registry.find(ref);
    if (!market) throw new Error(`no market ${ref}: pass a token id, condition id or slug of this exchange`);
    publisher.changeTick(market, market.meta.tickSize === 100 ? 10 : 100);
  };
  const faults = new Faults({ clock, hub, wss, toggleTick });
  const flow = replay ? null : new FlowScheduler(core, root.fork(4), { rate: options.rate ?? EXCHANGE_DEFAULTS.rate, stepMs: 50, sampleMs: 60_000, informedShare, targetDepth: 24 });

  const resolveMarket = (ref: string, outcome: Outcome): void => {
    const market = registry.find(ref);
    if (!market) throw new Error(`no market ${ref}: pass a token id, condition id or slug of this exchange`);
    publisher.resolve(market, outcome);
  };
  const addMarket = (): SimMarket => {
    const market = generateMarket(marketRng, registry.all().length, clock.now());
    registry.add(market);
    history.seed(market.meta.conditionId, market.initialFair, Math.floor(clock.now() / 1000), 1, historyRng);
    flow?.addMarket(market);
    publisher.announce(market);
    return market;
  };

  const clobRouter = new Router();
  const gammaRouter = new Router();
  const adminRouter = new Router();
  installClobRoutes(clobRouter, core);
  installGammaRoutes(gammaRouter, core);
  installAdminRoutes(adminRouter, faults, {
    resolveMarket,
    addMarket: () => ({ conditionId: addMarket().meta.conditionId }),
  });
  const userHandlers: ((socket: WebSocket) => void)[] = [];
  const ctx: SimContext = {
    router: clobRouter,
    engine,
    markets: () => registry.all().map((m) => m.meta),
    marketOfToken: (tokenId) => registry.token(tokenId)?.market.meta,
    now: () => clock.now(),
    faults,
    onUserSocket: (handler) => userHandlers.push(handler),
    startingCollateral: (options.startingCollateralUsd ?? 10_000) * USD_SCALE,
    clock,
    trading: options.trading,
  };
  const trading = installTrading(ctx);

  const server = createServer(
    createHttpHandler([
      { prefix: "", router: clobRouter },
      { prefix: "/gamma", router: gammaRouter },
      {
        prefix: "/_admin",
        router: adminRouter,
        guard: (req) => (isLoopback(req.socket.remoteAddress) ? null : { status: 403, body: { error: "the admin endpoint answers loopback clients only" } }),
      },
    ]),
  );
  server.on(
    "upgrade",
    handleUpgrade(() => ({
      wss,
      refusing: () => faults.refusing(),
      market: (ws, raw) => {
        const conn = hub.accept(ws, raw);
        conn.custom = options.customFeatures ?? false;
      },
      user: userHandlers.length > 0 ? (ws) => userHandlers.forEach((h) => h(ws)) : null,
    })),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? EXCHANGE_DEFAULTS.port, options.host ?? EXCHANGE_DEFAULTS.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const base = `http://${host}:${address.port}`;
  if (flow && options.autoFlow !== false) flow.run(clock);

  return {
    urls: { gamma: `${base}/gamma`, clob: base, ws: `ws://${host}:${address.port}/ws` },
    admin: faults,
    markets: () => registry.all(),
    engine,
    trading,
    step: (n) => {
      for (let i = 0; i < n; i++) flow?.step();
    },
    resolveMarket,
    addMarket,
    stats: () => ({ frames: publisher.frames, connections: wss.clients.size }),
    close: async () => {
      flow?.stop(clock);
      replay?.stop();
      trading.close();
      for (const socket of wss.clients) socket.terminate();
      for (const conn of hub.connections()) conn.close();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
