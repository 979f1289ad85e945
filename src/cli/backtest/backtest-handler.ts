// What `mm backtest` does: one run over the recording (a report or one JSON object) or, with --sweep, a grid of runs in worker threads.
import { runBacktest } from "../../backtest/runner.js";
import { formatReport } from "../../backtest/report.js";
import type { MarketDefaults } from "../../backtest/recording-markets.js";
import { runSweep, parseSweeps } from "../../backtest/sweep.js";
import { parseSize } from "../../domain/units.js";
import type { BacktestArgs } from "../commands/backtest.js";
import { loadSettings } from "../config.js";
import { UserError } from "../errors.js";
import { stderrLogger } from "../loggers.js";
import { checkRecordingFile, parseTickSizeFlag, recordingReadError } from "../recording-file.js";

function defaultsFrom(a: BacktestArgs): MarketDefaults {
  const d: MarketDefaults = {};
  if (a.minOrderSize !== undefined) {
    const size = parseSize(a.minOrderSize);
    if (size === null || size <= 0) throw new UserError(`--min-order-size ${JSON.stringify(a.minOrderSize)} is not a positive decimal size; pass e.g. --min-order-size 5`, 2);
    d.minSize = size;
  }
  if (a.tickSize !== undefined) d.tickSize = parseTickSizeFlag(a.tickSize);
  if (a.negRisk !== undefined) d.negRisk = a.negRisk;
  return d;
}

export async function handleBacktest(args: BacktestArgs): Promise<void> {
  const defaults = defaultsFrom(args);
  checkRecordingFile(args.file, "backtest");
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
    throw recordingReadError(args.file, err);
  }
  const { report, speed } = result;
  if (args.json) {
    process.stdout.write(JSON.stringify(report) + "\n");
    process.stderr.write(`mm: ${report.messages} messages in ${speed.wallMs.toFixed(0)} ms: ${Math.round(speed.messagesPerSec)} msg/s (${speed.timesRealTime.toFixed(1)}x real time)\n`);
  } else process.stdout.write(formatReport(report, speed));
}
