// The `mm report` figures from a recovered account, as the JSON object `--json` prints (amounts as decimal strings).
import type { PersistedState } from "../../domain/ledger/persisted-state.js";
import { avgCostOf } from "../../domain/accounting/portfolio.js";
import { value } from "../../domain/accounting/valuation.js";
import { reservedCash } from "../../domain/accounting/reservations.js";
import { formatFixed, formatUsd } from "../../domain/units.js";

export interface ReportJson {
  positions: Record<string, { market: string; outcome: "YES" | "NO"; shares: string; avgCost: string; mark: string | null }>;
  cash: string;
  reservedCash: string;
  equity: string;
  liquidationValue: string;
  pnl: { realized: string; unrealized: string; fees: string; total: string };
  fills: number;
  volume: string;
  openOrders: number;
  /** Average markouts in dollars per share (negative: the market moved against our fills), null until sampled. */
  markouts: { s5: string | null; s30: string | null; s120: string | null };
  rewardPerDay: string;
  maxDrawdown: string;
  risk: { state: "ACTIVE" | "REDUCING" | "HALTED"; reason: string | null };
  lastSeq: number;
}

/** Pips (possibly fractional) to a dollar string rounded to 0.000001. */
const pipsToUsd = (pips: number): string => formatFixed(Math.round(pips * 100), 6);

export function buildReport(s: PersistedState): ReportJson {
  const v = value(s.portfolio, s.marks);
  const positions: ReportJson["positions"] = {};
  for (const p of Object.values(s.portfolio.positions)) {
    const mid = s.marks[p.tokenId]?.mid ?? null;
    positions[p.tokenId] = { market: p.market, outcome: p.outcome, shares: formatFixed(p.shares, 6), avgCost: formatUsd(avgCostOf(p) ?? 0), mark: mid === null ? null : pipsToUsd(mid) };
  }
  const avg = (i: number): string | null => (s.markouts.counts[i] > 0 ? pipsToUsd(s.markouts.sums[i] / s.markouts.counts[i]) : null);
  return {
    positions,
    cash: formatUsd(s.portfolio.cash),
    reservedCash: formatUsd(reservedCash(Object.values(s.orders))),
    equity: formatUsd(v.equity),
    liquidationValue: formatUsd(s.portfolio.cash + v.liquidationValue),
    pnl: { realized: formatUsd(v.realized), unrealized: formatUsd(v.unrealized), fees: formatUsd(v.fees), total: formatUsd(v.total) },
    fills: s.portfolio.fills,
    volume: formatUsd(s.portfolio.volume),
    openOrders: Object.keys(s.orders).length,
    markouts: { s5: avg(0), s30: avg(1), s120: avg(2) },
    rewardPerDay: formatUsd(s.rewardPerDay),
    maxDrawdown: formatUsd(s.drawdown.max),
    risk: { state: s.risk.state, reason: s.risk.reason },
    lastSeq: s.lastSeq,
  };
}
