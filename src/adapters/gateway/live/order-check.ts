// Pure pre-send checks for live orders: resting types only, on the exchange's tick grid, whole cents of shares, min size, and the notional cap.
import type { OpenOrder, OrderRequest } from "../../../ports/order-gateway.js";
import type { MicroUsd, Pips } from "../../../domain/units.js";
import { PRICE_SCALE, formatCents, formatPrice, formatSize, notional } from "../../../domain/units.js";

/** Sizes have 2 decimals on Polymarket: 0.01 share = 10,000 micro-shares. */
export const SIZE_STEP = 10_000;

export type OrderCheck = { ok: true } | { ok: false; reason: string };

/** Notional of the orders resting (or on their way): what the cap limits. */
export function restingNotional(orders: Iterable<Pick<OpenOrder, "price" | "size" | "filled">>): MicroUsd {
  let sum = 0;
  for (const o of orders) sum += notional(o.price, Math.max(0, o.size - o.filled));
  return sum;
}

/**
 * Checks one order before it is signed. `tick` is the exchange's current tick for the token (it wins over the
 * market metadata the request carries); `committed` is the notional already resting or in flight.
 */
export function checkOrder(req: OrderRequest, tick: Pips, committed: MicroUsd, capUsd: number): OrderCheck {
  if (req.type !== "GTC" && req.type !== "GTD") return { ok: false, reason: `live orders are resting limit orders (GTC/GTD); ${req.type} is not placed` };
  if (req.type === "GTD" && !(req.expiration && req.expiration > 0)) return { ok: false, reason: "a GTD order needs an expiration (unix seconds)" };
  if (!Number.isInteger(req.price) || req.price % tick !== 0) return { ok: false, reason: `price ${formatPrice(req.price)} is off the tick grid ${formatPrice(tick)}; re-price on the current tick` };
  if (req.price < tick || req.price > PRICE_SCALE - tick) return { ok: false, reason: `price ${formatPrice(req.price)} is outside [${formatPrice(tick)}, ${formatPrice(PRICE_SCALE - tick)}]` };
  if (!Number.isInteger(req.size) || req.size <= 0 || req.size % SIZE_STEP !== 0) return { ok: false, reason: `size ${formatSize(req.size)} is not a positive multiple of 0.01 shares` };
  if (req.size < req.market.minSize) return { ok: false, reason: `size ${formatSize(req.size)} is below the market's minimum ${formatSize(req.market.minSize)}` };
  const cap = Math.round(capUsd * 1_000_000);
  const after = committed + notional(req.price, req.size);
  if (after > cap) {
    return { ok: false, reason: `max notional: $${formatCents(after)} would rest in orders, over live.maxNotionalUsd $${formatCents(cap)}; raise it on purpose (--set live.maxNotionalUsd=N) if you mean to` };
  }
  return { ok: true };
}

/** The client's tick-size names ("0.01", "0.0025", ...). */
export function tickName(tick: Pips): string {
  return formatPrice(tick);
}
