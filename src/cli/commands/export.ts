// `mm export --csv FILE [--data-dir DIR]`: writes the fill history from the ledger as CSV.
import type { CommandModule } from "yargs";
import { dataDirOption } from "../common-options.js";

export interface ExportArgs {
  csv: string;
  "data-dir": string;
}

export const exportCommand: CommandModule<object, ExportArgs> = {
  command: "export",
  describe: "Write the dry-run fill history as CSV",
  builder: (y) =>
    y
      .option("csv", { type: "string", demandOption: true, describe: "CSV file to write (\"-\" for stdout)" })
      .option("data-dir", dataDirOption()),
  handler: async (args) => (await import("../report/account-handlers.js")).handleExport(args),
};
