// Test helpers: risk limits and an empty market exposure.
import type { RiskLimits } from "../../../src/domain/risk/limits.js";
import { emptyTokenExposure, type MarketExposure } from "../../../src/domain/risk/exposure.js";

export const SH = 1_000_000;
export const USD = 1_000_000;

export const limits = (over: Partial<RiskLimits> = {}): RiskLimits => ({
  maxPositionShares: 100 * SH,
  maxPositionUsd: 60 * USD,
  maxTotalExposureUsd: 80 * USD,
  maxOrderShares: 50 * SH,
  maxPriceDeviation: 1000,
  maxDailyLoss: 100 * USD,
  maxDrawdown: 150 * USD,
  errorCooldownPerMinute: 5,
  errorKillPerMinute: 20,
  errorCooldownMs: 10_000,
  reduceBeforeEndMs: 3_600_000,
  ...over,
});

export const exposure = (over: { yes?: number; no?: number; totalUsd?: number } = {}): MarketExposure => ({
  yes: { ...emptyTokenExposure(), shares: (over.yes ?? 0) * SH, cost: (over.yes ?? 0) * 500_000 },
  no: { ...emptyTokenExposure(), shares: (over.no ?? 0) * SH, cost: (over.no ?? 0) * 500_000 },
  totalUsd: over.totalUsd ?? ((over.yes ?? 0) + (over.no ?? 0)) * 500_000,
});
