// Strategy settings: fair value, spread, levels, sizes, inventory skew, bounds, rewards mode (config/default.json "strategy").
import { z } from "zod";

export const strategySettingsSchema = z.object({
  /** Which fair value the quotes centre on. */
  fairValue: z.enum(["midpoint", "microprice", "size_adjusted"]),
  /** Distance from the reservation price to each side's first level, in ticks (0.5 steps: 0.5 quotes at the touch of a one-tick market). */
  halfSpreadTicks: z.number().min(0.5).max(100).multipleOf(0.5),
  /** target: quote at the half-spread; join: never ahead of the best price; improve: one tick ahead of it when the spread allows. */
  placement: z.enum(["target", "join", "improve"]),
  levels: z.number().int().min(1).max(5),
  levelSpacingTicks: z.number().int().min(1).max(50),
  /** Size of the first level, in shares (raised to the market's minimum size). */
  orderSize: z.number().min(0.01).max(1_000_000),
  /** Each further level's size is the previous one's times this. */
  levelSizeMultiplier: z.number().min(0.1).max(5),
  /** Quotes stay inside [minPrice, maxPrice] (YES terms, dollars) as well as [tick, 1 - tick]. */
  minPrice: z.number().min(0.0001).max(0.9999),
  maxPrice: z.number().min(0.0001).max(0.9999),
  /** Avellaneda-Stoikov style skew: the reservation price moves this many ticks against each orderSize of net inventory. */
  skewRiskFactor: z.number().min(0).max(50),
  /** Cap on the reservation shift, in ticks. */
  maxSkewTicks: z.number().int().min(0).max(1000),
  /** Keep quotes inside the reward band at >= the reward minimum size (POLYMARKET.md section 6). */
  rewardsMode: z.boolean(),
  /** Stop quoting this long before the market's end date. */
  stopBeforeEndMs: z.number().int().min(0).max(30 * 86_400_000),
}).refine((s) => s.minPrice < s.maxPrice, { message: "must be above strategy.minPrice", path: ["maxPrice"] });

export type StrategySettings = z.infer<typeof strategySettingsSchema>;
