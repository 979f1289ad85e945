// Placing one signed order for an API key: decode, check owner and signature, price it, reserve funds, match, answer.
import { formatSize, formatUsd, notional } from "../../domain/units.js";
import type { SimMatch } from "../context.js";
import type { ApiKeyRecord } from "./api-keys.js";
import { orderTerms } from "./order-amounts.js";
import { hasAllowance } from "./options.js";
import { engineError, orderError } from "./order-errors.js";
import { decodePostOrder } from "./order-payload.js";
import { orderHash, verifyOrderSignature } from "./order-signature.js";
import { outcomeOfToken, type TradingState } from "./state.js";
import { orderEventJson } from "./wire.js";

export interface OrderResponse {
  success: boolean;
  errorMsg: string;
  orderID: string;
  status: "live" | "matched" | "unmatched" | "";
  makingAmount: string;
  takingAmount: string;
  transactionsHashes: string[];
  tradeIDs: string[];
}

export type PlaceOutcome = { ok: true; response: OrderResponse } | { ok: false; error: string; orderID: string };

const ZERO_ADDRESS = /^0x0{40}$/;

export function placeOrder(state: TradingState, key: ApiKeyRecord, body: unknown): PlaceOutcome {
  const fail = (error: string, orderID = ""): PlaceOutcome => ({ ok: false, error, orderID });
  const decoded = decodePostOrder(body);
  if (!decoded.ok) return fail(decoded.error);
  const { order, owner, orderType, postOnly } = decoded.value;
  if (owner !== key.apiKey) return fail("the order owner has to be the owner of the API KEY");
  const market = state.ctx.marketOfToken(order.tokenId);
  if (!market) return fail(orderError("INVALID_ORDER_ERROR", `no market trades token id ${order.tokenId}`));
  if (order.signatureType === 3) return fail("invalid signature: POLY_1271 (smart-contract) signatures are not supported here; sign with an EOA (0), proxy (1) or Safe (2) signer");
  if (order.signer.toLowerCase() !== key.address.toLowerCase()) return fail("invalid signature: the order's signer is not the address that owns this API key");
  if (order.signatureType === 0 && order.maker.toLowerCase() !== order.signer.toLowerCase())
    return fail("invalid signature: for EOA orders (signatureType 0) maker must equal signer; use signatureType 1 or 2 with a funder address");
  if (ZERO_ADDRESS.test(order.maker)) return fail("Invalid order payload: maker must be the funder address");
  const sig = verifyOrderSignature(order, market.negRisk, state.options.chainIds);
  if (!sig.ok) return fail(sig.error);
  const orderID = orderHash(order, sig.chainId, market.negRisk);

  const terms = orderTerms(order.side, order.makerAmount, order.takerAmount, market.tickSize);
  if (!terms.ok) return fail(terms.error, orderID);
  const { price, size } = terms.terms;
  if (state.orders.get(orderID) || state.ctx.engine.order(orderID)) return fail(orderError("INVALID_ORDER_DUPLICATED"), orderID);

  if (!hasAllowance(state.options, key.address)) return fail(orderError("INVALID_ORDER_NOT_ENOUGH_BALANCE", "the exchange contracts have no allowance for this wallet's USDC"), orderID);
  const reserved = state.accounts.reserve(orderID, key.apiKey, order.side, order.tokenId, price, size);
  if (!reserved.ok) {
    const unit = order.side === "BUY" ? (n: number) => `$${formatUsd(n)}` : (n: number) => `${formatSize(n)} shares`;
    return fail(orderError("INVALID_ORDER_NOT_ENOUGH_BALANCE", `needs ${unit(reserved.needed)}, available ${unit(reserved.available)}`), orderID);
  }
  const expiration = Number(order.expiration);
  const now = state.ctx.now();
  const meta = {
    orderId: orderID,
    owner: key.apiKey,
    makerAddress: order.maker,
    conditionId: market.conditionId,
    tokenId: order.tokenId,
    outcome: outcomeOfToken(market, order.tokenId),
    side: order.side,
    price,
    size,
    orderType,
    expiration,
    createdAt: now,
    associateTrades: [],
  };
  state.orders.add(meta);
  const placed = state.ctx.engine.place({ orderId: orderID, owner: key.apiKey, tokenId: order.tokenId, side: order.side, price, size, type: orderType, postOnly, expiration });
  if (!placed.ok) {
    state.accounts.release(orderID);
    state.orders.remove(orderID);
    return fail(engineError(placed.code, placed.message), orderID);
  }
  const { order: simOrder, matches } = placed;
  if (simOrder.status === "live") {
    state.channel.send(key.apiKey, market.conditionId, orderEventJson(meta, simOrder, "PLACEMENT", now));
  } else {
    state.accounts.release(orderID);
  }
  return { ok: true, response: response(orderID, simOrder.status, order.side, matches, state) };
}

function response(orderID: string, status: "live" | "matched" | "canceled", side: "BUY" | "SELL", matches: SimMatch[], state: TradingState): OrderResponse {
  let shares = 0;
  let usdc = 0;
  for (const m of matches) {
    shares += m.size;
    usdc += notional(m.taker.price, m.size);
  }
  const tradeIDs = matches.map((m) => m.tradeId);
  return {
    success: true,
    errorMsg: "",
    orderID,
    status: status === "live" ? "live" : matches.length > 0 ? "matched" : "unmatched",
    makingAmount: side === "BUY" ? formatUsd(usdc) : formatSize(shares),
    takingAmount: side === "BUY" ? formatSize(shares) : formatUsd(usdc),
    transactionsHashes: tradeIDs.map((id) => state.trades.get(id)?.transactionHash ?? "").filter((h) => h !== ""),
    tradeIDs,
  };
}
