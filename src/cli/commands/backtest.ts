// `mm backtest FILE`: runs the dry-run engine over a recording on a virtual clock and reports P&L, fills, markouts and risk.
import { statSync } from "node:fs";
import type { CommandModule } from "yargs";
import { runBacktest } from "../../backtest/runner.js";
import { formatReport } from "../../backtest/report.js";
import type { MarketDefaults } from "../../backtest/recording-markets.js";
import { runSweep, parseSweeps } from "../../backtest/sweep.js";
import { PRICE_SCALE, parsePrice, parseSize } from "../../domain/units.js";
import { loadSettings } from "../config.js";
import { UserError } from "../errors.js";
import { stderrLogger } from "./run.js";

interface BacktestArgs {
  file: string;
  config?: string;
  set?: string[];
  sweep?: string[];
  json: boolean;
  verbose: boolean;
  minOrderSize?: string;
  negRisk?: boolean;
  tickSize?: string;
  workers?: number;
}

function defaultsFrom(a: BacktestArgs): MarketDefaults {
  const d: MarketDefaults = {};
  if (a.minOrderSize !== undefined) {
    const size = parseSize(a.minOrderSize);
    if (size === null || size <= 0) throw new UserError(`--min-order-size ${JSON.stringify(a.minOrderSize)} is not a positive decimal size; pass e.g. --min-order-size 5`, 2);
    d.minSize = size;
  }
  if (a.tickSize !== undefined) {
    const tick = parsePrice(a.tickSize);
    if (tick === null || tick <= 0 || tick >= PRICE_SCALE) throw new UserError(`--tick-size ${JSON.stringify(a.tickSize)} is not a tick size; pass it as the exchange writes it, e.g. --tick-size 0.01`, 2);
    d.tickSize = tick;
  }
  if (a.negRisk !== undefined) d.negRisk = a.negRisk;
  return d;
}

function checkFile(file: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch {
    throw new UserError(`${file} does not exist; pass the path of a recording (JSON Lines), e.g. mm backtest data/session.jsonl`, 2);
  }
  if (!isFile) throw new UserError(`${file} is not a file; pass the path of a recording (JSON Lines)`, 2);
}

export const backtestCommand: CommandModule<object, BacktestArgs> = {
  command: "backtest <file>",
  describe: "Run the dry-run engine over a recording on a virtual clock and report P&L, fills, markouts and risk",
  builder: (y) =>
    y
      .positional("file", { type: "string", demandOption: true, describe: "Recording: from mm record / mm run --record, a capture JSONL, or raw frames" })
      .option("config", { type: "string", describe: "Settings file merged over config/default.json" })
      .option("set", { type: "string", array: true, describe: "Override one setting: key=value (e.g. strategy.halfSpreadTicks=3)" })
      .option("sweep", { type: "string", array: true, describe: "Try several values: key=a,b,c (repeatable; runs the grid in worker threads)" })
      .option("workers", { type: "number", describe: "Worker threads for --sweep (default: one per CPU)" })
      .option("json", { type: "boolean", default: false, describe: "Print one JSON object (a JSON array of rows with --sweep)" })
      .option("verbose", { type: "boolean", default: false, describe: "Log the engine's and feed's diagnostics to stderr" })
      .option("min-order-size", { type: "string", describe: "Market min order size for recordings without a meta line (default 5)" })
      .option("neg-risk", { type: "boolean", describe: "The recorded markets are neg-risk (recordings without a meta line; default false)" })
      .option("tick-size", { type: "string", describe: "Tick size for recordings without a meta line (default: inferred from the prices)" })
      .example("$0 backtest session.jsonl --json", "One JSON report")
      .example("$0 backtest session.jsonl --sweep strategy.halfSpreadTicks=1,2,3 --sweep strategy.orderSize=5,10", "A 3x2 grid, best total P&L first") as never,
  handler: async (args: BacktestArgs) => {
    const defaults = defaultsFrom(args);
    checkFile(args.file);
    const base = { configFile: args.config, sets: args.set ?? [] };
    if (args.sweep && args.sweep.length > 0) {
      const grid = parseSweeps(args.sweep);
      await runSweep({ file: args.file, base, grid, defaults, json: args.json, workers: args.workers });
      return;
    }
    const settings = loadSettings(base);
    let result;
    try {
      result = await runBacktest({ path: args.file, settings, defaults, logger: args.verbose ? stderrLogger : undefined });
    } catch (err) {
      if (typeof (err as NodeJS.ErrnoException).code === "string") throw new UserError(`could not read ${args.file}: ${(err as Error).message}`, 2);
      if (err instanceof Error && err.message.startsWith("the recording's meta line")) throw new UserError(`${args.file}: ${err.message}`, 2);
      throw err;
    }
    const { report, speed } = result;
    if (args.json) {
      process.stdout.write(JSON.stringify(report) + "\n");
      process.stderr.write(`mm: ${report.messages} messages in ${speed.wallMs.toFixed(0)} ms: ${Math.round(speed.messagesPerSec)} msg/s (${speed.timesRealTime.toFixed(1)}x real time)\n`);
    } else process.stdout.write(formatReport(report, speed));
  },
};
