// Price and size of a signed order from its base-unit amounts, as Polymarket reads them (BUY pays USDC, takes shares).
import type { Side } from "../../domain/market.js";
import { orderError } from "./order-errors.js";
import { PRICE_SCALE, formatPrice, type Micro, type MicroUsd, type Pips } from "../../domain/units.js";

export interface OrderTerms {
  price: Pips;
  size: Micro;
  /** USDC the order moves at its limit price (BUY: what it pays; SELL: what it receives). */
  notional: MicroUsd;
}

export type TermsResult = { ok: true; terms: OrderTerms } | { ok: false; code: string; error: string };

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * BUY: makerAmount is USDC, takerAmount is shares; SELL: the reverse. The price is usdc/shares and must be a whole
 * number of pips, a multiple of the tick, and within [tick, 1 - tick].
 */
export function orderTerms(side: Side, makerAmount: bigint, takerAmount: bigint, tick: Pips): TermsResult {
  const shares = side === "BUY" ? takerAmount : makerAmount;
  const usdc = side === "BUY" ? makerAmount : takerAmount;
  if (shares <= 0n || usdc <= 0n) {
    return { ok: false, code: "INVALID_ORDER_ERROR", error: orderError("INVALID_ORDER_ERROR", "makerAmount and takerAmount must be positive") };
  }
  if (shares > MAX_SAFE || usdc > MAX_SAFE) {
    return { ok: false, code: "INVALID_ORDER_ERROR", error: orderError("INVALID_ORDER_ERROR", "makerAmount and takerAmount are too large") };
  }
  const scaled = usdc * BigInt(PRICE_SCALE);
  if (scaled % shares !== 0n) {
    return tickError(`the amounts imply a price of ${Number(scaled) / Number(shares) / PRICE_SCALE}, which is off the price grid`);
  }
  const price = Number(scaled / shares);
  if (price % tick !== 0) return tickError(`price ${formatPrice(price)} is not a multiple of the tick ${formatPrice(tick)}`);
  if (price < tick || price > PRICE_SCALE - tick) {
    return tickError(`price ${formatPrice(price)} is outside [${formatPrice(tick)}, ${formatPrice(PRICE_SCALE - tick)}]`);
  }
  return { ok: true, terms: { price, size: Number(shares), notional: Number(usdc) } };
}

function tickError(detail: string): TermsResult {
  return {
    ok: false,
    code: "INVALID_ORDER_MIN_TICK_SIZE",
    error: orderError("INVALID_ORDER_MIN_TICK_SIZE", detail),
  };
}
