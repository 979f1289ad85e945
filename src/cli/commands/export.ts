// `mm export --csv FILE [--data-dir DIR]`: writes the fill history from the ledger as CSV.
import { writeFileSync } from "node:fs";
import type { CommandModule } from "yargs";
import { fillsCsv } from "../report/fills-csv.js";
import { loadAccount } from "../report/load-account.js";
import { UserError } from "../errors.js";

interface ExportArgs {
  csv: string;
  "data-dir": string;
}

export const exportCommand: CommandModule<object, ExportArgs> = {
  command: "export",
  describe: "Write the dry-run fill history as CSV",
  builder: (y) =>
    y
      .option("csv", { type: "string", demandOption: true, describe: "CSV file to write (\"-\" for stdout)" })
      .option("data-dir", { type: "string", default: "./data", describe: "Where state.json and ledger.jsonl live" }),
  handler: async (args) => {
    const { ledger } = await loadAccount(args["data-dir"]);
    const { csv, rows } = fillsCsv(ledger.entries);
    if (args.csv === "-") {
      process.stdout.write(csv);
      return;
    }
    try {
      writeFileSync(args.csv, csv);
    } catch (err) {
      throw new UserError(`cannot write ${args.csv}: ${(err as Error).message}; pass a writable path.`);
    }
    process.stdout.write(`wrote ${rows} fills to ${args.csv}\n`);
  },
};
