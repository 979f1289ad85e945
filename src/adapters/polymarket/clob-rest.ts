// Polymarket CLOB public REST: /book, /books, /midpoint, /prices-history, /tick-size, /markets/{id}, parsed into integer units.
import type { Level } from "../../domain/events.js";
import { parsePrice, parseSize, type Pips } from "../../domain/units.js";
import { HttpError, requestJson } from "./http-json.js";

/** A book as REST serves it: levels in wire order (bids ascending, asks descending), prices in pips, sizes in micro-shares. */
export interface RestBook {
  market: string;
  assetId: string;
  timestamp: number;
  hash: string;
  bids: Level[];
  asks: Level[];
  tickSize: Pips | null;
  minOrderSize: string | null;
  negRisk: boolean | null;
  lastTradePrice: Pips | null;
}

export interface PricePoint {
  /** Unix seconds. */
  t: number;
  /** Price 0..1. */
  p: number;
}

export interface ClobMarket {
  conditionId: string;
  tokens: { tokenId: string; outcome: string }[];
  tickSize: Pips | null;
  minOrderSize: number | null;
  negRisk: boolean;
  acceptingOrders: boolean;
  closed: boolean;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function bad(what: string, detail: string): never {
  throw new HttpError(`${what} answered an unexpected body: ${detail}`, null);
}

function levels(what: string, raw: unknown, side: string): Level[] {
  if (!Array.isArray(raw)) bad(what, `${side} is not an array`);
  return raw.map((l: unknown) => {
    if (!isObj(l)) bad(what, `a ${side} level is not an object`);
    const price = typeof l.price === "string" ? parsePrice(l.price) : null;
    const size = typeof l.size === "string" ? parseSize(l.size) : null;
    if (price === null || size === null) bad(what, `${side} level ${JSON.stringify(l)} has a bad price or size`);
    return { price, size };
  });
}

const optPrice = (v: unknown): Pips | null => (typeof v === "string" ? parsePrice(v) : typeof v === "number" ? parsePrice(String(v)) : null);

export function parseRestBook(what: string, raw: unknown): RestBook {
  if (!isObj(raw)) bad(what, "not an object");
  if (typeof raw.asset_id !== "string") bad(what, "no asset_id");
  return {
    market: typeof raw.market === "string" ? raw.market : "",
    assetId: raw.asset_id,
    timestamp: Number(raw.timestamp ?? 0),
    hash: typeof raw.hash === "string" ? raw.hash : "",
    bids: levels(what, raw.bids ?? [], "bids"),
    asks: levels(what, raw.asks ?? [], "asks"),
    tickSize: optPrice(raw.tick_size),
    minOrderSize: typeof raw.min_order_size === "string" ? raw.min_order_size : null,
    negRisk: typeof raw.neg_risk === "boolean" ? raw.neg_risk : null,
    lastTradePrice: optPrice(raw.last_trade_price),
  };
}

export class ClobRest {
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  private get(path: string): Promise<unknown> {
    return requestJson(this.baseUrl, path, { timeoutMs: this.timeoutMs });
  }

  async book(tokenId: string): Promise<RestBook> {
    const path = `/book?token_id=${encodeURIComponent(tokenId)}`;
    return parseRestBook(`GET ${this.baseUrl}${path}`, await this.get(path));
  }

  /** POST /books for many tokens at once (callers keep within the rate limit: 500 per 10 s). */
  async books(tokenIds: string[]): Promise<RestBook[]> {
    const what = `POST ${this.baseUrl}/books`;
    const raw = await requestJson(this.baseUrl, "/books", { method: "POST", body: tokenIds.map((token_id) => ({ token_id })), timeoutMs: this.timeoutMs });
    if (!Array.isArray(raw)) bad(what, "not an array");
    return raw.map((b) => parseRestBook(what, b));
  }

  /** The midpoint in pips (may be a half pip); accepts `mid` and the newer `mid_price`. */
  async midpoint(tokenId: string): Promise<number> {
    const path = `/midpoint?token_id=${encodeURIComponent(tokenId)}`;
    const raw = await this.get(path);
    const v = isObj(raw) ? (raw.mid ?? raw.mid_price) : undefined;
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n)) bad(`GET ${this.baseUrl}${path}`, "no mid or mid_price");
    return Math.round(n * 20_000) / 2;
  }

  async pricesHistory(tokenId: string, interval = "1d", fidelity = 5): Promise<PricePoint[]> {
    const path = `/prices-history?market=${encodeURIComponent(tokenId)}&interval=${encodeURIComponent(interval)}&fidelity=${fidelity}`;
    const raw = await this.get(path);
    if (!isObj(raw) || !Array.isArray(raw.history)) bad(`GET ${this.baseUrl}${path}`, "no history array");
    return raw.history.filter(isObj).map((h) => ({ t: Number(h.t), p: Number(h.p) }));
  }

  async tickSize(tokenId: string): Promise<Pips> {
    const path = `/tick-size?token_id=${encodeURIComponent(tokenId)}`;
    const raw = await this.get(path);
    const tick = isObj(raw) ? optPrice(raw.minimum_tick_size) : null;
    if (tick === null || tick <= 0) bad(`GET ${this.baseUrl}${path}`, "no valid minimum_tick_size");
    return tick;
  }

  async market(conditionId: string): Promise<ClobMarket> {
    const path = `/markets/${encodeURIComponent(conditionId)}`;
    const what = `GET ${this.baseUrl}${path}`;
    const raw = await this.get(path);
    if (!isObj(raw) || !Array.isArray(raw.tokens)) bad(what, "no tokens array");
    return {
      conditionId: String(raw.condition_id ?? conditionId),
      tokens: raw.tokens.filter(isObj).map((t) => ({ tokenId: String(t.token_id), outcome: String(t.outcome ?? "") })),
      tickSize: optPrice(raw.minimum_tick_size),
      minOrderSize: raw.minimum_order_size === undefined ? null : Number(raw.minimum_order_size),
      negRisk: raw.neg_risk === true,
      acceptingOrders: raw.accepting_orders === true,
      closed: raw.closed === true,
    };
  }
}
