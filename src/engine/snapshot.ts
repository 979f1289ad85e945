// The immutable picture of the engine that the UI and `mm run`'s status lines read (never per-message state).
import type { MarketInfo, Outcome, Side } from "../domain/market.js";
import type { Level } from "../domain/events.js";
import type { Micro, MicroUsd, Pips } from "../domain/units.js";

export type RiskState = "ACTIVE" | "REDUCING" | "HALTED";

export interface TokenFeedHealth {
  tokenId: string;
  synced: boolean;
  source: "ws" | "rest";
  /** ms since the last message for this token, null before the first. */
  ageMs: number | null;
  msgsPerSec: number;
  resyncs: number;
  desyncs: number;
}

export interface FeedHealthSnapshot {
  /** The connection state machine's state, e.g. "live", "stale", "backoff". */
  state: string;
  reason: string | null;
  msgsPerSec: number;
  /** Exchange timestamp to receipt, ms (median of recent messages). */
  delayMs: number | null;
  reconnects: number;
  invalidFrames: number;
  lastMessageAgeMs: number | null;
  tokens: TokenFeedHealth[];
}

export interface MarketSnapshot {
  info: MarketInfo;
  /** YES book, best first, top levels only. */
  bids: Level[];
  asks: Level[];
  bestBid: Pips | null;
  bestAsk: Pips | null;
  /** May be a half pip. */
  midpoint: number | null;
  spread: Pips | null;
  synced: boolean;
  quotable: { ok: boolean; reason: string | null };
  /** Recent prices (YES, 0..1) from /prices-history and live trades, oldest first. */
  priceHistory: number[];
  lastTradePrice: Pips | null;
}

export interface RiskLimitUsage {
  name: string;
  used: number;
  limit: number;
  /** Unit for display: "$" or "shares" or "%" or "/min". */
  unit: string;
}

export interface RiskSnapshot {
  state: RiskState;
  reason: string | null;
  limits: RiskLimitUsage[];
}

export interface PnlSnapshot {
  cash: MicroUsd;
  realized: MicroUsd;
  unrealized: MicroUsd;
  fees: MicroUsd;
  total: MicroUsd;
  equity: MicroUsd;
  /** Estimated liquidity rewards, $/day. */
  rewardPerDay: MicroUsd;
  /** Average fill markouts (adverse selection) at +5 s, +30 s, +120 s, in pips per share; null until measured. */
  markouts: { s5: number | null; s30: number | null; s120: number | null };
}

export interface PositionSnapshot {
  market: string;
  tokenId: string;
  outcome: Outcome;
  shares: Micro;
  avgCost: Pips;
}

export interface OrderSnapshot {
  id: string;
  market: string;
  tokenId: string;
  outcome: Outcome;
  side: Side;
  price: Pips;
  size: Micro;
  filled: Micro;
  queueAhead: Micro | null;
  ageMs: number;
  scoring: boolean;
  status: "pending" | "live" | "cancelling";
}

export interface FillSnapshot {
  id: string;
  ts: number;
  market: string;
  outcome: Outcome;
  side: Side;
  price: Pips;
  size: Micro;
  fee: MicroUsd;
  liquidity: "maker" | "taker";
}

export interface EventLine {
  ts: number;
  level: "info" | "warn" | "error";
  text: string;
}

export interface EngineSnapshot {
  ts: number;
  mode: "dry-run" | "live";
  /** Where data comes from, for the header: "demo", "polymarket", "replay:FILE", or a URL. */
  source: string;
  markets: MarketSnapshot[];
  feed: FeedHealthSnapshot;
  risk: RiskSnapshot;
  pnl: PnlSnapshot;
  positions: PositionSnapshot[];
  openOrders: OrderSnapshot[];
  /** Newest first. */
  fills: FillSnapshot[];
  /** Newest first. */
  events: EventLine[];
  /** Equity samples (micro-dollars), oldest first, downsampled. */
  equityCurve: MicroUsd[];
  paused: boolean;
  strategy: { halfSpreadTicks: number; orderSize: Micro };
}

export type EngineCommand =
  | { type: "kill"; reason: string }
  | { type: "resume"; force: boolean }
  | { type: "pause" }
  | { type: "unpause" }
  | { type: "adjust_spread"; deltaTicks: number }
  | { type: "adjust_size"; direction: 1 | -1 }
  | { type: "stop" };

export interface CommandResult {
  ok: boolean;
  message: string;
}

/** What the UI holds: read snapshots, send commands. */
export interface EngineHandle {
  snapshot(): EngineSnapshot;
  /** Called whenever a new snapshot is published (the UI still renders on its own timer). */
  subscribe(listener: () => void): () => void;
  command(cmd: EngineCommand): Promise<CommandResult>;
}
