// One demo market of the embedded exchange: its fixed description and the state that moves with trading.
import type { Outcome } from "../../domain/market.js";
import type { MicroUsd, Pips } from "../../domain/units.js";
import type { SimMarketMeta } from "../context.js";

export interface SimRewards {
  /** Gamma `rewardsMaxSpread`, cents. */
  maxSpreadCents: number;
  /** Gamma `rewardsMinSize`, shares. */
  minSizeShares: number;
  /** `clobRewards[].rewardsDailyRate`, dollars a day. */
  dailyRateUsd: number;
  rewardId: string;
}

export interface SimMarket {
  /** Gamma's numeric id (a string). */
  id: string;
  questionId: string;
  /** Mutable: tickSize moves with tick_size_change. */
  meta: SimMarketMeta;
  /** The tick the market returns to when its book leaves the extremes. */
  baseTick: Pips;
  question: string;
  slug: string;
  description: string;
  outcomes: [string, string];
  createdAt: string;
  startDate: string;
  endDate: string;
  rewards: SimRewards | null;
  takerFeeBps: number;
  /** Starting fair probability of YES (the flow's latent value starts here). */
  initialFair: number;
  /** Traded notional, micro-dollars: all time and since the 24 h window began (seeded with a plausible base). */
  volume: MicroUsd;
  volume24h: MicroUsd;
  /** Last trade price in YES terms. */
  lastTradePrice: Pips;
  closed: boolean;
  winner: Outcome | null;
}
