// `mm report` as text for a terminal: positions, cash, equity, P&L, fills, markouts, rewards, drawdown and risk state.
import { parseSignedUsd, formatCents } from "../../domain/units.js";
import type { ReportJson } from "./report-model.js";

const cents = (usd: string): string => "$" + formatCents(parseSignedUsd(usd) ?? 0);

const pad = (label: string): string => (label + ":").padEnd(18);

export function formatReport(r: ReportJson, dataDir: string): string {
  const lines: string[] = [`mm report (${dataDir}, ledger seq ${r.lastSeq})`, ""];
  const tokens = Object.entries(r.positions);
  lines.push(tokens.length === 0 ? "Positions:        none" : "Positions:");
  for (const [token, p] of tokens) {
    const short = token.length > 14 ? `${token.slice(0, 6)}…${token.slice(-6)}` : token;
    lines.push(`  ${p.outcome.padEnd(3)} ${short.padEnd(14)} ${p.shares.padStart(12)} sh  avg ${p.avgCost}  mark ${p.mark ?? "n/a"}  (market ${p.market.slice(0, 10)})`);
  }
  lines.push(
    "",
    `${pad("Cash")}${cents(r.cash)} (${cents(r.reservedCash)} reserved by open orders)`,
    `${pad("Equity")}${cents(r.equity)} (liquidation at best bids ${cents(r.liquidationValue)})`,
    `${pad("P&L")}realized ${cents(r.pnl.realized)}  unrealized ${cents(r.pnl.unrealized)}  fees ${cents(r.pnl.fees)}  total ${cents(r.pnl.total)}`,
    `${pad("Fills")}${r.fills} (volume ${cents(r.volume)}), ${r.openOrders} open orders`,
    `${pad("Markouts/share")}+5s ${r.markouts.s5 ?? "n/a"}  +30s ${r.markouts.s30 ?? "n/a"}  +120s ${r.markouts.s120 ?? "n/a"}`,
    `${pad("Rewards (est.)")}${cents(r.rewardPerDay)}/day`,
    `${pad("Max drawdown")}${cents(r.maxDrawdown)}`,
    `${pad("Risk")}${r.risk.state}${r.risk.reason ? ` (${r.risk.reason})` : ""}`,
  );
  return lines.join("\n") + "\n";
}
