// Fills of the users' orders: balances, trade records, user-channel events, and the MATCHED -> MINED -> CONFIRMED timers.
import type { SimMatch, SimOrder } from "../context.js";
import { outcomeOfToken, type TradingState } from "./state.js";
import { botIdentity, nextStatus, type TradeParty, type TradeRecord } from "./trades.js";
import { orderEventJson, tradeEventJson } from "./wire.js";

function party(state: TradingState, orderId: string, owner: string, tokenId: string): TradeParty {
  const meta = state.orders.get(orderId);
  const market = state.ctx.marketOfToken(tokenId);
  const outcome = market ? outcomeOfToken(market, tokenId) : "Yes";
  if (meta) return { orderId, owner: meta.owner, address: meta.makerAddress, outcome, user: true };
  return { orderId, ...botIdentity(owner), outcome, user: false };
}

/** Applies one match to the users involved; matches between simulated traders only are ignored. */
export function onMatch(state: TradingState, m: SimMatch): void {
  const takerMeta = state.orders.get(m.takerOrderId);
  const makerMeta = state.orders.get(m.makerOrderId);
  if (!takerMeta && !makerMeta) return;
  if (takerMeta) {
    state.accounts.fill(m.takerOrderId, m.size, m.taker.price);
    state.orders.associate(m.takerOrderId, m.tradeId);
  }
  if (makerMeta) {
    state.accounts.fill(m.makerOrderId, m.size, m.maker.price);
    state.orders.associate(m.makerOrderId, m.tradeId);
  }
  const failing = state.failNextTrades > 0;
  if (failing) state.failNextTrades--;
  const trade = state.trades.record(m, party(state, m.takerOrderId, m.takerOwner, m.taker.tokenId), party(state, m.makerOrderId, m.makerOwner, m.maker.tokenId), failing);
  publishTrade(state, trade);
  if (makerMeta) {
    const order = state.ctx.engine.order(m.makerOrderId);
    if (order) {
      if (order.status !== "live") state.accounts.release(order.orderId);
      state.channel.send(makerMeta.owner, makerMeta.conditionId, orderEventJson(makerMeta, order, "UPDATE", state.ctx.now()));
    }
  }
  scheduleNext(state, trade);
}

/** A user's order left the book by cancel (theirs, cancel-all, heartbeat expiry, GTD expiry). */
export function onCancel(state: TradingState, order: SimOrder): void {
  const meta = state.orders.get(order.orderId);
  if (!meta) return;
  state.accounts.release(order.orderId);
  state.channel.send(meta.owner, meta.conditionId, orderEventJson(meta, order, "CANCELLATION", state.ctx.now()));
}

function publishTrade(state: TradingState, t: TradeRecord): void {
  const now = state.ctx.now();
  const sent = new Set<string>();
  for (const p of [t.taker, t.maker]) {
    if (!p.user || sent.has(p.owner)) continue;
    sent.add(p.owner);
    state.channel.send(p.owner, t.match.conditionId, tradeEventJson(t, p.owner, now));
  }
}

function scheduleNext(state: TradingState, t: TradeRecord): void {
  if (nextStatus(t.status, t.failing) === null) return;
  const delay = t.status === "MATCHED" ? state.options.minedDelayMs : state.options.confirmedDelayMs;
  state.timers.after(delay, () => {
    const next = state.trades.advance(t.id, state.ctx.now());
    if (!next) return;
    if (next.status === "FAILED") reverseFills(state, next);
    publishTrade(state, next);
    scheduleNext(state, next);
  });
}

/** A FAILED trade never settled: each user gets back what the fill moved. */
function reverseFills(state: TradingState, t: TradeRecord): void {
  const m = t.match;
  if (t.taker.user) state.accounts.reverse(t.taker.owner, m.taker.side, m.taker.tokenId, m.size, m.taker.price);
  if (t.maker.user) state.accounts.reverse(t.maker.owner, m.maker.side, m.maker.tokenId, m.size, m.maker.price);
}
