// Renders an inspect report as a readable two-column table.
import type { InspectDetails, InspectReport } from "./inspect-recording.js";

export function formatReport(file: string, report: InspectReport, details: InspectDetails): string {
  const rows: [string, string][] = [
    ["frames received", String(report.frames)],
    ["invalid (frames or items)", String(report.invalid)],
  ];
  for (const [reason, n] of Object.entries(details.rejections)) rows.push([`  ${reason}`, String(n)]);
  const eventTypes = Object.entries(report.events);
  rows.push(["events", eventTypes.length === 0 ? "none" : String(eventTypes.reduce((sum, [, n]) => sum + n, 0))]);
  for (const [type, n] of eventTypes) rows.push([`  ${type}`, String(n)]);
  rows.push(
    ["tokens", String(report.tokens)],
    ["top checks", String(report.top_checks)],
    ["top mismatches", String(report.top_mismatches)],
    ["hash checks", report.hash_checks === 0 ? "0 (pass --min-order-size, --neg-risk, --tick-size, --last-trade-price to check)" : String(report.hash_checks)],
    ["hash mismatches", String(report.hash_mismatches)],
  );
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = [`${file}`, `  ${details.recording.records} frame records, ${details.recording.skipped} other records (notes, open/close)`, ""];
  for (const [label, value] of rows) lines.push(`  ${label.padEnd(width)}  ${value}`);
  if (details.firstRejection !== null) lines.push("", `  first invalid: ${details.firstRejection}`);
  return lines.join("\n") + "\n";
}
