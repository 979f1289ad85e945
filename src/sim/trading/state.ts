// Everything the trading side keeps, shared by its endpoints, settlement and the user channel.
import type { SimContext, SimMarketMeta } from "../context.js";
import type { Accounts } from "./accounts.js";
import type { ApiKeyRegistry } from "./api-keys.js";
import type { Heartbeats } from "./heartbeats.js";
import type { TradingOptions } from "./options.js";
import type { OrderRegistry } from "./order-registry.js";
import type { Timers } from "./timers.js";
import type { TradeBook } from "./trades.js";
import type { UserChannel } from "./user-channel.js";

export interface TradingState {
  ctx: SimContext;
  options: TradingOptions;
  keys: ApiKeyRegistry;
  accounts: Accounts;
  orders: OrderRegistry;
  trades: TradeBook;
  heartbeats: Heartbeats;
  channel: UserChannel;
  timers: Timers;
  /** How many of the next user trades settle as RETRYING -> FAILED (fault injection). */
  failNextTrades: number;
}

export const outcomeOfToken = (market: SimMarketMeta, tokenId: string): "Yes" | "No" =>
  tokenId === market.yesTokenId ? "Yes" : "No";
