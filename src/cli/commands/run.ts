// `mm run --headless --market X`: quotes the markets in dry-run and prints JSON lines (feed, orders, fills, risk, status).
import type { CommandModule } from "yargs";
import { GammaCatalog } from "../../adapters/polymarket/gamma-catalog.js";
import { systemClock } from "../../adapters/clock/system-clock.js";
import type { MarketInfo } from "../../domain/market.js";
import type { Logger } from "../../ports/logger.js";
import { loadSettings } from "../config.js";
import { UsageError, UserError } from "../errors.js";
import { resolveExchange, withEndpointOptions, type EndpointArgs } from "../endpoint-options.js";
import { createMarketFeed, tokenMetas } from "../market-data-factory.js";
import { feedLine, statusLine } from "../run-output.js";
import { DryRunGateway } from "../../adapters/gateway/dry-run/dry-run-gateway.js";
import { liveBanner, openLiveGateway } from "../../adapters/gateway/live/open-live-gateway.js";
import { openFileStore } from "../../adapters/store/file-store.js";
import { StateFileError } from "../../adapters/store/state-file.js";
import { startExchange } from "../../sim/exchange.js";
import { createEngine } from "../../engine/engine.js";
import { startRecordedRun, type RunningEngine, type RunOutput } from "../recorded-run.js";
import type { OrderGateway } from "../../ports/order-gateway.js";
import type { Store } from "../../ports/store.js";
import { engineStatus, eventLine } from "../../engine/run-lines.js";
import { claimDataDir } from "../../engine/control/control-files.js";
import { watchControl } from "../../engine/control/control-watcher.js";
import type { Settings } from "../../domain/settings/schema.js";
import type { ResolvedExchange } from "../endpoint-options.js";

export interface FeedFlagArgs {
  pingMs?: number;
  pongTimeoutMs?: number;
  staleMs?: number;
  quietMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

interface RunArgs extends EndpointArgs, FeedFlagArgs {
  headless: boolean;
  market: string[];
  statusMs: number;
  config?: string;
  set?: string[];
  verbose: boolean;
  source?: string;
  dataDir: string;
  demoRate: number;
  live: boolean;
  yes: boolean;
  record?: string;
}

/** --source live|sim|replay:FILE (sim is --demo; replay serves a recording through the embedded exchange). */
async function exchangeFor(args: RunArgs): Promise<ResolvedExchange> {
  const source = args.source;
  const demo = { rate: args.demoRate };
  if (source === undefined || source === "live") return resolveExchange(args, demo);
  if (source === "sim") return resolveExchange({ ...args, demo: true }, demo);
  if (source.startsWith("replay:") && source.length > 7) {
    if (args.demo) throw new UsageError("--source replay:FILE and --demo both pick the data source; keep one");
    const file = source.slice(7);
    const exchange = await startExchange({ port: 0, replay: file });
    return { endpoints: exchange.urls, source, demo: exchange, close: () => exchange.close() };
  }
  throw new UsageError(`--source ${source}: use live, sim or replay:FILE`);
}

async function openStore(dataDir: string, settings: Settings, clock: ReturnType<typeof systemClock>) {
  try {
    return await openFileStore({
      dataDir,
      clock,
      logger: stderrLogger,
      startingCash: Math.round(settings.dryRun.startingBalance * 1_000_000),
      stateWriteMs: settings.dryRun.stateWriteMs,
      equityCurvePoints: settings.dryRun.equityCurvePoints,
    });
  } catch (err) {
    if (err instanceof StateFileError) throw new UserError(err.message, 2);
    throw err;
  }
}

/** The feed flags as settings overrides (undefined ones are skipped by loadSettings). */
export const feedOverrides = (a: FeedFlagArgs): Record<string, unknown> => ({
  "feed.pingMs": a.pingMs,
  "feed.pongTimeoutMs": a.pongTimeoutMs,
  "feed.staleMs": a.staleMs,
  "feed.quietMs": a.quietMs,
  "feed.backoffBaseMs": a.backoffBaseMs,
  "feed.backoffMaxMs": a.backoffMaxMs,
});

export const writeLine = (obj: unknown): void => {
  process.stdout.write(JSON.stringify(obj) + "\n");
};

/** Diagnostics on stderr (stdout is the JSON lines). */
export const stderrLogger: Logger = {
  debug: () => undefined,
  info: (msg, f) => process.stderr.write(`mm: ${msg}${f ? " " + JSON.stringify(f) : ""}\n`),
  warn: (msg, f) => process.stderr.write(`mm: warning: ${msg}${f ? " " + JSON.stringify(f) : ""}\n`),
  error: (msg, f) => process.stderr.write(`mm: error: ${msg}${f ? " " + JSON.stringify(f) : ""}\n`),
};

export async function resolveMarkets(catalog: GammaCatalog, refs: string[]): Promise<MarketInfo[]> {
  const out: MarketInfo[] = [];
  for (const ref of refs) {
    try {
      out.push(await catalog.resolve(ref));
    } catch (err) {
      throw new UserError(`--market ${ref}: ${(err as Error).message}`);
    }
  }
  return out;
}

/** Resolves on the first SIGINT or SIGTERM. */
export function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (sig: string) => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      resolve(sig);
    };
    const onInt = () => stop("SIGINT");
    const onTerm = () => stop("SIGTERM");
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
  });
}

/** The engine on the system clock, trading through the dry-run simulator or (--live) the official client. */
async function startDirectRun(args: RunArgs, settings: Settings, markets: MarketInfo[], exchange: ResolvedExchange, store: Store, out: RunOutput): Promise<RunningEngine> {
  const clock = systemClock();
  const feed = createMarketFeed(exchange.endpoints, settings.feed, { clock, logger: args.verbose ? stderrLogger : undefined });
  if (args.live) process.stderr.write(`${liveBanner({ clob: exchange.endpoints.clob, maxNotionalUsd: settings.live.maxNotionalUsd, markets })}\n`);
  const live = args.live ? await openLiveGateway({ endpoints: exchange.endpoints, settings, markets, clock, logger: stderrLogger }).catch((err: Error) => { throw new UserError(err.message); }) : null;
  const gateway: OrderGateway = live ?? new DryRunGateway({
    clock,
    books: feed,
    account: { cash: () => store.state().portfolio.cash, shares: (t) => store.state().portfolio.positions[t]?.shares ?? 0 },
    settings: settings.dryRun,
  });
  const dryRun = gateway instanceof DryRunGateway ? gateway : null;
  dryRun?.restore(Object.values(store.state().orders), markets);
  feed.onNotice((n) => {
    dryRun?.onNotice(n);
    out.onNotice(n);
  });
  const engine = createEngine({ markets, settings, marketData: feed, gateway, store, clock, logger: stderrLogger, source: exchange.source });
  engine.onEvent(out.onEvent);
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

export const runCommand: CommandModule<object, RunArgs> = {
  command: "run",
  describe: "Quote markets without the dashboard (dry-run): JSON lines on stdout (feed, order, fill, risk, status)",
  builder: (y) =>
    withEndpointOptions(y)
      .option("headless", { type: "boolean", default: false, describe: "No dashboard: print JSON lines (required for now)" })
      .option("market", { type: "string", array: true, demandOption: true, describe: "Market slug, condition id or token id (repeatable)" })
      .option("status-ms", { type: "number", default: 1000, describe: "Print a status line this often (ms)" })
      .option("ping-ms", { type: "number", describe: "Send PING this often (ms)" })
      .option("pong-timeout-ms", { type: "number", describe: "Reconnect when no PONG comes within this (ms)" })
      .option("stale-ms", { type: "number", describe: "No frame and no PONG this long: the feed is stale (ms)" })
      .option("quiet-ms", { type: "number", describe: "Spot-check a token quiet this long against REST /book (ms)" })
      .option("backoff-base-ms", { type: "number", describe: "Reconnect backoff base (ms)" })
      .option("backoff-max-ms", { type: "number", describe: "Reconnect backoff cap (ms)" })
      .option("config", { type: "string", describe: "Settings file merged over config/default.json" })
      .option("set", { type: "string", array: true, describe: "Override one setting: key=value (e.g. feed.quoteOnRestBook=true)" })
      .option("verbose", { type: "boolean", default: false, describe: "Log feed diagnostics to stderr" })
      .option("source", { type: "string", describe: "Where data comes from: live (Polymarket or the endpoint flags), sim (= --demo), replay:FILE" })
      .option("data-dir", { type: "string", default: "./data", describe: "Where state.json, ledger.jsonl and the kill-switch files live" })
      .option("demo-rate", { type: "number", default: 100, describe: "Market messages per second of the embedded exchange (--demo, --source sim)" })
      .option("live", { type: "boolean", default: false, describe: "Trade for real through the official client (keys in .env; check with `mm doctor`)" })
      .option("yes", { type: "boolean", default: false, describe: "With --live and --headless: confirm live trading without a prompt" })
      .option("record", { type: "string", describe: "Write the frames the engine consumed to FILE (dry-run only); `mm backtest FILE` repeats the run's fills" }) as never,
  handler: async (args) => {
    if (!args.headless) throw new UsageError("mm run needs --headless for now (the dashboard is `mm`)");
    if (args.live && !args.yes) throw new UsageError("--live places real orders: a headless run needs --live --yes to confirm (the dashboard asks you to type the market's name instead)");
    if (args.record !== undefined && args.live) throw new UsageError("--record repeats a dry-run session in `mm backtest`; drop --live (or record the feed alone with `mm record`)");
    if (!Number.isInteger(args.statusMs) || args.statusMs < 50) throw new UserError(`--status-ms ${args.statusMs}: use an integer number of ms, at least 50`, 2);
    const settings = loadSettings({ configFile: args.config, sets: args.set, overrides: feedOverrides(args) });
    const exchange = await exchangeFor(args);
    let release: (() => void) | null = null;
    try {
      const markets = await resolveMarkets(new GammaCatalog(exchange.endpoints.gamma), args.market);
      if (exchange.demo) process.stderr.write(`mm: demo exchange at ${exchange.endpoints.clob} (faults: POST ${exchange.endpoints.clob}/_admin/drop-all, stall, ...)\n`);
      try {
        release = claimDataDir(args.dataDir);
      } catch (err) {
        throw new UserError((err as Error).message, 2);
      }
      const store = await openStore(args.dataDir, settings, systemClock());
      const output: RunOutput = {
        onNotice: (n) => {
          const line = feedLine(n);
          if (line) writeLine(line);
        },
        onEvent: (e) => writeLine(eventLine(e)),
      };
      const running = args.record === undefined
        ? await startDirectRun(args, settings, markets, exchange, store, output)
        : await startRecordedRun({ path: args.record, markets, settings, endpoints: exchange.endpoints, store, source: exchange.source, logger: stderrLogger, ...output });
      const { engine, feed, clock } = running;
      const ids = markets.flatMap(tokenMetas).map((m) => m.tokenId);
      const watcher = watchControl(args.dataDir, engine, clock);
      const timer = setInterval(() => writeLine({ ...statusLine(feed, ids, clock.now()), ...engineStatus(engine.snapshot()) }), args.statusMs);
      const signal = await untilSignal();
      clearInterval(timer);
      watcher.stop();
      await running.stop();
      const openOrders = engine.openOrderCount();
      await store.close();
      writeLine({ type: "exit", ts: clock.now(), reason: signal, openOrders, risk: engine.riskState() });
    } finally {
      release?.();
      await exchange.close();
    }
    process.exit(0);
  },
};
