// Quoting parameters in integer units, built from the strategy and risk settings.
import { PRICE_SCALE, SIZE_SCALE, USD_SCALE, type Micro, type MicroUsd, type Pips } from "../units.js";
import type { StrategySettings } from "../settings/strategy.js";
import type { RiskSettings } from "../settings/risk.js";
import type { FairValueMethod } from "./fair-value.js";

export type Placement = "target" | "join" | "improve";

export interface QuoteParams {
  fairValue: FairValueMethod;
  halfSpreadTicks: number;
  placement: Placement;
  levels: number;
  levelSpacingTicks: number;
  /** First level's size. */
  orderSize: Micro;
  levelSizeMultiplier: number;
  /** YES-terms bounds. */
  minPrice: Pips;
  maxPrice: Pips;
  skewRiskFactor: number;
  maxSkewTicks: number;
  rewardsMode: boolean;
  stopBeforeEndMs: number;
  /** Per token: a full fill of every BUY quote keeps the position within these. */
  maxPositionShares: Micro;
  maxPositionUsd: MicroUsd;
}

export function quoteParamsFrom(strategy: StrategySettings, risk: RiskSettings): QuoteParams {
  return {
    fairValue: strategy.fairValue,
    halfSpreadTicks: strategy.halfSpreadTicks,
    placement: strategy.placement,
    levels: strategy.levels,
    levelSpacingTicks: strategy.levelSpacingTicks,
    orderSize: Math.round(strategy.orderSize * 100) * (SIZE_SCALE / 100),
    levelSizeMultiplier: strategy.levelSizeMultiplier,
    minPrice: Math.ceil(strategy.minPrice * PRICE_SCALE - 1e-9),
    maxPrice: Math.floor(strategy.maxPrice * PRICE_SCALE + 1e-9),
    skewRiskFactor: strategy.skewRiskFactor,
    maxSkewTicks: strategy.maxSkewTicks,
    rewardsMode: strategy.rewardsMode,
    stopBeforeEndMs: strategy.stopBeforeEndMs,
    maxPositionShares: Math.round(risk.maxPositionShares * SIZE_SCALE),
    maxPositionUsd: Math.round(risk.maxPositionUsd * USD_SCALE),
  };
}
