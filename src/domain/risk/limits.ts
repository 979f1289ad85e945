// Risk limits in integer units, built from the risk settings.
import { PRICE_SCALE, SIZE_SCALE, USD_SCALE, type Micro, type MicroUsd, type Pips } from "../units.js";
import type { RiskSettings } from "../settings/risk.js";

export interface RiskLimits {
  maxPositionShares: Micro;
  maxPositionUsd: MicroUsd;
  maxTotalExposureUsd: MicroUsd;
  maxOrderShares: Micro;
  maxPriceDeviation: Pips;
  maxDailyLoss: MicroUsd;
  maxDrawdown: MicroUsd;
  errorCooldownPerMinute: number;
  errorKillPerMinute: number;
  errorCooldownMs: number;
  reduceBeforeEndMs: number;
}

export function riskLimitsFrom(s: RiskSettings): RiskLimits {
  return {
    maxPositionShares: Math.round(s.maxPositionShares * SIZE_SCALE),
    maxPositionUsd: Math.round(s.maxPositionUsd * USD_SCALE),
    maxTotalExposureUsd: Math.round(s.maxTotalExposureUsd * USD_SCALE),
    maxOrderShares: Math.round(s.maxOrderShares * SIZE_SCALE),
    maxPriceDeviation: Math.round((s.maxPriceDeviationCents * PRICE_SCALE) / 100),
    maxDailyLoss: Math.round(s.maxDailyLossUsd * USD_SCALE),
    maxDrawdown: Math.round(s.maxDrawdownUsd * USD_SCALE),
    errorCooldownPerMinute: s.errorCooldownPerMinute,
    errorKillPerMinute: s.errorKillPerMinute,
    errorCooldownMs: s.errorCooldownMs,
    reduceBeforeEndMs: s.reduceBeforeEndMs,
  };
}
