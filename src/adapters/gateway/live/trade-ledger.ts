// Pure bookkeeping of our live trades: which fills a user-channel `trade` event gives us, and how MATCHED -> CONFIRMED / FAILED moves them.
import type { TradeStatus, UserTradeEvent } from "../../../domain/events.js";
import type { Outcome, Side } from "../../../domain/market.js";
import type { Fill } from "../../../ports/order-gateway.js";
import type { MicroUsd } from "../../../domain/units.js";
import { notional } from "../../../domain/units.js";

export interface TradeContext {
  /** Our API key: maker orders carrying it as owner are ours. */
  apiKey: string;
  isOurOrder(orderId: string): boolean;
  /** The market (condition id) and outcome of a token, or null when we do not trade it. */
  tokenInfo(tokenId: string): { market: string; outcome: Outcome } | null;
}

/** What a trade event changed for us. */
export type FillEffect =
  | { kind: "matched"; fill: Fill } // a new fill, not yet on chain (pending)
  | { kind: "confirmed"; fill: Fill; wasPending: boolean } // final; wasPending: it was reported as matched before
  | { kind: "failed"; fill: Fill }; // a reported fill that will never settle: undo it

interface TradeRecord {
  status: TradeStatus;
  fills: Fill[];
  /** The fills were reported (as matched or confirmed). */
  reported: boolean;
}

const TERMINAL: ReadonlySet<TradeStatus> = new Set(["CONFIRMED", "FAILED"]);

function opposite(side: Side): Side {
  return side === "BUY" ? "SELL" : "BUY";
}

/** Our fills in one trade: the maker orders that are ours, or the taker order when we were the taker. */
export function fillsOf(t: UserTradeEvent, ctx: TradeContext, ts: number): Fill[] {
  const out: Fill[] = [];
  const status: Fill["status"] = t.status === "CONFIRMED" ? "CONFIRMED" : "MATCHED";
  if (t.traderSide === "TAKER" && ctx.isOurOrder(t.takerOrderId)) {
    const info = ctx.tokenInfo(t.assetId);
    if (info) {
      const fee: MicroUsd = Math.round((notional(t.price, t.size) * t.feeRateBps) / 10_000);
      out.push({ id: `${t.id}:${t.takerOrderId}`, orderId: t.takerOrderId, market: info.market, tokenId: t.assetId, outcome: info.outcome, side: t.side, price: t.price, size: t.size, fee, liquidity: "taker", ts, status });
    }
  }
  for (const m of t.makerOrders) {
    if (m.owner !== ctx.apiKey && !ctx.isOurOrder(m.orderId)) continue;
    const info = ctx.tokenInfo(m.assetId);
    if (!info) continue;
    // The trade's side is the taker's: a maker on the same token took the other side, on the mirror token the same side.
    const side = m.side ?? (m.assetId === t.assetId ? opposite(t.side) : t.side);
    out.push({ id: `${t.id}:${m.orderId}`, orderId: m.orderId, market: info.market, tokenId: m.assetId, outcome: info.outcome, side, price: m.price, size: m.matchedAmount, fee: 0, liquidity: "maker", ts, status });
  }
  return out;
}

export class TradeLedger {
  private trades = new Map<string, TradeRecord>();

  /** Applies one trade event (from the socket or from REST); duplicates and stale statuses change nothing. */
  apply(t: UserTradeEvent, ctx: TradeContext, ts: number): FillEffect[] {
    const known = this.trades.get(t.id);
    if (!known) {
      const fills = fillsOf(t, ctx, ts);
      const record: TradeRecord = { status: t.status, fills, reported: false };
      this.trades.set(t.id, record);
      if (fills.length === 0 || t.status === "FAILED") return [];
      record.reported = true;
      return fills.map((fill) => (t.status === "CONFIRMED" ? { kind: "confirmed", fill, wasPending: false } : { kind: "matched", fill }));
    }
    if (TERMINAL.has(known.status) || known.status === t.status) return [];
    known.status = t.status;
    if (!known.reported) return [];
    if (t.status === "CONFIRMED") {
      known.fills = known.fills.map((f) => ({ ...f, status: "CONFIRMED" }));
      return known.fills.map((fill) => ({ kind: "confirmed", fill, wasPending: true }));
    }
    if (t.status === "FAILED") return known.fills.map((fill) => ({ kind: "failed", fill }));
    return []; // MINED, RETRYING: still pending
  }

  has(tradeId: string): boolean {
    return this.trades.has(tradeId);
  }

  /** Every reported fill that has not failed, with its status (MATCHED = pending). */
  fills(): Fill[] {
    const out: Fill[] = [];
    for (const r of this.trades.values()) if (r.reported && r.status !== "FAILED") out.push(...r.fills);
    return out;
  }
}
