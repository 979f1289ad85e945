// Risk settings: position and exposure limits, loss and drawdown kill limits, error-rate cooldown (config/default.json "risk").
import { z } from "zod";

export const riskSettingsSchema = z.object({
  /** Per token, in shares (position plus resting BUYs). */
  maxPositionShares: z.number().min(1).max(10_000_000),
  /** Per token, in dollars of cost (position cost plus resting BUY notional). */
  maxPositionUsd: z.number().min(1).max(100_000_000),
  /** All tokens of all markets together, in dollars of cost. */
  maxTotalExposureUsd: z.number().min(1).max(1_000_000_000),
  /** One order, in shares. */
  maxOrderShares: z.number().min(1).max(10_000_000),
  /** An order priced further than this from fair value (YES terms, cents) is denied. */
  maxPriceDeviationCents: z.number().min(0.01).max(100),
  /** Realized + unrealized loss since 00:00 UTC that trips the kill switch, dollars. */
  maxDailyLossUsd: z.number().min(0.01).max(100_000_000),
  /** Fall from peak equity that trips the kill switch, dollars. */
  maxDrawdownUsd: z.number().min(0.01).max(100_000_000),
  /** Rejections and gateway errors per minute that start a cooldown (REDUCING). */
  errorCooldownPerMinute: z.number().int().min(1).max(10_000),
  /** Rejections and gateway errors per minute that trip the kill switch. */
  errorKillPerMinute: z.number().int().min(1).max(10_000),
  errorCooldownMs: z.number().int().min(100).max(3_600_000),
  /** A market within this long of its end date is REDUCING (only orders that shrink inventory). */
  reduceBeforeEndMs: z.number().int().min(0).max(30 * 86_400_000),
}).refine((s) => s.errorCooldownPerMinute <= s.errorKillPerMinute, { message: "must be at least risk.errorCooldownPerMinute", path: ["errorKillPerMinute"] });

export type RiskSettings = z.infer<typeof riskSettingsSchema>;
