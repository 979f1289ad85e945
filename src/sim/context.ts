// The contract between the embedded exchange's core (server, markets, matching) and its trading side (auth, orders, user channel).
import type { IncomingHttpHeaders } from "node:http";
import type { WebSocket } from "ws";
import type { Side } from "../domain/market.js";
import type { Micro, Pips } from "../domain/units.js";
import type { Clock } from "../ports/clock.js";
import type { TradingOptions } from "./trading/options.js";

export interface SimRequest {
  method: string;
  /** Path without query, e.g. "/order". */
  path: string;
  /** The path with its query string, exactly as requested (L2 HMAC signs the path without query). */
  url: string;
  query: URLSearchParams;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Raw body text ("" when none). */
  body: string;
}

export interface SimResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export type SimHandler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

export interface SimRouter {
  /** Registers a CLOB route; `pattern` may hold `:name` segments. */
  add(method: string, pattern: string, handler: SimHandler): void;
}

/** One token's order in the matching engine, in that token's own price terms. */
export interface SimOrderInput {
  orderId: string;
  /** API key of the owner, or "bot:<name>" for simulated flow. */
  owner: string;
  tokenId: string;
  side: Side;
  price: Pips;
  size: Micro;
  type: "GTC" | "GTD" | "FOK" | "FAK";
  postOnly: boolean;
  /** Unix seconds, 0 for none. */
  expiration: number;
}

export interface SimOrder extends SimOrderInput {
  conditionId: string;
  filled: Micro;
  status: "live" | "matched" | "canceled";
  createdAt: number;
}

/** One match between a taker and a resting maker, in the tokens each order was placed in. */
export interface SimMatch {
  tradeId: string;
  conditionId: string;
  takerOrderId: string;
  takerOwner: string;
  makerOrderId: string;
  makerOwner: string;
  /** The token and side of each order, and the price each sees (NO price = 1 - YES price). */
  taker: { tokenId: string; side: Side; price: Pips };
  maker: { tokenId: string; side: Side; price: Pips };
  size: Micro;
  ts: number;
}

export type SimPlaceResult =
  | { ok: true; order: SimOrder; matches: SimMatch[] }
  | { ok: false; code: string; message: string };

export interface SimMatchingEngine {
  place(input: SimOrderInput): SimPlaceResult;
  cancel(orderId: string): SimOrder | null;
  order(orderId: string): SimOrder | null;
  openOrders(owner: string): SimOrder[];
  /** Listens to every match; returns the unsubscribe function. */
  onMatch(listener: (match: SimMatch) => void): () => void;
  /** Listens to every cancel (including cancels by the exchange, e.g. heartbeat expiry). */
  onCancel(listener: (order: SimOrder) => void): () => void;
}

/** Fault windows the trading side honours on order endpoints. */
export interface SimOrderFaults {
  /** If set, order endpoints answer this HTTP status until `until` (ms). */
  current(now: number): { status: 425 | 429 | 500 } | null;
}

export interface SimMarketMeta {
  conditionId: string;
  yesTokenId: string;
  noTokenId: string;
  tickSize: Pips;
  minSize: Micro;
  negRisk: boolean;
}

export interface SimContext {
  router: SimRouter;
  engine: SimMatchingEngine;
  markets(): SimMarketMeta[];
  marketOfToken(tokenId: string): SimMarketMeta | undefined;
  now(): number;
  faults: SimOrderFaults;
  /** Accepts user-channel WebSocket connections (path `<ws>/user`). */
  onUserSocket(handler: (socket: WebSocket) => void): void;
  /** Collateral each new API key starts with, micro-dollars. */
  startingCollateral: number;
  /**
   * Added by the trading side (optional, so the core compiles without them). Core: please pass your clock (the same one
   * behind now()) and startExchange's `trading` option through, so tests can shorten heartbeat/settlement delays or run
   * on a FakeClock. Without a clock the trading side uses unref'd Node timers.
   */
  clock?: Clock;
  trading?: Partial<TradingOptions>;
}
