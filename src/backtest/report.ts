// The backtest report: the `mm backtest --json` object (field names are a contract) and its table.
import { averageMarkouts } from "../domain/accounting/markouts.js";
import type { Valuation } from "../domain/accounting/valuation.js";
import type { PersistedState } from "../domain/ledger/persisted-state.js";
import type { RiskState } from "../domain/risk/risk-state.js";
import { PRICE_SCALE, formatCents, formatUsd, parseSignedUsd } from "../domain/units.js";
import type { OrderTally } from "./metrics.js";

export interface BacktestReport {
  file: string;
  /** Markets quoted, and where they were learned ("meta": the recording's meta line; "frames": what its frames show). */
  markets: number;
  markets_from: "meta" | "frames";
  /** Received frames handed to the engine, and frames that came while its socket was down. */
  messages: number;
  dropped: number;
  /** Frames the parser rejected. */
  invalid: number;
  /** Recorded time covered, and its live-paced message rate (messages per recorded second). */
  duration_ms: number;
  recorded_messages_per_sec: number;
  /** Dollars, as decimal strings. */
  pnl: { realized: string; unrealized: string; fees: string; total: string };
  fills: number;
  orders: number;
  /** Filled shares / placed shares (null when nothing was placed). */
  fill_ratio: number | null;
  volume: string;
  /** Average mid move after our fills, dollars per share, signed as our gain (null: no fill sampled there). */
  markouts: { "5s": number | null; "30s": number | null; "120s": number | null };
  reward_estimate: string;
  max_drawdown: string;
  risk_time_ms: Record<RiskState, number>;
  final_risk_state: RiskState;
}

/** How fast the machine ran it (wall time: never in the --json object, which must be the same on every run). */
export interface BacktestSpeed {
  wallMs: number;
  messagesPerSec: number;
  /** Recorded time / wall time. */
  timesRealTime: number;
}

export interface ReportInputs {
  file: string;
  markets: number;
  from: "meta" | "frames";
  messages: number;
  dropped: number;
  invalid: number;
  durationMs: number;
  valuation: Valuation;
  state: Readonly<PersistedState>;
  tally: OrderTally;
  rewardAccrued: number;
  riskMs: Record<RiskState, number>;
  finalRisk: RiskState;
}

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

const dollars = (micro: number): string => formatUsd(Math.round(micro));

export function buildReport(i: ReportInputs): BacktestReport {
  const m = averageMarkouts({ pending: [], sums: i.state.markouts.sums, counts: i.state.markouts.counts });
  const perShare = (pips: number | null): number | null => (pips === null ? null : round(pips / PRICE_SCALE, 6));
  return {
    file: i.file,
    markets: i.markets,
    markets_from: i.from,
    messages: i.messages,
    dropped: i.dropped,
    invalid: i.invalid,
    duration_ms: i.durationMs,
    recorded_messages_per_sec: i.durationMs > 0 ? round((i.messages * 1000) / i.durationMs, 3) : 0,
    pnl: { realized: dollars(i.valuation.realized), unrealized: dollars(i.valuation.unrealized), fees: dollars(i.valuation.fees), total: dollars(i.valuation.total) },
    fills: i.state.portfolio.fills,
    orders: i.tally.placed,
    fill_ratio: i.tally.placedSize > 0 ? round(i.tally.filledSize / i.tally.placedSize, 6) : null,
    volume: dollars(i.state.portfolio.volume),
    markouts: { "5s": perShare(m.s5), "30s": perShare(m.s30), "120s": perShare(m.s120) },
    reward_estimate: dollars(i.rewardAccrued),
    max_drawdown: dollars(i.state.drawdown.max),
    risk_time_ms: i.riskMs,
    final_risk_state: i.finalRisk,
  };
}

const usd = (text: string): string => "$" + formatCents(parseSignedUsd(text) ?? 0);
const markout = (x: number | null): string => (x === null ? "-" : (x >= 0 ? "+" : "") + x.toFixed(4));
const seconds = (ms: number): string => (ms / 1000).toFixed(1) + " s";

export function formatReport(r: BacktestReport, speed: BacktestSpeed): string {
  const rows: [string, string][] = [
    ["recording", `${r.file} (${r.markets} market${r.markets === 1 ? "" : "s"} from ${r.markets_from === "meta" ? "its meta line" : "its frames"})`],
    ["messages", `${r.messages} in ${seconds(r.duration_ms)} recorded (${r.recorded_messages_per_sec} msg/s live-paced); ${r.invalid} invalid, ${r.dropped} while disconnected`],
    ["speed", `${Math.round(speed.messagesPerSec)} msg/s processed in ${speed.wallMs.toFixed(0)} ms (${speed.timesRealTime.toFixed(1)}x real time)`],
    ["P&L total", `${usd(r.pnl.total)} (realized ${usd(r.pnl.realized)}, unrealized ${usd(r.pnl.unrealized)}, fees ${usd(r.pnl.fees)})`],
    ["fills", `${r.fills} of ${r.orders} orders placed, fill ratio ${r.fill_ratio === null ? "-" : (r.fill_ratio * 100).toFixed(1) + "%"}, volume ${usd(r.volume)}`],
    ["markouts", `+5s ${markout(r.markouts["5s"])}, +30s ${markout(r.markouts["30s"])}, +120s ${markout(r.markouts["120s"])} $/share`],
    ["rewards (est.)", usd(r.reward_estimate)],
    ["max drawdown", usd(r.max_drawdown)],
    ["risk states", `ACTIVE ${seconds(r.risk_time_ms.ACTIVE)}, REDUCING ${seconds(r.risk_time_ms.REDUCING)}, HALTED ${seconds(r.risk_time_ms.HALTED)} (ends ${r.final_risk_state})`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join("\n") + "\n";
}
