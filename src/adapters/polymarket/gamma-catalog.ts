// The MarketCatalog port over Gamma `GET /markets`: raw markets become MarketInfo (v1 `clobTokenIds` strings, v2 `positionIds` arrays).
import type { MarketInfo } from "../../domain/market.js";
import { parsePrice, parseSize, type Pips } from "../../domain/units.js";
import type { MarketCatalog, MarketQuery } from "../../ports/market-catalog.js";
import { HttpError, requestJson } from "./http-json.js";

type Raw = Record<string, unknown>;
const isObj = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);

/** Gamma encodes some arrays as JSON strings (`"[\"Yes\", \"No\"]"`); v2 sends plain arrays. */
function stringList(v: unknown): string[] | null {
  let arr: unknown = v;
  if (typeof v === "string") {
    try {
      arr = JSON.parse(v);
    } catch {
      return null;
    }
  }
  if (!Array.isArray(arr)) return null;
  return arr.map((x) => String(x));
}

const num = (v: unknown): number => {
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : NaN;
  return Number.isFinite(n) ? n : 0;
};

const priceOf = (v: unknown): Pips | null => {
  if (typeof v !== "number" && typeof v !== "string") return null;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n >= 1) return null;
  return Math.round(n * 10_000);
};

/** Token ids of a Gamma market: `positionIds` for version "v2", else the JSON string `clobTokenIds` (falls back to whichever is present). */
export function tokenIdsOf(m: Raw): string[] | null {
  const v2 = m.version === "v2" ? stringList(m.positionIds) : null;
  return v2 ?? stringList(m.clobTokenIds) ?? stringList(m.positionIds);
}

/** Converts one Gamma market into MarketInfo; null when it is not a two-outcome order-book market. */
export function toMarketInfo(m: Raw): MarketInfo | null {
  const tokens = tokenIdsOf(m);
  const outcomes = stringList(m.outcomes) ?? ["Yes", "No"];
  if (!tokens || tokens.length !== 2 || outcomes.length !== 2 || typeof m.conditionId !== "string") return null;
  const tick = parsePrice(String(m.orderPriceMinTickSize ?? "0.01")) ?? 100;
  const rewards = Array.isArray(m.clobRewards) ? m.clobRewards.filter(isObj) : [];
  const dailyUsd = rewards.reduce((sum, r) => sum + num(r.rewardsDailyRate), 0);
  const maxSpread = num(m.rewardsMaxSpread);
  const fee = isObj(m.feeSchedule) ? Math.round(num(m.feeSchedule.rate) * 10_000) : num(m.takerBaseFee);
  return {
    conditionId: m.conditionId,
    question: String(m.question ?? ""),
    slug: String(m.slug ?? ""),
    description: String(m.description ?? ""),
    yesTokenId: tokens[0],
    noTokenId: tokens[1],
    outcomes: [outcomes[0], outcomes[1]],
    tickSize: tick,
    minSize: parseSize(String(m.orderMinSize ?? "5")) ?? 5_000_000,
    negRisk: m.negRisk === true,
    endDate: typeof m.endDate === "string" ? m.endDate : null,
    rewards: maxSpread > 0 ? { maxSpreadCents: maxSpread, minSize: Math.round(num(m.rewardsMinSize) * 1e6), dailyRate: Math.round(dailyUsd * 1e6) } : null,
    takerFeeBps: m.feesEnabled === true ? fee : 0,
    active: m.active === true,
    closed: m.closed === true,
    acceptingOrders: m.acceptingOrders === true,
    volume24h: num(m.volume24hr),
    volume: num(m.volumeNum ?? m.volume),
    liquidity: num(m.liquidityNum ?? m.liquidity),
    bestBid: priceOf(m.bestBid),
    bestAsk: priceOf(m.bestAsk),
  };
}

/** Which Gamma query finds a market by this reference: a condition id, a token id or a slug. */
export function refQuery(ref: string): { kind: "condition id" | "token id" | "slug"; query: string } {
  const r = ref.trim();
  if (/^0x[0-9a-fA-F]{64}$/.test(r)) return { kind: "condition id", query: `condition_ids=${r}` };
  if (/^[0-9]{10,}$/.test(r)) return { kind: "token id", query: `clob_token_ids=${r}` };
  return { kind: "slug", query: `slug=${encodeURIComponent(r)}` };
}

export class GammaCatalog implements MarketCatalog {
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  private async markets(query: string): Promise<Raw[]> {
    const path = `/markets?${query}`;
    const raw = await requestJson(this.baseUrl, path, { timeoutMs: this.timeoutMs });
    if (!Array.isArray(raw)) throw new HttpError(`GET ${this.baseUrl}${path} answered an unexpected body: not an array of markets`, null);
    return raw.filter(isObj);
  }

  async list(query: MarketQuery = {}): Promise<MarketInfo[]> {
    const q = new URLSearchParams();
    q.set("limit", String(query.limit ?? 100));
    q.set("offset", String(query.offset ?? 0));
    q.set("closed", String(query.closed ?? false));
    if (query.order) q.set("order", query.order);
    if (query.ascending !== undefined) q.set("ascending", String(query.ascending));
    const out: MarketInfo[] = [];
    for (const m of await this.markets(q.toString())) {
      const info = toMarketInfo(m);
      if (info && (query.closed || (info.acceptingOrders && !info.closed))) out.push(info);
    }
    return out;
  }

  async resolve(ref: string): Promise<MarketInfo> {
    const { kind, query } = refQuery(ref);
    const raws = await this.markets(query);
    const infos = raws.map(toMarketInfo).filter((m): m is MarketInfo => m !== null);
    const r = ref.trim();
    const hit = infos.find((m) => m.slug === r || m.conditionId.toLowerCase() === r.toLowerCase() || m.yesTokenId === r || m.noTokenId === r);
    if (hit) return hit;
    if (raws.length && !infos.length) throw new Error(`Market "${ref}" on ${this.baseUrl} is not a two-outcome order-book market, so mm cannot quote it.`);
    throw new Error(`No market matches ${kind} "${ref}" on ${this.baseUrl}. Pass a market slug, a condition id (0x + 64 hex) or a token id; \`mm\` lists open markets.`);
  }
}
