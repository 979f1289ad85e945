// The liquidity-reward band: prices that score (spread from the size-adjusted midpoint below rewardsMaxSpread).
import type { Pips } from "../units.js";
import { ceilToTick, floorToTick } from "./grid.js";

export interface RewardBand {
  /** Lowest bid and highest ask (YES terms, on the grid) that still score. */
  minBid: Pips;
  maxAsk: Pips;
  /** The size-adjusted midpoint the band is centred on. */
  centre: number;
}

/** Scoring needs |price - centre| < maxSpreadCents (strictly), so the band edges step one tick inside. */
export function rewardBand(centre: number, maxSpreadCents: number, tick: Pips): RewardBand {
  const v = maxSpreadCents * 100;
  return { minBid: floorToTick(centre - v, tick) + tick, maxAsk: ceilToTick(centre + v, tick) - tick, centre };
}

/** Outside [0.10, 0.90] only two-sided quoting scores (POLYMARKET.md section 6). */
export const needsTwoSided = (centre: number): boolean => centre < 1000 || centre > 9000;
