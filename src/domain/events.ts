// The domain events that Polymarket's market and user WebSocket frames become once parsed and validated.
import type { Micro, Pips } from "./units.js";
import type { Side } from "./market.js";

/** A price level exactly as it came on the wire (kept for the book hash). */
export interface RawLevel {
  price: string;
  size: string;
}

export interface Level {
  price: Pips;
  size: Micro;
}

export interface BookEvent {
  type: "book";
  market: string;
  assetId: string;
  /** Exchange timestamp in ms. */
  timestamp: number;
  hash: string;
  /** Levels in wire order (bids ascending, asks descending). */
  bids: Level[];
  asks: Level[];
  /** Only on subscription-opening books. */
  tickSize: Pips | null;
  lastTradePrice: Pips | null;
  /** The wire text the hash is computed over. */
  raw: RawBook;
}

export interface RawBook {
  timestamp: string;
  bids: RawLevel[];
  asks: RawLevel[];
  tickSize: string | null;
  lastTradePrice: string | null;
  /** A side's wire text when it is already the hash's canonical JSON (compact `{"price","size"}` levels): hashing reuses it. */
  bidsJson?: string;
  asksJson?: string;
}

export interface PriceChangeEntry {
  assetId: string;
  price: Pips;
  /** New total at the level; 0 removes it. */
  size: Micro;
  /** BUY is the bid side. */
  side: Side;
  hash: string | null;
  /** Top of this token's book after the change, when the frame carries it (null: side empty). */
  bestBid: Pips | null | undefined;
  bestAsk: Pips | null | undefined;
}

export interface PriceChangeEvent {
  type: "price_change";
  market: string;
  timestamp: number;
  /** True for the pre-2025-09-15 `changes[]` format. */
  legacy: boolean;
  changes: PriceChangeEntry[];
}

export interface LastTradePriceEvent {
  type: "last_trade_price";
  market: string;
  assetId: string;
  price: Pips;
  size: Micro;
  /** The taker's side. */
  side: Side;
  feeRateBps: number;
  timestamp: number;
  transactionHash: string | null;
}

export interface TickSizeChangeEvent {
  type: "tick_size_change";
  market: string;
  assetId: string;
  oldTickSize: Pips;
  newTickSize: Pips;
  timestamp: number;
}

export interface BestBidAskEvent {
  type: "best_bid_ask";
  market: string;
  assetId: string;
  bestBid: Pips | null;
  bestAsk: Pips | null;
  spread: Pips | null;
  timestamp: number;
}

export interface MarketResolvedEvent {
  type: "market_resolved";
  id: string;
  market: string;
  assetIds: string[];
  winningAssetId: string;
  winningOutcome: string;
  timestamp: number;
}

export interface NewMarketEvent {
  type: "new_market";
  id: string;
  question: string;
  market: string;
  slug: string;
  assetIds: string[];
  outcomes: string[];
  timestamp: number;
}

/** Text frames the server sends outside JSON. */
export interface TextFrameEvent {
  type: "text";
  text: "PONG" | "[]" | "NO NEW ASSETS" | "INVALID MESSAGE" | "INVALID OPERATION";
}

export type OrderEventType = "PLACEMENT" | "UPDATE" | "CANCELLATION";

export interface UserOrderEvent {
  type: "order";
  id: string;
  market: string;
  assetId: string;
  side: Side;
  price: Pips;
  originalSize: Micro;
  sizeMatched: Micro;
  orderType: OrderEventType;
  status: string;
  outcome: string | null;
  owner: string | null;
  associateTrades: string[];
  timestamp: number;
}

export type TradeStatus = "MATCHED" | "MINED" | "CONFIRMED" | "RETRYING" | "FAILED";

export interface MakerOrderFill {
  orderId: string;
  matchedAmount: Micro;
  price: Pips;
  assetId: string;
  side: Side | null;
  outcome: string | null;
  owner: string | null;
}

export interface UserTradeEvent {
  type: "trade";
  id: string;
  market: string;
  takerOrderId: string;
  assetId: string;
  side: Side;
  size: Micro;
  price: Pips;
  status: TradeStatus;
  traderSide: "MAKER" | "TAKER";
  makerOrders: MakerOrderFill[];
  outcome: string | null;
  owner: string | null;
  feeRateBps: number;
  /** Match time in seconds. */
  matchTime: number;
  timestamp: number;
}

export type MarketEvent =
  | BookEvent
  | PriceChangeEvent
  | LastTradePriceEvent
  | TickSizeChangeEvent
  | BestBidAskEvent
  | MarketResolvedEvent
  | NewMarketEvent;

export type UserEvent = UserOrderEvent | UserTradeEvent;

export type FeedEvent = MarketEvent | UserEvent | TextFrameEvent;

export type RejectionReason = "bad_json" | "missing_field" | "bad_price" | "bad_size" | "bad_field" | "unknown_event" | "unknown_text";

/** A frame, or one item of an array frame, that failed validation. */
export interface Rejection {
  reason: RejectionReason;
  detail: string;
}

/** What one frame became: its events in order, and whatever in it was rejected. */
export interface ParsedFrame {
  events: FeedEvent[];
  rejections: Rejection[];
}
