// `mm` with no command: the TUI (market picker and live dashboard) over Polymarket or, with --demo, the embedded exchange.
import React from "react";
import chalk from "chalk";
import { render } from "ink";
import type { Argv, CommandModule } from "yargs";
import { App } from "../../ui/App.js";
import type { DashboardHost } from "../../ui/host.js";
import type { MarketInfo } from "../../domain/market.js";
import type { EngineHandle, EngineSnapshot } from "../../engine/snapshot.js";
import type { Clock } from "../../ports/clock.js";
import { systemClock } from "../../adapters/clock/system-clock.js";
import { GammaCatalog } from "../../adapters/polymarket/gamma-catalog.js";
import { ClobRest } from "../../adapters/polymarket/clob-rest.js";
import type { Endpoints } from "../../adapters/polymarket/endpoints.js";
import { resolveExchange, withEndpointOptions, type EndpointArgs, type ResolvedExchange } from "../endpoint-options.js";
import { UserError } from "../errors.js";

interface DashboardArgs extends EndpointArgs {
  market?: string;
  dataDir: string;
  live: boolean;
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

/** Keeps the engine's snapshot object when nothing changed, and fills the price history from REST until the engine has its own. */
function withHistory(handle: EngineHandle, history: () => number[]): EngineHandle {
  let lastIn: EngineSnapshot | null = null;
  let lastOut: EngineSnapshot | null = null;
  return {
    snapshot() {
      const snap = handle.snapshot();
      if (snap === lastIn && lastOut) return lastOut;
      const extra = history();
      lastIn = snap;
      lastOut = extra.length === 0 ? snap : { ...snap, markets: snap.markets.map((m) => (m.priceHistory.length > 0 ? m : { ...m, priceHistory: extra })) };
      return lastOut;
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
    this.session = await startSession(market, this.endpoints(), this.args, this.clock);
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

async function startSession(market: MarketInfo, endpoints: Endpoints, args: DashboardArgs, clock: Clock): Promise<Session> {
  void market;
  void endpoints;
  void args;
  void clock;
  throw new Error("the quoting engine is not wired into the dashboard yet");
}

export const dashboardCommand: CommandModule<object, DashboardArgs> = {
  command: "$0",
  describe: "Open the dashboard (market picker and live quoting)",
  builder: (y) =>
    withEndpointOptions(y)
      .option("market", { type: "string", describe: "Skip the picker: a market slug, condition id or token id" })
      .option("data-dir", { type: "string", default: "./data", describe: "Where state.json and ledger.jsonl live" })
      .option("live", { type: "boolean", default: false, describe: "Trade real money (not available yet; always dry-run)" })
      .option("rate", { type: "number", default: 20, describe: "With --demo: market messages per second" })
      .option("seed", { type: "number", default: 1, describe: "With --demo: the exchange's seed" }) as unknown as Argv<DashboardArgs>,
  handler: async (args) => {
    if (args.live) throw new UserError("--live is not available yet: the dashboard always runs in dry-run. Drop --live.", 2);
    if (!process.stdin.isTTY || !process.stdout.isTTY) throw new UserError("mm needs an interactive terminal for the dashboard; for scripts use `mm run --headless`.", 2);
    if (process.env.NO_COLOR) chalk.level = 0;
    const venue = await resolveExchange(args, { seed: args.seed, rate: args.rate });
    const clock = systemClock();
    const host = new CliHost(venue, args, clock);
    const app = render(React.createElement(App, { host, clock, marketRef: args.market ?? null }), { exitOnCtrlC: false, patchConsole: true, maxFps: 10 });
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
          restoreTerminal();
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
      restoreTerminal();
      throw err;
    } finally {
      process.off("SIGTERM", onSignal);
      process.off("SIGHUP", onSignal);
      process.off("uncaughtException", onCrash);
      process.off("unhandledRejection", onCrash);
    }
    restoreTerminal();
    process.exit(0);
  },
};
