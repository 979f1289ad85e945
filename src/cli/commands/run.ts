// `mm run --headless --market X`: follows the markets' feed and prints JSON lines (feed state changes and periodic status).
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

export const runCommand: CommandModule<object, RunArgs> = {
  command: "run",
  describe: "Run without the dashboard: JSON lines on stdout (feed state changes and status)",
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
      .option("verbose", { type: "boolean", default: false, describe: "Log feed diagnostics to stderr" }) as never,
  handler: async (args) => {
    if (!args.headless) throw new UsageError("mm run needs --headless for now (the dashboard is `mm`)");
    if (!Number.isInteger(args.statusMs) || args.statusMs < 50) throw new UserError(`--status-ms ${args.statusMs}: use an integer number of ms, at least 50`, 2);
    const settings = loadSettings({ configFile: args.config, sets: args.set, overrides: feedOverrides(args) });
    const exchange = await resolveExchange(args);
    try {
      const markets = await resolveMarkets(new GammaCatalog(exchange.endpoints.gamma), args.market);
      if (exchange.demo) process.stderr.write(`mm: demo exchange at ${exchange.endpoints.clob} (faults: POST ${exchange.endpoints.clob}/_admin/drop-all, stall, ...)\n`);
      const clock = systemClock();
      const feed = createMarketFeed(exchange.endpoints, settings.feed, { clock, logger: args.verbose ? stderrLogger : undefined });
      feed.onNotice((n) => {
        const line = feedLine(n);
        if (line) writeLine(line);
      });
      const metas = markets.flatMap(tokenMetas);
      const ids = metas.map((m) => m.tokenId);
      feed.addTokens(metas);
      feed.start();
      const timer = setInterval(() => writeLine(statusLine(feed, ids, clock.now())), args.statusMs);
      const signal = await untilSignal();
      clearInterval(timer);
      await feed.stop();
      writeLine({ type: "exit", ts: clock.now(), reason: signal });
    } finally {
      await exchange.close();
    }
    process.exit(0);
  },
};
