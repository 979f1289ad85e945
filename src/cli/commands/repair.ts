// `mm repair [--data-dir DIR]`: rebuilds state.json from ledger.jsonl (after a damaged state file), keeping the old file aside.
import type { CommandModule } from "yargs";
import { repairState } from "../../adapters/store/repair.js";
import { formatUsd } from "../../domain/units.js";
import { UserError } from "../errors.js";

interface RepairArgs {
  "data-dir": string;
}

export const repairCommand: CommandModule<object, RepairArgs> = {
  command: "repair",
  describe: "Rebuild state.json from the ledger",
  builder: (y) => y.option("data-dir", { type: "string", default: "./data", describe: "Where state.json and ledger.jsonl live" }),
  handler: async (args) => {
    let result;
    try {
      result = await repairState(args["data-dir"], Date.now());
    } catch (err) {
      throw new UserError((err as Error).message);
    }
    if (result.warning) process.stderr.write(`mm: warning: ${result.warning}\n`);
    const s = result.state;
    const lines = [
      `rebuilt ${args["data-dir"]}/state.json from ${result.entries} ledger entries (last seq ${s.lastSeq})`,
      result.movedTo ? `the old state file is kept as ${result.movedTo}` : "there was no state file before",
      `cash $${formatUsd(s.portfolio.cash)}, ${Object.keys(s.portfolio.positions).length} positions, ${Object.keys(s.orders).length} open orders, risk ${s.risk.state}`,
      "marks, the equity curve and markouts start over; everything else comes from the ledger",
    ];
    process.stdout.write(lines.join("\n") + "\n");
  },
};
