// Quoting: a pure function of the books, fair value, inventory, the market's constraints and the settings -> desired orders.
import type { MarketInfo } from "../market.js";
import { PRICE_SCALE, type Micro, type Pips } from "../units.js";
import type { QuoteBook } from "./book-view.js";
import type { DesiredOrder, Inventory } from "./desired-order.js";
import { combinedTop, fairValue } from "./fair-value.js";
import { ceilSize, ceilToTick, floorSize, floorToTick } from "./grid.js";
import type { QuoteParams } from "./params.js";
import { needsTwoSided, rewardBand, type RewardBand } from "./rewards-band.js";
import { routeSide, type LevelQuote } from "./route.js";

/** normal: both sides; reduce: only orders that shrink net inventory (risk state REDUCING). */
export type QuoteMode = "normal" | "reduce";

export interface QuoteInput {
  market: MarketInfo;
  yes: QuoteBook;
  no: QuoteBook | null;
  inventory: Inventory;
  params: QuoteParams;
  mode: QuoteMode;
  now: number;
}

export interface QuoteResult {
  orders: DesiredOrder[];
  /** YES pips, may be fractional. */
  fair: number | null;
  reservation: number | null;
  /** Why nothing (or only one side) is quoted, when that is the case. */
  reason: string | null;
}

const none = (reason: string, fair: number | null = null, reservation: number | null = null): QuoteResult => ({ orders: [], fair, reservation, reason });

export function computeQuotes(input: QuoteInput): QuoteResult {
  const { market, yes, no, inventory: inv, params: p, now } = input;
  if (market.endDate !== null) {
    const end = Date.parse(market.endDate);
    if (Number.isFinite(end) && end - now <= p.stopBeforeEndMs) return none("market ends within strategy.stopBeforeEndMs");
  }
  const tick = yes.tickSize;
  const top = combinedTop(yes, no);
  if (top.bid === null || top.ask === null) return none("one-sided book");
  if (top.bid >= top.ask) return none("crossed book");
  const rewards = p.rewardsMode ? market.rewards : null;
  const fair = fairValue(p.fairValue, yes, no, rewards ? rewards.minSize : market.minSize);
  if (fair === null) return none("no fair value");

  const net = inv.yes - inv.no;
  const rawSkew = (p.skewRiskFactor * net) / p.orderSize;
  const skewTicks = Math.max(-p.maxSkewTicks, Math.min(p.maxSkewTicks, rawSkew));
  const reservation = fair - skewTicks * tick;

  let bid = floorToTick(reservation - p.halfSpreadTicks * tick, tick);
  let ask = ceilToTick(reservation + p.halfSpreadTicks * tick, tick);
  if (p.placement !== "target") {
    const improve = p.placement === "improve" && top.ask - top.bid > 2 * tick;
    bid = Math.min(bid, improve ? top.bid + tick : top.bid);
    ask = Math.max(ask, improve ? top.ask - tick : top.ask);
  }
  // Post-only: never cross the opposite best.
  bid = Math.min(bid, top.ask - tick);
  ask = Math.max(ask, top.bid + tick);

  let band: RewardBand | null = null;
  if (rewards) {
    band = rewardBand(yes.sizeAdjustedMidpoint(rewards.minSize) ?? fair, rewards.maxSpreadCents, tick);
    if (bid < band.minBid && band.minBid < Math.min(ask, top.ask)) bid = band.minBid;
    if (ask > band.maxAsk && band.maxAsk > Math.max(bid, top.bid)) ask = band.maxAsk;
  }

  const lo = Math.max(tick, ceilToTick(p.minPrice, tick));
  const hi = Math.min(PRICE_SCALE - tick, floorToTick(p.maxPrice, tick));
  const minQuote = Math.max(market.minSize, rewards ? rewards.minSize : 0);
  const bidFactor = net > 0 ? Math.max(0, 1 - net / p.maxPositionShares) : 1;
  const askFactor = net < 0 ? Math.max(0, 1 + net / p.maxPositionShares) : 1;
  const bidLevels = levels(bid, -1, tick, p, minQuote, bidFactor, lo, hi, band);
  const askLevels = levels(ask, 1, tick, p, minQuote, askFactor, lo, hi, band);

  const reducing = input.mode === "reduce";
  const limits = { maxPositionShares: p.maxPositionShares, maxPositionUsd: p.maxPositionUsd };
  const bids = reducing && net >= 0 ? [] : routeSide("bid", bidLevels, market, inv, { ...limits, reduceCap: reducing ? -net : null });
  const asks = reducing && net <= 0 ? [] : routeSide("ask", askLevels, market, inv, { ...limits, reduceCap: reducing ? net : null });

  if (band && !reducing && needsTwoSided(band.centre) && (bids.length === 0) !== (asks.length === 0)) {
    return none("rewards need two-sided quotes outside [0.10, 0.90]", fair, reservation);
  }
  const reason = reducing ? "reducing: only orders that shrink inventory" : bids.length === 0 || asks.length === 0 ? "one side limited" : null;
  return { orders: [...bids, ...asks], fair, reservation, reason };
}

/** Level prices stepping away from the first price, in bounds (and in the reward band), with their sizes. */
function levels(
  first: Pips,
  dir: 1 | -1,
  tick: Pips,
  p: QuoteParams,
  minQuote: Micro,
  factor: number,
  lo: Pips,
  hi: Pips,
  band: RewardBand | null,
): LevelQuote[] {
  const out: LevelQuote[] = [];
  if (factor <= 0) return out;
  let base = p.orderSize;
  for (let i = 0; i < p.levels; i++, base *= p.levelSizeMultiplier) {
    const price = first + dir * i * p.levelSpacingTicks * tick;
    if (price < lo || price > hi) continue;
    if (band && (price < band.minBid || price > band.maxAsk)) continue;
    const full = Math.max(floorSize(base), ceilSize(minQuote));
    const size = Math.max(floorSize(full * factor), ceilSize(minQuote));
    out.push({ price, size, level: i });
  }
  return out;
}
