// `mm` with no command: the TUI (market picker and live dashboard) over Polymarket or, with --demo, the embedded exchange.
import chalk from "chalk";
import type { Argv, CommandModule } from "yargs";
import type { DashboardHost } from "../../ui/host.js";
import type { MarketInfo } from "../../domain/market.js";
import type { EngineHandle, EngineSnapshot } from "../../engine/snapshot.js";
import type { Clock } from "../../ports/clock.js";
import { systemClock } from "../../adapters/clock/system-clock.js";
import { appendFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { GammaCatalog } from "../../adapters/polymarket/gamma-catalog.js";
import { DryRunGateway } from "../../adapters/gateway/dry-run/dry-run-gateway.js";
import { openLiveGateway } from "../../adapters/gateway/live/open-live-gateway.js";
import { confirmLive } from "../../adapters/gateway/live/confirm-live.js";
import { openFileStore } from "../../adapters/store/file-store.js";
import { createEngine } from "../../engine/engine.js";
import { claimDataDir } from "../../engine/control/control-files.js";
import { watchControl } from "../../engine/control/control-watcher.js";
import type { Logger } from "../../ports/logger.js";
import type { OrderGateway } from "../../ports/order-gateway.js";
import type { Settings } from "../../domain/settings/schema.js";
import { loadSettings } from "../config.js";
import { createMarketFeed } from "../market-data-factory.js";
import { ClobRest } from "../../adapters/polymarket/clob-rest.js";
import type { Endpoints } from "../../adapters/polymarket/endpoints.js";
import { resolveExchange, withEndpointOptions, type EndpointArgs, type ResolvedExchange } from "../endpoint-options.js";
import { UserError } from "../errors.js";

interface DashboardArgs extends EndpointArgs {
  market?: string;
  config?: string;
  set?: string[];
  dataDir: string;
  live: boolean;
  /** The market the user confirmed for live trading (set after the typed confirmation). */
  liveSlug?: string;
  rate: number;
  seed: number;
}

/** A running engine on one market, and how to stop it (cancel all, flush state). */
interface Session {
  handle: EngineHandle;
  /** Resolves once every cancel request has been sent (a forced exit waits for this, not for the answers). */
  cancelsSent(): Promise<void>;
  stop(): Promise<void>;
}

/** Puts the market's recent history from REST (/prices-history) in front of the prices the engine has seen itself. */
function withHistory(handle: EngineHandle, history: () => number[]): EngineHandle {
  return {
    snapshot() {
      const snap = handle.snapshot();
      const past = history();
      return past.length === 0 ? snap : { ...snap, markets: snap.markets.map((m) => ({ ...m, priceHistory: [...past, ...m.priceHistory] })) };
    },
    subscribe: (listener) => handle.subscribe(listener),
    command: (cmd) => handle.command(cmd),
  };
}

class CliHost implements DashboardHost {
  private session: Session | null = null;
  private closing: Promise<void> | null = null;

  constructor(
    private venue: ResolvedExchange,
    private readonly args: DashboardArgs,
    private readonly settings: Settings,
    private readonly clock: Clock,
  ) {}

  private endpoints(): Endpoints {
    return this.venue.endpoints;
  }

  source(): string {
    return this.venue.demo ? "demo (embedded exchange)" : this.venue.endpoints.gamma;
  }

  listMarkets(): Promise<MarketInfo[]> {
    return new GammaCatalog(this.endpoints().gamma).list({ limit: 500, order: "volume24hr", ascending: false });
  }

  resolveMarket(ref: string): Promise<MarketInfo> {
    return new GammaCatalog(this.endpoints().gamma).resolve(ref);
  }

  async openMarket(market: MarketInfo): Promise<EngineHandle> {
    await this.closeMarket();
    let history: number[] = [];
    new ClobRest(this.endpoints().clob).pricesHistory(market.yesTokenId, "1d", 5).then(
      (points) => (history = points.map((p) => p.p).filter((p) => Number.isFinite(p))),
      () => undefined, // the sparkline says "no history yet"; the engine's own prices fill it as trades print
    );
    if (this.args.live && market.slug !== this.args.liveSlug) throw new UserError(`live trading was confirmed for ${this.args.liveSlug} only; restart mm --live --market ${market.slug} to trade this one`);
    this.session = await startSession(market, this.endpoints(), this.venue.source, this.settings, this.args.dataDir, this.clock, this.args.live);
    return withHistory(this.session.handle, () => history);
  }

  async closeMarket(): Promise<void> {
    const session = this.session;
    this.session = null;
    if (session) await session.stop();
  }

  async startDemo(): Promise<void> {
    if (this.venue.demo) return;
    this.venue = await resolveExchange({ demo: true }, { seed: this.args.seed, rate: this.args.rate });
  }

  shutdown(): Promise<void> {
    this.closing ??= (async () => {
      await this.closeMarket();
      await this.venue.close();
    })();
    return this.closing;
  }

  forceExit(): void {
    const sent = this.session?.cancelsSent() ?? Promise.resolve();
    void sent.finally(() => {
      restoreTerminal();
      process.exit(130);
    });
  }
}

/** Shows the cursor and leaves raw mode, whatever state Ink was left in. */
function restoreTerminal(): void {
  if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
  process.stdout.write("\u001B[?25h");
}

/** The TUI owns the screen, so diagnostics go to <data-dir>/mm.log. */
function fileLogger(dataDir: string): Logger {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, "mm.log");
  const write = (level: string) => (msg: string, fields?: Record<string, unknown>) =>
    appendFileSync(path, `${new Date().toISOString()} ${level} ${msg}${fields ? " " + JSON.stringify(fields) : ""}\n`);
  return { debug: () => undefined, info: write("info"), warn: write("warn"), error: write("error") };
}

/** Notes when cancels go out after shutdown began, so a forced exit can wait for exactly that. */
function watchCancels(inner: OrderGateway): { gateway: OrderGateway; stopping(): void; sent(): Promise<void> } {
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

/** Composes feed, dry-run gateway, store and engine for one market (as `mm run` does) and starts it. */
async function startSession(market: MarketInfo, endpoints: Endpoints, source: string, settings: Settings, dataDir: string, clock: Clock, liveMode = false): Promise<Session> {
  const logger = fileLogger(dataDir);
  const store = await openFileStore({
    dataDir,
    clock,
    logger,
    startingCash: Math.round(settings.dryRun.startingBalance * 1_000_000),
    stateWriteMs: settings.dryRun.stateWriteMs,
    equityCurvePoints: settings.dryRun.equityCurvePoints,
  });
  const feed = createMarketFeed(endpoints, settings.feed, { clock, logger });
  const live = liveMode ? await openLiveGateway({ endpoints, settings, markets: [market], clock, logger }) : null;
  const dry = live ? null : new DryRunGateway({
    clock,
    books: feed,
    account: { cash: () => store.state().portfolio.cash, shares: (t) => store.state().portfolio.positions[t]?.shares ?? 0 },
    settings: settings.dryRun,
  });
  if (dry) {
    // Dry-run orders left open by an earlier session on this data dir rest again (the engine adopts or cancels them).
    dry.restore(Object.values(store.state().orders), [market]);
    feed.onNotice((n) => dry.onNotice(n));
  }
  const cancels = watchCancels(live ?? dry!);
  const engine = createEngine({ markets: [market], settings, marketData: feed, gateway: cancels.gateway, store, clock, logger, source });
  await engine.start();
  // `mm kill` / `mm resume` from another terminal reach this engine through the data dir.
  const control = watchControl(dataDir, engine, clock);
  let stopping: Promise<void> | null = null;
  return {
    handle: engine,
    cancelsSent: () => cancels.sent(),
    stop() {
      cancels.stopping();
      stopping ??= (async () => {
        control.stop();
        await engine.stop();
        await (live ?? dry!).close();
        await store.close();
      })();
      return stopping;
    },
  };
}

/**
 * Waits until the UI ends. However it ends (q, a signal, a crash inside React or anywhere else), every order is
 * cancelled and the terminal restored before the error, if any, is reported.
 */
export async function superviseUi(
  app: { waitUntilExit(): Promise<unknown>; unmount(): void },
  host: Pick<DashboardHost, "shutdown">,
  restore: () => void,
): Promise<void> {
  const onSignal = () => {
    void host.shutdown().finally(() => app.unmount());
  };
  const onCrash = (err: unknown) => {
    // A failure outside React (a timer, a socket): cancel everything, restore the terminal, then report it.
    void host
      .shutdown()
      .catch(() => undefined)
      .finally(() => {
        app.unmount();
        restore();
        process.stderr.write(`mm: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        process.exit(1);
      });
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGHUP", onSignal);
  process.on("uncaughtException", onCrash);
  process.on("unhandledRejection", onCrash);
  try {
    await app.waitUntilExit();
  } catch (err) {
    // A crash inside the UI: orders are still cancelled and the terminal restored before the error is reported.
    await host.shutdown().catch(() => undefined);
    restore();
    throw err;
  } finally {
    process.off("SIGTERM", onSignal);
    process.off("SIGHUP", onSignal);
    process.off("uncaughtException", onCrash);
    process.off("unhandledRejection", onCrash);
  }
}

export const dashboardCommand: CommandModule<object, DashboardArgs> = {
  command: "$0",
  describe: "Open the dashboard (market picker and live quoting)",
  builder: (y) =>
    withEndpointOptions(y)
      .option("market", { type: "string", describe: "Skip the picker: a market slug, condition id or token id" })
      .option("data-dir", { type: "string", default: "./data", describe: "Where state.json and ledger.jsonl live" })
      .option("live", { type: "boolean", default: false, describe: "Trade real money through the official client (needs --market; you confirm by typing its short name)" })
      .option("rate", { type: "number", default: 20, describe: "With --demo: market messages per second" })
      .option("seed", { type: "number", default: 1, describe: "With --demo: the exchange's seed" })
      .option("config", { type: "string", describe: "Settings file merged over config/default.json" })
      .option("set", { type: "string", array: true, describe: "Override one setting: key=value (e.g. strategy.halfSpreadTicks=3)" }) as unknown as Argv<DashboardArgs>,
  handler: async (args) => {
    if (args.live && !args.market) throw new UserError("--live needs --market SLUG: before trading real money you confirm by typing that market's short name.", 2);
    if (!process.stdin.isTTY || !process.stdout.isTTY) throw new UserError("mm needs an interactive terminal for the dashboard; for scripts use `mm run --headless`.", 2);
    if (process.env.NO_COLOR) chalk.level = 0;
    const settings = loadSettings({ configFile: args.config, sets: args.set });
    try {
      process.on("exit", claimDataDir(args.dataDir));
    } catch (err) {
      throw new UserError((err as Error).message, 2);
    }
    const venue = await resolveExchange(args, { seed: args.seed, rate: args.rate });
    const clock = systemClock();
    if (args.live) {
      const market = await new GammaCatalog(venue.endpoints.gamma).resolve(args.market!);
      const ok = await confirmLive(market, { clob: venue.endpoints.clob, maxNotionalUsd: settings.live.maxNotionalUsd, input: process.stdin, output: process.stdout });
      if (!ok) {
        await venue.close();
        throw new UserError("Not confirmed: nothing was traded.", 1);
      }
      args.liveSlug = market.slug;
    }
    const host = new CliHost(venue, args, settings, clock);
    // React's development build costs several times more per frame; it (and Ink) load only here, after this is set.
    process.env.NODE_ENV ??= "production";
    const [{ createElement }, { render }, { App }] = await Promise.all([import("react"), import("ink"), import("../../ui/App.js")]);
    const app = render(createElement(App, { host, clock, marketRef: args.market ?? null }), { exitOnCtrlC: false, patchConsole: true, maxFps: 10 });
    await superviseUi(app, host, restoreTerminal);
    restoreTerminal();
    process.exit(0);
  },
};
