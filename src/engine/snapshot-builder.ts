// Builds the immutable EngineSnapshot on demand (the UI polls it; never per market message), and the recent-events journal.
import { avgCostOf } from "../domain/accounting/portfolio.js";
import { value } from "../domain/accounting/valuation.js";
import type { PersistedState } from "../domain/ledger/persisted-state.js";
import type { TrackedOrder } from "../domain/orders/tracked-order.js";
import type { QuoteParams } from "../domain/quoting/params.js";
import type { RiskLimits } from "../domain/risk/limits.js";
import { formatPrice, formatSize } from "../domain/units.js";
import type { MarketData } from "../ports/market-data.js";
import type { OpenOrder } from "../ports/order-gateway.js";
import type { EngineEvent } from "./engine-events.js";
import { marksOf } from "./inventory.js";
import type { MarketRun } from "./market-run.js";
import type { RiskManager } from "./risk-manager.js";
import type { RewardWatch } from "./reward-watch.js";
import type { EngineSnapshot, EventLine, FillSnapshot, MarketSnapshot, OrderSnapshot } from "./snapshot.js";

const MAX_FILLS = 50;
const MAX_EVENTS = 100;

/** The newest fills and event lines, newest first, bounded. */
export class EventJournal {
  readonly fills: FillSnapshot[] = [];
  readonly events: EventLine[] = [];

  record(e: EngineEvent): void {
    switch (e.type) {
      case "fill": {
        const f = e.fill;
        this.fills.unshift({ id: f.id, ts: f.ts, market: f.market, outcome: f.outcome, side: f.side, price: f.price, size: f.size, fee: f.fee, liquidity: f.liquidity });
        if (this.fills.length > MAX_FILLS) this.fills.pop();
        this.line(e.ts, "info", `fill ${f.side} ${formatSize(f.size)} ${f.outcome} @ ${formatPrice(f.price)} (${f.liquidity})`);
        return;
      }
      case "risk":
        this.line(e.ts, e.state === "HALTED" ? "error" : e.state === "REDUCING" ? "warn" : "info", `risk ${e.state}${e.market ? ` [${e.market}]` : ""}${e.reason ? `: ${e.reason}` : ""}`);
        return;
      case "order":
        if (e.action === "rejected") this.line(e.ts, "warn", `rejected ${e.side} ${formatSize(e.size)} ${e.outcome} @ ${formatPrice(e.price)}: ${e.reason ?? ""}`);
        return;
    }
  }

  private line(ts: number, level: EventLine["level"], text: string): void {
    this.events.unshift({ ts, level, text });
    if (this.events.length > MAX_EVENTS) this.events.pop();
  }
}

export interface SnapshotInputs {
  now: number;
  mode: "dry-run" | "live";
  source: string;
  runs: readonly MarketRun[];
  marketData: MarketData;
  state: Readonly<PersistedState>;
  orders: readonly TrackedOrder[];
  gatewayOrders: readonly OpenOrder[];
  risk: RiskManager;
  limits: RiskLimits;
  journal: EventJournal;
  paused: boolean;
  params: QuoteParams;
  rewards: RewardWatch;
}

function marketSnapshot(run: MarketRun, md: MarketData): MarketSnapshot {
  const book = md.book(run.info.yesTokenId);
  const q = md.quotable(run.info.yesTokenId);
  return {
    info: run.info,
    bids: book ? book.depth("BUY", 10) : [],
    asks: book ? book.depth("SELL", 10) : [],
    bestBid: book ? book.bestBid() : null,
    bestAsk: book ? book.bestAsk() : null,
    midpoint: book ? book.midpoint() : null,
    spread: book ? book.spread() : null,
    synced: book ? book.synced : false,
    quotable: run.status && q.ok ? { ok: true, reason: run.status } : { ok: q.ok, reason: q.reason },
    priceHistory: [...run.priceHistory],
    lastTradePrice: run.lastTradePrice,
  };
}

export function buildSnapshot(x: SnapshotInputs): EngineSnapshot {
  const tokens = x.runs.flatMap((r) => r.tokens());
  const v = value(x.state.portfolio, marksOf(x.marketData, tokens));
  const queue = new Map(x.gatewayOrders.map((o) => [o.id, o.queueAhead]));
  const openOrders: OrderSnapshot[] = x.orders.map((o) => ({
    id: o.id ?? o.clientId,
    market: o.market,
    tokenId: o.tokenId,
    outcome: o.outcome,
    side: o.side,
    price: o.price,
    size: o.size,
    filled: o.filled,
    queueAhead: o.id ? (queue.get(o.id) ?? null) : null,
    ageMs: x.now - o.createdAt,
    scoring: x.rewards.isScoring(o),
    status: o.status === "pending_new" ? "pending" : o.status === "live" ? "live" : "cancelling",
  }));
  const positions = Object.values(x.state.portfolio.positions).map((p) => ({
    market: p.market,
    tokenId: p.tokenId,
    outcome: p.outcome,
    shares: p.shares,
    avgCost: Math.round((avgCostOf(p) ?? 0) / 100),
  }));
  const m = x.risk.machine();
  const exposure = Object.values(x.state.portfolio.positions).reduce((s, p) => s + p.cost, 0);
  const { sums, counts } = x.state.markouts;
  const avg = (i: number): number | null => (counts[i] > 0 ? sums[i] / counts[i] : null);
  return {
    ts: x.now,
    mode: x.mode,
    source: x.source,
    markets: x.runs.map((r) => marketSnapshot(r, x.marketData)),
    feed: x.marketData.health(),
    risk: {
      state: x.risk.state,
      reason: x.risk.reason,
      limits: [
        { name: "daily loss", used: m.dayStartEquity === null ? 0 : Math.max(0, (m.dayStartEquity - v.equity) / 1e6), limit: x.limits.maxDailyLoss / 1e6, unit: "$" },
        { name: "drawdown", used: m.peakEquity === null ? 0 : Math.max(0, (m.peakEquity - v.equity) / 1e6), limit: x.limits.maxDrawdown / 1e6, unit: "$" },
        { name: "exposure", used: exposure / 1e6, limit: x.limits.maxTotalExposureUsd / 1e6, unit: "$" },
        { name: "errors", used: x.risk.errorsPerMinute(), limit: x.limits.errorKillPerMinute, unit: "/min" },
      ],
    },
    pnl: {
      cash: v.cash,
      realized: v.realized,
      unrealized: v.unrealized,
      fees: v.fees,
      total: v.total,
      equity: v.equity,
      rewardPerDay: x.rewards.perDay,
      markouts: { s5: avg(0), s30: avg(1), s120: avg(2) },
    },
    positions,
    openOrders,
    fills: [...x.journal.fills],
    events: [...x.journal.events],
    equityCurve: x.state.equityCurve.map((p) => p.equity),
    paused: x.paused,
    strategy: { halfSpreadTicks: x.params.halfSpreadTicks, orderSize: x.params.orderSize },
  };
}
