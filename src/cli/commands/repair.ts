// `mm repair [--data-dir DIR]`: rebuilds state.json from ledger.jsonl (after a damaged state file), keeping the old file aside.
import type { CommandModule } from "yargs";
import { dataDirOption } from "../common-options.js";

export interface RepairArgs {
  "data-dir": string;
}

export const repairCommand: CommandModule<object, RepairArgs> = {
  command: "repair",
  describe: "Rebuild state.json from the ledger",
  builder: (y) => y.option("data-dir", dataDirOption()),
  handler: async (args) => (await import("../report/account-handlers.js")).handleRepair(args),
};
