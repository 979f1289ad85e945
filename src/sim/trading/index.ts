// The exchange's trading side: auth, order endpoints, accounts, heartbeats and the user channel, installed on the core.
import type { SimContext } from "../context.js";
import { Accounts } from "./accounts.js";
import { ApiKeyRegistry } from "./api-keys.js";
import { cancelWhere } from "./cancels.js";
import { Heartbeats } from "./heartbeats.js";
import { tradingOptions } from "./options.js";
import { OrderRegistry } from "./order-registry.js";
import { installAccountRoutes } from "./routes-account.js";
import { installAuthRoutes } from "./routes-auth.js";
import { installDataRoutes } from "./routes-data.js";
import { installOrderRoutes } from "./routes-orders.js";
import { onCancel, onMatch } from "./settlement.js";
import type { TradingState } from "./state.js";
import { createTimers } from "./timers.js";
import { TradeBook } from "./trades.js";
import { UserChannel } from "./user-channel.js";

export type { TradingOptions } from "./options.js";

/** What the exchange (and tests) can do with the trading side once installed. */
export interface TradingHandle {
  /** Collateral and shares of an API key. */
  readonly accounts: Accounts;
  /** Authenticated user-channel sockets of a key. */
  userSubscribers(apiKey: string): number;
  /** The next `n` trades involving a user settle MATCHED -> RETRYING -> FAILED, and their fills are reversed. */
  failNextTrades(n: number): void;
  /** Stops the trading side's timers (heartbeat checks, trade settlement). */
  close(): void;
}

export function installTrading(ctx: SimContext): TradingHandle {
  const options = tradingOptions(ctx.trading);
  const keys = new ApiKeyRegistry(options.keySalt);
  const state: TradingState = {
    ctx,
    options,
    keys,
    accounts: new Accounts(ctx.startingCollateral),
    orders: new OrderRegistry(),
    trades: new TradeBook(),
    heartbeats: new Heartbeats(options.heartbeatTimeoutMs),
    channel: new UserChannel(keys),
    timers: createTimers(ctx.clock),
    failNextTrades: 0,
  };
  const offMatch = ctx.engine.onMatch((m) => onMatch(state, m));
  const offCancel = ctx.engine.onCancel((o) => onCancel(state, o));
  installAuthRoutes(state);
  installOrderRoutes(state);
  installDataRoutes(state);
  installAccountRoutes(state);
  ctx.onUserSocket((socket) => state.channel.accept(socket));
  state.timers.every(options.heartbeatCheckMs, () => {
    for (const apiKey of state.heartbeats.expire(ctx.now())) cancelWhere(state, apiKey);
  });
  return {
    accounts: state.accounts,
    userSubscribers: (apiKey) => state.channel.subscribers(apiKey),
    failNextTrades(n) {
      state.failNextTrades += n;
    },
    close() {
      state.timers.clearAll();
      offMatch();
      offCancel();
    },
  };
}
