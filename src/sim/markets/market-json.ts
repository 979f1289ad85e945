// A sim market as Gamma and the CLOB serve it: field names, types and encodings copied from real responses.
import { PRICE_SCALE, SIZE_SCALE, USD_SCALE } from "../../domain/units.js";
import type { MarketBook } from "../matching/matching-engine.js";
import { bestAsk, bestBid } from "../market-data/token-book.js";
import type { SimMarket } from "./sim-market.js";

const USDC = "0x2791Bca1f2de4661ED88A30C99A7a9449Aa84174";
const p4 = (pips: number): number => pips / PRICE_SCALE;

/** Resting notional on the book in dollars (a YES ask at p holds 1-p of collateral per share). */
export function liquidityUsd(book: MarketBook): number {
  let micro = 0;
  for (const level of book.bids.levels) micro += (level.price * level.total) / PRICE_SCALE;
  for (const level of book.asks.levels) micro += ((PRICE_SCALE - level.price) * level.total) / PRICE_SCALE;
  return Math.round(micro / 100) / 10_000;
}

/** The YES price Gamma shows: the midpoint, else the last trade. */
function yesPrice(market: SimMarket, book: MarketBook): number {
  if (market.closed) return market.winner === "YES" ? PRICE_SCALE : 0;
  const bid = bestBid(book, true);
  const ask = bestAsk(book, true);
  return bid !== null && ask !== null ? (bid + ask) / 2 : market.lastTradePrice;
}

export function gammaMarket(market: SimMarket, book: MarketBook, nowIso: string): Record<string, unknown> {
  const m = market.meta;
  const bid = bestBid(book, true);
  const ask = bestAsk(book, true);
  const yes = yesPrice(market, book);
  const liquidity = liquidityUsd(book);
  const volume = market.volume / USD_SCALE;
  const volume24 = market.volume24h / USD_SCALE;
  const r = market.rewards;
  return {
    id: market.id,
    question: market.question,
    conditionId: m.conditionId,
    slug: market.slug,
    resolutionSource: "",
    endDate: market.endDate,
    liquidity: String(liquidity),
    startDate: market.startDate,
    image: "",
    icon: "",
    description: market.description,
    outcomes: JSON.stringify(market.outcomes),
    outcomePrices: JSON.stringify([String(p4(yes)), String(p4(PRICE_SCALE - yes))]),
    volume: String(volume),
    active: true,
    closed: market.closed,
    marketMakerAddress: "",
    createdAt: market.createdAt,
    updatedAt: nowIso,
    new: false,
    featured: false,
    archived: false,
    restricted: true,
    groupItemThreshold: "0",
    questionID: market.questionId,
    enableOrderBook: true,
    orderPriceMinTickSize: p4(m.tickSize),
    orderMinSize: m.minSize / SIZE_SCALE,
    volumeNum: volume,
    liquidityNum: liquidity,
    endDateIso: market.endDate.slice(0, 10),
    startDateIso: market.startDate.slice(0, 10),
    hasReviewedDates: true,
    volume24hr: volume24,
    volume1wk: volume24 * 5,
    volume1mo: volume24 * 20,
    volume1yr: volume,
    clobTokenIds: JSON.stringify([m.yesTokenId, m.noTokenId]),
    volume24hrClob: volume24,
    volumeClob: volume,
    liquidityClob: liquidity,
    makerBaseFee: 0,
    takerBaseFee: market.takerFeeBps,
    acceptingOrders: !market.closed,
    negRisk: m.negRisk,
    ...(m.negRisk ? { negRiskMarketID: market.questionId, negRiskRequestID: "" } : {}),
    ready: false,
    funded: false,
    acceptingOrdersTimestamp: market.startDate,
    cyom: false,
    competitive: 0.9,
    pagerDutyNotificationEnabled: false,
    approved: true,
    clobRewards: r
      ? [{ id: r.rewardId, conditionId: m.conditionId, assetAddress: USDC, rewardsAmount: 0, rewardsDailyRate: r.dailyRateUsd, startDate: market.startDate.slice(0, 10), endDate: "2500-12-31" }]
      : [],
    rewardsMinSize: r ? r.minSizeShares : 0,
    rewardsMaxSpread: r ? r.maxSpreadCents : 0,
    spread: bid !== null && ask !== null ? p4(ask - bid) : 1,
    lastTradePrice: p4(market.lastTradePrice),
    bestBid: bid !== null ? p4(bid) : 0,
    bestAsk: ask !== null ? p4(ask) : 1,
    automaticallyActive: true,
    clearBookOnStart: false,
    manualActivation: false,
    negRiskOther: false,
    umaResolutionStatuses: "[]",
    pendingDeployment: false,
    deploying: false,
    rfqEnabled: false,
    holdingRewardsEnabled: false,
    feesEnabled: market.takerFeeBps > 0,
    requiresTranslation: false,
    feeType: null,
    version: "v1",
  };
}

/** CLOB GET /markets/{condition_id}, shaped like the real response. */
export function clobMarket(market: SimMarket, book: MarketBook): Record<string, unknown> {
  const m = market.meta;
  const r = market.rewards;
  const yes = yesPrice(market, book);
  return {
    enable_order_book: true,
    active: true,
    closed: market.closed,
    archived: false,
    accepting_orders: !market.closed,
    accepting_order_timestamp: market.startDate,
    minimum_order_size: m.minSize / SIZE_SCALE,
    minimum_tick_size: p4(m.tickSize),
    condition_id: m.conditionId,
    question_id: market.questionId,
    question: market.question,
    description: market.description,
    market_slug: market.slug,
    end_date_iso: market.endDate,
    game_start_time: null,
    seconds_delay: 0,
    fpmm: "",
    maker_base_fee: 0,
    taker_base_fee: market.takerFeeBps,
    notifications_enabled: false,
    neg_risk: m.negRisk,
    neg_risk_market_id: m.negRisk ? market.questionId : "",
    neg_risk_request_id: "",
    icon: "",
    image: "",
    rewards: {
      rates: r ? [{ asset_address: USDC, rewards_daily_rate: r.dailyRateUsd }] : null,
      min_size: r ? r.minSizeShares : 0,
      max_spread: r ? r.maxSpreadCents : 0,
    },
    is_50_50_outcome: false,
    tokens: [
      { token_id: m.yesTokenId, outcome: market.outcomes[0], price: p4(yes), winner: market.winner === "YES" },
      { token_id: m.noTokenId, outcome: market.outcomes[1], price: p4(PRICE_SCALE - yes), winner: market.winner === "NO" },
    ],
    tags: ["Simulated"],
  };
}

/** CLOB GET /clob-markets/{condition_id}: the compact form clob-client-v2 reads (t, mts, nr, fd, r, ...). */
export function clobMarketInfo(market: SimMarket): Record<string, unknown> {
  const m = market.meta;
  const r = market.rewards;
  return {
    c: m.conditionId,
    t: [
      { t: m.yesTokenId, o: market.outcomes[0] },
      { t: m.noTokenId, o: market.outcomes[1] },
    ],
    mts: p4(m.tickSize),
    ...(m.negRisk ? { nr: true } : {}),
    fd: { r: market.takerFeeBps / 10_000, e: 0 },
    mbf: 0,
    tbf: market.takerFeeBps,
    r: r ? { mi: r.minSizeShares, ma: r.maxSpreadCents, e: true } : null,
    ao: !market.closed,
    mos: m.minSize / SIZE_SCALE,
    sd: 0,
    cbos: false,
    aot: market.startDate,
  };
}
