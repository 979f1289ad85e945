// `mm report [--json] [--data-dir DIR]`: the paper account's positions, cash, equity and P&L, read from state.json and the ledger.
import type { CommandModule } from "yargs";
import { dataDirOption } from "../common-options.js";

export interface ReportArgs {
  json: boolean;
  "data-dir": string;
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: "report",
  describe: "Show the dry-run account: positions, cash, equity, P&L, fills, markouts, rewards, drawdown",
  builder: (y) =>
    y
      .option("json", { type: "boolean", default: false, describe: "Print one JSON object" })
      .option("data-dir", dataDirOption()),
  handler: async (args) => (await import("../report/account-handlers.js")).handleReport(args),
};
