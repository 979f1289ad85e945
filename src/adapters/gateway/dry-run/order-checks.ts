// Checks a dry-run order the way the exchange would at placement: price on the tick grid, 0.01-share sizes, minimum size, token, and collateral.
import type { OrderRequest } from "../../../ports/order-gateway.js";
import { notional, PRICE_SCALE, type Micro, type MicroUsd } from "../../../domain/units.js";
import { takerFee } from "../../../domain/fills/taker-walk.js";
import { tokenOf } from "../../../domain/market.js";
import { SIZE_STEP } from "../../../domain/quoting/grid.js";

export interface Collateral {
  /** Cash not reserved by open BUYs. */
  freeCash: MicroUsd;
  /** Shares of the order's token not reserved by open SELLs. */
  freeShares: Micro;
}

/** Null when the order may be placed, else the exchange-style reason it is rejected. */
export function rejectReason(req: OrderRequest, collateral: Collateral): string | null {
  const tick = req.market.tickSize;
  if (req.tokenId !== tokenOf(req.market, req.outcome)) return `INVALID_ORDER: token ${req.tokenId} is not the ${req.outcome} token of ${req.market.conditionId}`;
  if (!Number.isInteger(req.price) || req.price % tick !== 0 || req.price < tick || req.price > PRICE_SCALE - tick) {
    return `INVALID_ORDER_MIN_TICK_SIZE: price ${req.price / PRICE_SCALE} is not a multiple of the tick ${tick / PRICE_SCALE} within [tick, 1 - tick]`;
  }
  if (!Number.isInteger(req.size) || req.size % SIZE_STEP !== 0) return `INVALID_ORDER: size ${req.size / 1e6} is not a multiple of 0.01 shares (sizes have 2 decimals)`;
  if (req.size < req.market.minSize) return `INVALID_ORDER_MIN_SIZE: size ${req.size / 1e6} is below the minimum ${req.market.minSize / 1e6}`;
  if (req.postOnly && req.type !== "GTC" && req.type !== "GTD") return `INVALID_POST_ONLY_ORDER: post-only needs GTC or GTD, not ${req.type}`;
  if (req.side === "BUY") {
    const fee = req.postOnly ? 0 : takerFee(req.price, req.size, req.market.takerFeeBps);
    const needed = notional(req.price, req.size) + fee;
    if (needed > collateral.freeCash) return `NOT_ENOUGH_BALANCE: needs $${needed / 1e6}, $${collateral.freeCash / 1e6} free`;
  } else if (req.size > collateral.freeShares) {
    return `NOT_ENOUGH_BALANCE: sells ${req.size / 1e6} shares, ${collateral.freeShares / 1e6} free`;
  }
  return null;
}
