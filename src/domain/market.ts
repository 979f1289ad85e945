// The metadata of one binary market: its two tokens and the exchange's constraints on orders.
import type { MicroUsd, Micro, Pips } from "./units.js";

export type Outcome = "YES" | "NO";
export type Side = "BUY" | "SELL";

export interface RewardParams {
  /** Reward band half-width in cents from the size-adjusted midpoint (Gamma `rewardsMaxSpread`). */
  maxSpreadCents: number;
  /** Minimum order size to score (Gamma `rewardsMinSize`), micro-shares. */
  minSize: Micro;
  /** Daily reward pool in micro-dollars (sum of `clobRewards[].rewardsDailyRate`). */
  dailyRate: MicroUsd;
}

export interface MarketInfo {
  conditionId: string;
  question: string;
  slug: string;
  description: string;
  /** Token ids, YES first (Polymarket's `outcomes[0]`). */
  yesTokenId: string;
  noTokenId: string;
  outcomes: [string, string];
  tickSize: Pips;
  minSize: Micro;
  negRisk: boolean;
  /** ISO end date, or null when the market has none. */
  endDate: string | null;
  rewards: RewardParams | null;
  /** Taker fee rate in basis points (0 when fees are off). */
  takerFeeBps: number;
  active: boolean;
  closed: boolean;
  acceptingOrders: boolean;
  volume24h: number;
  volume: number;
  liquidity: number;
  bestBid: Pips | null;
  bestAsk: Pips | null;
}

/** Which outcome a token is in its market, or null when it is neither. */
export function outcomeOf(market: MarketInfo, tokenId: string): Outcome | null {
  if (tokenId === market.yesTokenId) return "YES";
  if (tokenId === market.noTokenId) return "NO";
  return null;
}

export function tokenOf(market: MarketInfo, outcome: Outcome): string {
  return outcome === "YES" ? market.yesTokenId : market.noTokenId;
}

/** The identity and order constraints a market must have; everything else defaults. */
export type MarketEssentials = Pick<MarketInfo, "conditionId" | "question" | "slug" | "yesTokenId" | "noTokenId" | "tickSize" | "minSize" | "negRisk">;

/** An open market taking orders, with no statistics yet (recordings, benchmarks, fixtures): `extra` overrides the defaults. */
export function openMarket(essentials: MarketEssentials, extra: Partial<MarketInfo> = {}): MarketInfo {
  return {
    description: "",
    outcomes: ["Yes", "No"],
    endDate: null,
    rewards: null,
    takerFeeBps: 0,
    active: true,
    closed: false,
    acceptingOrders: true,
    volume24h: 0,
    volume: 0,
    liquidity: 0,
    bestBid: null,
    bestAsk: null,
    ...essentials,
    ...extra,
  };
}
