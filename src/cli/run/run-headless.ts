// What `mm run --headless` does: resolves the source and markets, opens the store, runs the engine (direct or recorded) and prints JSON lines until a signal.
import { systemClock } from "../../adapters/clock/system-clock.js";
import { GammaCatalog } from "../../adapters/polymarket/gamma-catalog.js";
import { claimDataDir } from "../../engine/control/control-files.js";
import { watchControl } from "../../engine/control/control-watcher.js";
import { engineStatus, eventLine } from "../../engine/run-lines.js";
import type { MarketInfo } from "../../domain/market.js";
import type { Settings } from "../../domain/settings/schema.js";
import type { Store } from "../../ports/store.js";
import type { FeedFlagArgs, RunArgs } from "../commands/run.js";
import { loadSettings } from "../config.js";
import { resolveExchange, type ResolvedExchange } from "../endpoint-options.js";
import { UsageError, UserError } from "../errors.js";
import { stderrLogger } from "../loggers.js";
import { tokenMetas } from "../market-data-factory.js";
import { startRecordedRun, type RunningEngine, type RunOutput } from "../recorded-run.js";
import { feedLine, statusLine } from "../run-output.js";
import { openSession } from "../session/open-session.js";
import { openStore } from "../session/open-store.js";
import { resolveMarkets } from "../session/resolve-markets.js";
import { untilSignal } from "../until-signal.js";

/** --source live|sim|replay:FILE (sim is --demo; replay serves a recording through the embedded exchange). */
async function exchangeFor(args: RunArgs): Promise<ResolvedExchange> {
  const source = args.source;
  const demo = { rate: args.demoRate };
  if (source === undefined || source === "live") return resolveExchange(args, demo);
  if (source === "sim") return resolveExchange({ ...args, demo: true }, demo);
  if (source.startsWith("replay:") && source.length > 7) {
    if (args.demo) throw new UsageError("--source replay:FILE and --demo both pick the data source; keep one");
    const { startExchange } = await import("../../sim/exchange.js");
    const exchange = await startExchange({ port: 0, replay: source.slice(7) });
    return { endpoints: exchange.urls, source, demo: exchange, close: () => exchange.close() };
  }
  throw new UsageError(`--source ${source}: use live, sim or replay:FILE`);
}

/** The feed flags as settings overrides (undefined ones are skipped by loadSettings). */
const feedOverrides = (a: FeedFlagArgs): Record<string, unknown> => ({
  "feed.pingMs": a.pingMs,
  "feed.pongTimeoutMs": a.pongTimeoutMs,
  "feed.staleMs": a.staleMs,
  "feed.quietMs": a.quietMs,
  "feed.backoffBaseMs": a.backoffBaseMs,
  "feed.backoffMaxMs": a.backoffMaxMs,
});

const writeLine = (obj: unknown): void => {
  process.stdout.write(JSON.stringify(obj) + "\n");
};

/** The engine on the system clock, trading through the dry-run simulator or (--live) the official client. */
async function startDirectRun(args: RunArgs, settings: Settings, markets: MarketInfo[], exchange: ResolvedExchange, store: Store, out: RunOutput): Promise<RunningEngine> {
  if (args.live) {
    const { liveBanner } = await import("../../adapters/gateway/live/open-live-gateway.js");
    process.stderr.write(`${liveBanner({ clob: exchange.endpoints.clob, maxNotionalUsd: settings.live.maxNotionalUsd, markets })}\n`);
  }
  return openSession({
    markets,
    endpoints: exchange.endpoints,
    source: exchange.source,
    settings,
    store,
    clock: systemClock(),
    logger: stderrLogger,
    feedLogger: args.verbose ? stderrLogger : undefined,
    live: args.live,
    ...out,
  });
}

export async function runHeadless(args: RunArgs): Promise<void> {
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
    const store = await openStore(args.dataDir, settings, systemClock(), stderrLogger);
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
}
