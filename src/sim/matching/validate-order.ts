// Polymarket's order rules (tick grid, price bounds, minimum size, post-only types) as error codes the exchange answers with.
import type { SimMarketMeta, SimOrderInput } from "../context.js";
import { PRICE_SCALE, formatPrice, formatSize } from "../../domain/units.js";

export interface OrderRejection {
  code: string;
  message: string;
}

/** Checks an order against its market's rules; null when it may go to matching. */
export function validateOrder(input: SimOrderInput, market: SimMarketMeta, nowSeconds: number): OrderRejection | null {
  const tick = market.tickSize;
  if (input.price % tick !== 0)
    return {
      code: "INVALID_ORDER_MIN_TICK_SIZE",
      message: `order is invalid. Price (${formatPrice(input.price)}) breaks minimum tick size rule: ${formatPrice(tick)}`,
    };
  if (input.price < tick || input.price > PRICE_SCALE - tick)
    return {
      code: "INVALID_ORDER_MIN_TICK_SIZE",
      message: `order is invalid. Price (${formatPrice(input.price)}) is outside [${formatPrice(tick)}, ${formatPrice(PRICE_SCALE - tick)}] for tick size ${formatPrice(tick)}`,
    };
  if (!Number.isSafeInteger(input.size) || input.size < market.minSize)
    return {
      code: "INVALID_ORDER_MIN_SIZE",
      message: `order is invalid. Size (${formatSize(input.size)}) lower than the minimum: ${formatSize(market.minSize)}`,
    };
  if (input.postOnly && (input.type === "FOK" || input.type === "FAK"))
    return { code: "INVALID_POST_ONLY_ORDER_TYPE", message: "invalid post-only order: only GTC and GTD orders may be post-only" };
  if (input.type === "GTD" && input.expiration !== 0 && input.expiration <= nowSeconds)
    return { code: "INVALID_ORDER_EXPIRATION", message: `invalid expiration ${input.expiration}: it is in the past (now ${nowSeconds})` };
  return null;
}
