// The markets a recording shows (condition id, token ids, tick size, neg-risk where known), as sim markets REST can describe.
import type { MarketInfo } from "../../domain/market.js";
import { SIZE_SCALE, USD_SCALE } from "../../domain/units.js";
import type { SimMarket } from "../markets/sim-market.js";
import { FrameMarkets } from "../../adapters/recording/frame-markets.js";

/** Markets learned from the frames alone (the first token seen is taken as YES). */
export function marketsFromFrames(texts: readonly string[], now: number): SimMarket[] {
  const frames = framesOf(texts);
  return simMarkets(frames.markets({}), frames, now);
}

/** The markets of a recording's meta line (mm record), with what the frames show of their last trade price. */
export function marketsFromMeta(markets: readonly MarketInfo[], texts: readonly string[], now: number): SimMarket[] {
  return simMarkets(markets, framesOf(texts), now);
}

function framesOf(texts: readonly string[]): FrameMarkets {
  const frames = new FrameMarkets();
  for (const text of texts) frames.add(text);
  return frames;
}

function simMarkets(markets: readonly MarketInfo[], frames: FrameMarkets, now: number): SimMarket[] {
  const iso = new Date(now).toISOString();
  return markets.map((m, index) => {
    const lastTrade = frames.lastTradePrice(m.conditionId) ?? 5000;
    return {
      id: String(900_000 + index),
      questionId: m.conditionId,
      meta: { conditionId: m.conditionId, yesTokenId: m.yesTokenId, noTokenId: m.noTokenId, tickSize: m.tickSize, minSize: m.minSize, negRisk: m.negRisk },
      baseTick: m.tickSize,
      question: m.question,
      slug: m.slug,
      description: "A market replayed from a recording.",
      outcomes: m.outcomes,
      createdAt: iso,
      startDate: iso,
      endDate: m.endDate ?? iso,
      rewards: m.rewards ? { maxSpreadCents: m.rewards.maxSpreadCents, minSizeShares: m.rewards.minSize / SIZE_SCALE, dailyRateUsd: m.rewards.dailyRate / USD_SCALE, rewardId: `recorded-${index}` } : null,
      takerFeeBps: m.takerFeeBps,
      initialFair: lastTrade / 10_000,
      volume: 0,
      volume24h: 0,
      lastTradePrice: lastTrade,
      closed: false,
      winner: null,
    };
  });
}
