// Deterministic demo markets from a seed: questions, slugs, ids, tick sizes, end dates, neg-risk and reward parameters.
import { PRICE_SCALE, SIZE_SCALE, USD_SCALE } from "../../domain/units.js";
import type { Random } from "../random.js";
import type { SimMarket, SimRewards } from "./sim-market.js";

const QUESTIONS: readonly [string, string][] = [
  ["Will the Fed cut interest rates at its next meeting?", "the Federal Reserve announces a cut to the federal funds target range at its next scheduled FOMC meeting"],
  ["Will Bitcoin close above $150k this month?", "the BTC/USD daily close on the last day of this month, per Coinbase, is above $150,000"],
  ["Will it rain in London tomorrow?", "the Met Office records at least 1 mm of rain at Heathrow tomorrow"],
  ["Will Starship reach orbit on its next flight?", "SpaceX's next Starship flight reaches orbital velocity"],
  ["Will the Lakers make the playoffs?", "the Los Angeles Lakers qualify for the NBA playoffs this season"],
  ["Will ETH trade above $5,000 by the end of the quarter?", "ETH/USD trades above $5,000 on Coinbase at any time before the end of the quarter"],
  ["Will the S&P 500 close at a record high this week?", "the S&P 500 index sets a new all-time closing high this week"],
  ["Will a Category 5 hurricane make landfall this year?", "a hurricane makes landfall at Category 5 strength per the NHC this calendar year"],
  ["Will OpenAI release a new flagship model this month?", "OpenAI publicly releases a new flagship model this month"],
  ["Will the next UK general election be called early?", "a UK general election is called before its scheduled date"],
  ["Will gold trade above $4,000 an ounce this month?", "spot gold trades above $4,000 per troy ounce this month"],
  ["Will Real Madrid win the Champions League?", "Real Madrid wins this season's UEFA Champions League final"],
  ["Will US CPI inflation come in above 3% this month?", "the next BLS CPI release shows year-over-year inflation above 3.0%"],
  ["Will Apple announce a foldable iPhone this year?", "Apple announces a foldable iPhone at any event this calendar year"],
  ["Will Tesla deliver more than 500k cars this quarter?", "Tesla reports more than 500,000 vehicle deliveries for this quarter"],
  ["Will the temperature in New York exceed 35°C this week?", "Central Park records a maximum temperature above 35°C this week"],
];

const TICKS = [100, 10] as const; // 0.01 and 0.001 in pips
const SPREADS = [1.5, 2.5, 3.5, 4.5];
const REWARD_SIZES = [20, 50, 100, 200];
const DAILY_RATES = [1, 5, 25, 100, 250];
const HOUR = 3_600_000;

const slugify = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

const iso = (ms: number): string => new Date(ms).toISOString().replace(".000Z", "Z");

/** `count` markets, the same for the same random stream and `now` (ms). */
export function generateMarkets(rng: Random, count: number, now: number): SimMarket[] {
  const markets: SimMarket[] = [];
  for (let i = 0; i < count; i++) markets.push(generateMarket(rng, i, now));
  return markets;
}

export function generateMarket(rng: Random, index: number, now: number): SimMarket {
  const [question, condition] = QUESTIONS[index % QUESTIONS.length];
  const round = Math.floor(index / QUESTIONS.length);
  const q = round === 0 ? question : `${question} (#${round + 1})`;
  const tick = TICKS[index % 2];
  const endsSoon = index % 3 === 0;
  const endMs = now + (endsSoon ? rng.int(2, 12) * HOUR : rng.int(3, 120) * 24 * HOUR);
  const createdMs = now - rng.int(2, 90) * 24 * HOUR;
  const fair = index === 1 ? 0.94 : tick === 100 ? 0.12 + rng.next() * 0.76 : 0.05 + rng.next() * 0.9;
  const lastTrade = Math.max(tick, Math.min(PRICE_SCALE - tick, Math.round((fair * PRICE_SCALE) / tick) * tick));
  const rewards: SimRewards | null = rng.chance(0.75)
    ? {
        maxSpreadCents: rng.pick(SPREADS),
        minSizeShares: rng.pick(REWARD_SIZES),
        dailyRateUsd: rng.pick(DAILY_RATES),
        rewardId: String(rng.int(100_000, 999_999)),
      }
    : null;
  const volumeUsd = Math.round(Math.exp(8 + rng.next() * 6));
  const conditionId = "0x" + rng.hex(64);
  return {
    id: String(500_000 + index * 17 + rng.int(0, 16)),
    questionId: "0x" + rng.hex(64),
    meta: {
      conditionId,
      yesTokenId: rng.digits(77),
      noTokenId: rng.digits(77),
      tickSize: tick,
      minSize: 5 * SIZE_SCALE,
      negRisk: rng.chance(0.35),
    },
    baseTick: tick,
    question: q,
    slug: slugify(q),
    description: `This market will resolve to "Yes" if ${condition}. Otherwise, this market will resolve to "No". This is a simulated market of the mm embedded exchange; no real money is involved.`,
    outcomes: ["Yes", "No"],
    createdAt: iso(createdMs),
    startDate: iso(createdMs + HOUR),
    endDate: iso(Math.floor(endMs / 60_000) * 60_000),
    rewards,
    takerFeeBps: 0,
    initialFair: fair,
    volume: volumeUsd * USD_SCALE,
    volume24h: Math.round(volumeUsd * (0.02 + rng.next() * 0.1)) * USD_SCALE,
    lastTradePrice: lastTrade,
    closed: false,
    winner: null,
  };
}
