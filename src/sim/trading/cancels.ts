// Cancelling a key's orders: by id, all of them, or those of one market or token.
import type { TradingState } from "./state.js";

export interface CancelResult {
  canceled: string[];
  not_canceled: Record<string, string>;
}

/** Cancels the given orders of `apiKey`; others' orders and unknown ids are reported as not found. */
export function cancelOrders(state: TradingState, apiKey: string, ids: readonly string[]): CancelResult {
  const out: CancelResult = { canceled: [], not_canceled: {} };
  for (const id of ids) {
    const meta = state.orders.get(id);
    if (!meta || meta.owner !== apiKey) {
      out.not_canceled[id] = "Order not found";
      continue;
    }
    const order = state.ctx.engine.order(id);
    if (!order || order.status !== "live") {
      out.not_canceled[id] = order?.status === "canceled" ? "Order already canceled" : "Order already matched";
      continue;
    }
    if (state.ctx.engine.cancel(id)) out.canceled.push(id);
    else out.not_canceled[id] = "Order could not be canceled";
  }
  return out;
}

/** Cancels every open order of `apiKey`, optionally only in one market (condition id) or token. */
export function cancelWhere(state: TradingState, apiKey: string, filter: { market?: string; assetId?: string } = {}): CancelResult {
  const ids = state.ctx.engine
    .openOrders(apiKey)
    .filter((o) => (!filter.market || o.conditionId === filter.market) && (!filter.assetId || o.tokenId === filter.assetId))
    .map((o) => o.orderId);
  return cancelOrders(state, apiKey, ids);
}
