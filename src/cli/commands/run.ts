// `mm run --headless --market X`: quotes the markets in dry-run and prints JSON lines (feed, orders, fills, risk, status).
import type { CommandModule } from "yargs";
import { dataDirOption, settingsOptions, type SettingsArgs } from "../common-options.js";
import { withEndpointOptions, type EndpointArgs } from "../endpoint-options.js";

export interface FeedFlagArgs {
  pingMs?: number;
  pongTimeoutMs?: number;
  staleMs?: number;
  quietMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

export interface RunArgs extends EndpointArgs, FeedFlagArgs, SettingsArgs {
  headless: boolean;
  market: string[];
  statusMs: number;
  verbose: boolean;
  source?: string;
  dataDir: string;
  demoRate: number;
  live: boolean;
  yes: boolean;
  record?: string;
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
      .options(settingsOptions({ setExample: "feed.quoteOnRestBook=true" }))
      .option("verbose", { type: "boolean", default: false, describe: "Log feed diagnostics to stderr" })
      .option("source", { type: "string", describe: "Where data comes from: live (Polymarket or the endpoint flags), sim (= --demo), replay:FILE" })
      .option("data-dir", dataDirOption("Where state.json, ledger.jsonl and the kill-switch files live"))
      .option("demo-rate", { type: "number", default: 100, describe: "Market messages per second of the embedded exchange (--demo, --source sim)" })
      .option("live", { type: "boolean", default: false, describe: "Trade for real through the official client (keys in .env; check with `mm doctor`)" })
      .option("yes", { type: "boolean", default: false, describe: "With --live and --headless: confirm live trading without a prompt" })
      .option("record", { type: "string", describe: "Write the frames the engine consumed to FILE (dry-run only); `mm backtest FILE` repeats the run's fills" }) as never,
  // The engine, the stores and the sim load only when a run starts (not for --help, nor for the other commands).
  handler: async (args) => (await import("../run/run-headless.js")).runHeadless(args),
};
