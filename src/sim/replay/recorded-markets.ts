// The markets a recording shows (condition id, token ids, tick size, neg-risk where known), as sim markets REST can describe.
import type { MarketInfo } from "../../domain/market.js";
import { SIZE_SCALE, USD_SCALE, parsePrice } from "../../domain/units.js";
import type { SimMarket } from "../markets/sim-market.js";

interface Seen {
  tokens: string[];
  tick: number | null;
  lastTrade: number | null;
}

function visit(value: unknown, seen: Map<string, Seen>): void {
  if (Array.isArray(value)) {
    for (const v of value) visit(v, seen);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const o = value as Record<string, unknown>;
  if (typeof o.market !== "string" || !o.market.startsWith("0x")) return;
  let entry = seen.get(o.market);
  if (!entry) seen.set(o.market, (entry = { tokens: [], tick: null, lastTrade: null }));
  const add = (id: unknown) => {
    if (typeof id === "string" && id !== "" && !entry.tokens.includes(id)) entry.tokens.push(id);
  };
  add(o.asset_id);
  if (Array.isArray(o.price_changes)) for (const c of o.price_changes) add((c as Record<string, unknown>)?.asset_id);
  if (typeof o.tick_size === "string") entry.tick = parsePrice(o.tick_size) ?? entry.tick;
  if (typeof o.new_tick_size === "string") entry.tick = parsePrice(o.new_tick_size) ?? entry.tick;
  if (typeof o.last_trade_price === "string" && entry.lastTrade === null && entry.tokens.length === 1) entry.lastTrade = parsePrice(o.last_trade_price);
}

/** One market per condition id seen with two token ids; the first token seen is taken as YES. */
export function marketsFromFrames(texts: readonly string[], now: number): SimMarket[] {
  const seen = new Map<string, Seen>();
  for (const text of texts) {
    try {
      visit(JSON.parse(text), seen);
    } catch {
      // Not JSON (PONG, garbage): nothing to learn.
    }
  }
  const iso = new Date(now).toISOString();
  const out: SimMarket[] = [];
  let index = 0;
  for (const [conditionId, s] of seen) {
    if (s.tokens.length !== 2) continue;
    const tick = s.tick ?? 100;
    const lastTrade = s.lastTrade ?? 5000;
    out.push({
      id: String(900_000 + index++),
      questionId: conditionId,
      meta: { conditionId, yesTokenId: s.tokens[0], noTokenId: s.tokens[1], tickSize: tick, minSize: 5 * SIZE_SCALE, negRisk: false },
      baseTick: tick,
      question: `Recorded market ${conditionId.slice(0, 10)}…`,
      slug: `recorded-${conditionId.slice(2, 10)}`,
      description: "A market seen in a replayed recording; only what the recording shows is known.",
      outcomes: ["Yes", "No"],
      createdAt: iso,
      startDate: iso,
      endDate: iso,
      rewards: null,
      takerFeeBps: 0,
      initialFair: lastTrade / 10_000,
      volume: 0,
      volume24h: 0,
      lastTradePrice: lastTrade,
      closed: false,
      winner: null,
    });
  }
  return out;
}

/** The markets of a recording's meta line (mm record), with what the frames show of their last trade price. */
export function marketsFromMeta(markets: readonly MarketInfo[], texts: readonly string[], now: number): SimMarket[] {
  const fromFrames = new Map(marketsFromFrames(texts, now).map((m) => [m.meta.conditionId, m]));
  const iso = new Date(now).toISOString();
  return markets.map((m, index) => {
    const lastTrade = fromFrames.get(m.conditionId)?.lastTradePrice ?? 5000;
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
