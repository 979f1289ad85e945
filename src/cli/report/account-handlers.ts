// What the account commands do on --data-dir: `mm report` (the account), `mm export` (fills as CSV) and `mm repair` (state.json from the ledger).
import { writeFileSync } from "node:fs";
import { repairState } from "../../adapters/store/repair.js";
import { formatUsd } from "../../domain/units.js";
import type { ExportArgs } from "../commands/export.js";
import type { RepairArgs } from "../commands/repair.js";
import type { ReportArgs } from "../commands/report.js";
import { UserError } from "../errors.js";
import { fillsCsv } from "./fills-csv.js";
import { formatReport } from "./format-report.js";
import { loadAccount } from "./load-account.js";
import { buildReport } from "./report-model.js";

export async function handleReport(args: ReportArgs): Promise<void> {
  const { state } = await loadAccount(args["data-dir"]);
  const report = buildReport(state);
  process.stdout.write(args.json ? JSON.stringify(report) + "\n" : formatReport(report, args["data-dir"]));
}

export async function handleExport(args: ExportArgs): Promise<void> {
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
}

export async function handleRepair(args: RepairArgs): Promise<void> {
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
}
