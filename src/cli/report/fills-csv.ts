// The fill history from the ledger as CSV for spreadsheets (one row per fill; reversed fills as negative sizes).
import type { LedgerEntry } from "../../domain/ledger/ledger-entry.js";

const HEADER = ["seq", "ts", "fill_id", "order_id", "market", "token", "outcome", "side", "price", "size", "fee", "liquidity"];

function cell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function fillsCsv(entries: readonly LedgerEntry[]): { csv: string; rows: number } {
  const rows: string[] = [HEADER.join(",")];
  for (const e of entries) {
    if (e.type !== "fill" && e.type !== "fill_reversed") continue;
    const size = e.type === "fill_reversed" ? `-${e.size}` : e.size;
    rows.push([String(e.seq), e.ts, e.fillId, e.orderId, e.market, e.token, e.outcome, e.side, e.price, size, e.fee, e.liquidity].map(cell).join(","));
  }
  return { csv: rows.join("\n") + "\n", rows: rows.length - 1 };
}
