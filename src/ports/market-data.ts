// The market data the engine and the dry-run simulator read: books, a quotable answer per token, health, and per-event notices.
import type { Side } from "../domain/market.js";
import type { Micro, Pips } from "../domain/units.js";
import type { FeedHealthSnapshot } from "../engine/snapshot.js";
import type { OrderBook } from "../domain/book/order-book.js";

/** What the feed needs to know of a token beyond its id (used for the book hash and for mirroring trades). */
export interface TokenMeta {
  tokenId: string;
  conditionId: string;
  /** The other token of the same market. */
  pairTokenId: string | null;
  tickSize: Pips;
  minSize: Micro;
  negRisk: boolean;
}

export type MarketDataNotice =
  /** A fresh snapshot replaced the token's book (source "ws" from the stream, "rest" from the REST fallback). */
  | { type: "snapshot"; tokenId: string; source: "ws" | "rest"; ts: number }
  /** One level of the token's book changed to `size` (0 removes it); topChanged when the best bid or ask (price or size) moved. */
  | { type: "delta"; tokenId: string; side: Side; price: Pips; size: Micro; topChanged: boolean; ts: number }
  /** A trade print (last_trade_price): `side` is the taker's. */
  | { type: "trade"; tokenId: string; price: Pips; size: Micro; side: Side; exchangeTs: number; ts: number }
  /** tick_size_change: the book is void until its next snapshot; re-price resting quotes on the new grid. */
  | { type: "tick_size"; tokenId: string; oldTickSize: Pips; newTickSize: Pips; ts: number }
  | { type: "resolved"; conditionId: string; tokenIds: string[]; winningTokenId: string; ts: number }
  /** The token's book went out of sync (or came back): quotable(token) changed its mind. */
  | { type: "sync"; tokenId: string; synced: boolean; reason: string; ts: number }
  /** A connection's state machine changed phase (idle, connecting, syncing, live, stale, backoff, stopped). */
  | { type: "feed_state"; state: string; reason: string; ts: number };

export interface Quotable {
  ok: boolean;
  reason: string | null;
}

/** A read-only view of one book (the live object: read it, never mutate it). */
export type BookReader = Pick<
  OrderBook,
  "assetId" | "tickSize" | "epoch" | "synced" | "bestBid" | "bestAsk" | "sizeAt" | "depth" | "levelCount" | "sizeWithin" | "midpoint" | "spread" | "microprice" | "sizeAdjustedMidpoint"
>;

/** What the feed needs from a WebSocket client (the adapter implements it on `ws`). */
export interface TransportHandlers {
  onOpen(): void;
  onText(text: string): void;
  onClose(code: number, reason: string): void;
  onError(message: string): void;
}

export interface Transport {
  send(text: string): void;
  /** 1000 closes politely; any other code drops the socket at once (a dead peer would never finish a close handshake). */
  close(code: number, reason: string): void;
}

/** Opens a socket; the handlers of a closed transport are never called again. */
export type TransportFactory = (url: string, handlers: TransportHandlers) => Transport;

/** A book from REST (/book, /books): levels in integer units. */
export interface RestBookData {
  market: string;
  assetId: string;
  timestamp: number;
  hash: string;
  bids: { price: Pips; size: Micro }[];
  asks: { price: Pips; size: Micro }[];
  tickSize: Pips | null;
}

/** What the feed needs from the CLOB's REST API. */
export interface BookSnapshotSource {
  book(tokenId: string): Promise<RestBookData>;
  books(tokenIds: string[]): Promise<RestBookData[]>;
}

export interface MarketData {
  /** Opens the connections for the tokens added so far (and any added later). */
  start(): void;
  /** Closes every connection and timer. */
  stop(): Promise<void>;
  /** Follows more tokens (operation subscribe on a connection with room; never reconnects the others). */
  addTokens(tokens: TokenMeta[]): void;
  removeTokens(tokenIds: string[]): void;
  /** The token's book, or null before its first snapshot. Check `synced` or quotable() before trusting it. */
  book(tokenId: string): BookReader | null;
  /** ARCHITECTURE.md rule 3: may the engine quote this token now, and if not, why. */
  quotable(tokenId: string): Quotable;
  health(): FeedHealthSnapshot;
  /** Listens to every notice; returns the unsubscribe function. Listeners run synchronously on the hot path: keep them cheap. */
  onNotice(listener: (notice: MarketDataNotice) => void): () => void;
}
