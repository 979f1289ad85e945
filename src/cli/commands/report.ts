// `mm report [--json] [--data-dir DIR]`: the paper account's positions, cash, equity and P&L, read from state.json and the ledger.
import type { CommandModule } from "yargs";
import { buildReport } from "../report/report-model.js";
import { formatReport } from "../report/format-report.js";
import { loadAccount } from "../report/load-account.js";

interface ReportArgs {
  json: boolean;
  "data-dir": string;
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: "report",
  describe: "Show the dry-run account: positions, cash, equity, P&L, fills, markouts, rewards, drawdown",
  builder: (y) =>
    y
      .option("json", { type: "boolean", default: false, describe: "Print one JSON object" })
      .option("data-dir", { type: "string", default: "./data", describe: "Where state.json and ledger.jsonl live" }),
  handler: async (args) => {
    const { state } = await loadAccount(args["data-dir"]);
    const report = buildReport(state);
    process.stdout.write(args.json ? JSON.stringify(report) + "\n" : formatReport(report, args["data-dir"]));
  },
};
