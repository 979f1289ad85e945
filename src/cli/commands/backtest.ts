// `mm backtest FILE`: runs the dry-run engine over a recording on a virtual clock and reports P&L, fills, markouts and risk.
import type { CommandModule } from "yargs";
import { settingsOptions, type SettingsArgs } from "../common-options.js";

export interface BacktestArgs extends SettingsArgs {
  file: string;
  sweep?: string[];
  json: boolean;
  verbose: boolean;
  minOrderSize?: string;
  negRisk?: boolean;
  tickSize?: string;
  workers?: number;
}

export const backtestCommand: CommandModule<object, BacktestArgs> = {
  command: "backtest <file>",
  describe: "Run the dry-run engine over a recording on a virtual clock and report P&L, fills, markouts and risk",
  builder: (y) =>
    y
      .positional("file", { type: "string", demandOption: true, describe: "Recording: from mm record / mm run --record, a capture JSONL, or raw frames" })
      .options(settingsOptions({ setExample: "strategy.halfSpreadTicks=3" }))
      .option("sweep", { type: "string", array: true, describe: "Try several values: key=a,b,c (repeatable; runs the grid in worker threads)" })
      .option("workers", { type: "number", describe: "Worker threads for --sweep (default: one per CPU)" })
      .option("json", { type: "boolean", default: false, describe: "Print one JSON object (a JSON array of rows with --sweep)" })
      .option("verbose", { type: "boolean", default: false, describe: "Log the engine's and feed's diagnostics to stderr" })
      .option("min-order-size", { type: "string", describe: "Market min order size for recordings without a meta line (default 5)" })
      .option("neg-risk", { type: "boolean", describe: "The recorded markets are neg-risk (recordings without a meta line; default false)" })
      .option("tick-size", { type: "string", describe: "Tick size for recordings without a meta line (default: inferred from the prices)" })
      .example("$0 backtest session.jsonl --json", "One JSON report")
      .example("$0 backtest session.jsonl --sweep strategy.halfSpreadTicks=1,2,3 --sweep strategy.orderSize=5,10", "A 3x2 grid, best total P&L first") as never,
  handler: async (args: BacktestArgs) => (await import("../backtest/backtest-handler.js")).handleBacktest(args),
};
