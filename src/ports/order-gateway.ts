// Where orders go: the dry-run simulator and the live client implement the same port.
import type { MarketInfo, Outcome, Side } from "../domain/market.js";
import type { Micro, MicroUsd, Pips } from "../domain/units.js";

export type OrderType = "GTC" | "GTD" | "FOK" | "FAK";

export interface OrderRequest {
  /** Our id for the order until the gateway assigns its own. */
  clientId: string;
  market: MarketInfo;
  tokenId: string;
  outcome: Outcome;
  side: Side;
  price: Pips;
  size: Micro;
  type: OrderType;
  postOnly: boolean;
  /** Unix seconds, for GTD. */
  expiration?: number;
}

export interface OpenOrder {
  id: string;
  clientId: string;
  market: string;
  tokenId: string;
  outcome: Outcome;
  side: Side;
  price: Pips;
  size: Micro;
  filled: Micro;
  /** Shares ahead of us at our price, when the gateway models or knows it. */
  queueAhead: Micro | null;
  createdAt: number;
}

export type Liquidity = "maker" | "taker";

export interface Fill {
  id: string;
  orderId: string;
  market: string;
  tokenId: string;
  outcome: Outcome;
  side: Side;
  price: Pips;
  size: Micro;
  fee: MicroUsd;
  liquidity: Liquidity;
  ts: number;
  /** Live fills move MATCHED -> CONFIRMED; dry-run fills are CONFIRMED at once. */
  status: "MATCHED" | "CONFIRMED";
}

export type GatewayEvent =
  | { type: "placed"; clientId: string; ts: number }
  | { type: "acknowledged"; order: OpenOrder; ts: number }
  /** transient: refused only for now (a 425/429 backoff window, or a post-only order the book moved onto): not an error; a later requote may place it. */
  | { type: "rejected"; clientId: string; reason: string; ts: number; transient?: boolean }
  | { type: "cancelled"; id: string; clientId: string; reason: string; ts: number }
  | { type: "fill"; fill: Fill; ts: number }
  /** A live trade that FAILED on chain: undo its fill. */
  | { type: "fill_reversed"; fill: Fill; ts: number }
  | { type: "error"; message: string; ts: number };

export interface PlaceResult {
  clientId: string;
  ok: boolean;
  orderId?: string;
  reason?: string;
  /** As on the rejected event: refused only for now, not an error. */
  transient?: boolean;
}

/** The exchange's own record of the account (live gateways): what the engine's cash and positions start from. */
export interface ExchangeAccount {
  /** Collateral balance, micro-dollars (it includes what resting BUY orders reserve). */
  cash: MicroUsd;
  /** Shares held per token id, for the tokens the exchange could report. */
  shares: Record<string, Micro>;
}

export interface CancelResult {
  canceled: string[];
  notCanceled: Record<string, string>;
}

export interface OrderGateway {
  readonly kind: "dry-run" | "live";
  /** Places up to 15 orders at once. */
  place(orders: OrderRequest[]): Promise<PlaceResult[]>;
  cancel(orderIds: string[]): Promise<CancelResult>;
  cancelAll(): Promise<CancelResult>;
  openOrders(): OpenOrder[];
  /** Subscribes to order and fill events; returns the unsubscribe function. */
  onEvent(listener: (event: GatewayEvent) => void): () => void;
  /** Live gateways: the account as the exchange reports it (null when it cannot be read); dry-run gateways have none. */
  exchangeAccount?(): Promise<ExchangeAccount | null>;
  close(): Promise<void>;
}
