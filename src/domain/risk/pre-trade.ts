// Pre-trade checks: every new order passes here; a denial names the limit it would break.
import { notional } from "../units.js";
import { yesPrice } from "../quoting/desired-order.js";
import type { RiskState } from "./risk-state.js";
import type { RiskLimits } from "./limits.js";
import { netDelta, netYes, restingDeltaToward, type MarketExposure, type OrderLike } from "./exposure.js";

export interface PreTradeContext {
  /** The effective state for this order's market. */
  state: RiskState;
  exposure: MarketExposure;
  /** Fair value in YES pips, null when unknown (then any order is denied). */
  fairYes: number | null;
  limits: RiskLimits;
}

/** null when the order may go; otherwise the reason it is denied. */
export function checkOrder(o: OrderLike, ctx: PreTradeContext): string | null {
  const { limits: l, exposure: m } = ctx;
  switch (ctx.state) {
    case "HALTED":
      return "halted: the kill switch denies every new order";
    case "REDUCING": {
      const net = netYes(m);
      const delta = netDelta(o);
      if (net === 0 || Math.sign(delta) === Math.sign(net)) return "reducing: the order would grow inventory";
      const already = restingDeltaToward(m, net > 0 ? -1 : 1);
      if (already + o.size > Math.abs(net)) return "reducing: resting and new orders would flip the position";
      break;
    }
    case "ACTIVE":
      break;
  }
  if (o.size <= 0) return "size must be positive";
  if (o.size > l.maxOrderShares) return "max order size (risk.maxOrderShares)";
  if (ctx.fairYes === null) return "no fair value to check the price against";
  if (Math.abs(yesPrice(o) - ctx.fairYes) > l.maxPriceDeviation) return "price too far from fair value (risk.maxPriceDeviationCents)";
  const t = o.outcome === "YES" ? m.yes : m.no;
  if (o.side === "SELL") {
    if (t.restingSellShares + o.size > t.shares) return "sell exceeds the shares held (no shorting)";
    return null;
  }
  if (t.shares + t.restingBuyShares + o.size > l.maxPositionShares) return "max position per token (risk.maxPositionShares)";
  const usd = notional(o.price, o.size);
  if (t.cost + t.restingBuyUsd + usd > l.maxPositionUsd) return "max position per token in dollars (risk.maxPositionUsd)";
  if (m.totalUsd + usd > l.maxTotalExposureUsd) return "max total exposure (risk.maxTotalExposureUsd)";
  return null;
}
