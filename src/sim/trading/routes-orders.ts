// Order endpoints: POST /order, POST /orders (at most 15), DELETE /order, /orders, /cancel-all, /cancel-market-orders.
import type { SimRequest } from "../context.js";
import { cancelOrders, cancelWhere } from "./cancels.js";
import { authed, errorResponse, ok } from "./http.js";
import { parseJson } from "./order-payload.js";
import { placeOrder } from "./place-order.js";
import type { TradingState } from "./state.js";

export const MAX_BATCH = 15;

export function installOrderRoutes(state: TradingState): void {
  const r = state.ctx.router;
  const opts = { orderEndpoint: true };

  r.add("POST", "/order", authed(state, (req, key) => {
    const placed = placeOrder(state, key, parseJson(req.body));
    return placed.ok ? ok(placed.response) : errorResponse(400, placed.error);
  }, opts));

  r.add("POST", "/orders", authed(state, (req, key) => {
    const body = parseJson(req.body);
    if (!Array.isArray(body)) return errorResponse(400, "Invalid order payload: the body must be a JSON array of orders");
    if (body.length === 0) return errorResponse(400, "Invalid order payload: no orders provided");
    if (body.length > MAX_BATCH) return errorResponse(400, `Too many orders in payload: ${body.length}, max ${MAX_BATCH}`);
    return ok(
      body.map((item) => {
        const placed = placeOrder(state, key, item);
        if (placed.ok) return placed.response;
        return { success: false, errorMsg: placed.error, orderID: placed.orderID, status: "", makingAmount: "", takingAmount: "", transactionsHashes: [], tradeIDs: [] };
      }),
    );
  }, opts));

  r.add("DELETE", "/order", authed(state, (req, key) => {
    const body = parseJson(req.body) as { orderID?: unknown } | null | undefined;
    if (!body || typeof body.orderID !== "string") return errorResponse(400, 'Invalid payload: send {"orderID": "<order id>"}');
    return ok(cancelOrders(state, key.apiKey, [body.orderID]));
  }, opts));

  r.add("DELETE", "/orders", authed(state, (req, key) => {
    const body = parseJson(req.body);
    if (!Array.isArray(body) || !body.every((x) => typeof x === "string")) return errorResponse(400, "Invalid payload: send a JSON array of order ids");
    return ok(cancelOrders(state, key.apiKey, body as string[]));
  }, opts));

  r.add("DELETE", "/cancel-all", authed(state, (_req, key) => ok(cancelWhere(state, key.apiKey)), opts));

  r.add("DELETE", "/cancel-market-orders", authed(state, (req: SimRequest, key) => {
    const body = (parseJson(req.body) ?? {}) as { market?: unknown; asset_id?: unknown } | null;
    if (body === null || typeof body !== "object") return errorResponse(400, 'Invalid payload: send {"market": "<condition id>"} or {"asset_id": "<token id>"}');
    const market = typeof body.market === "string" && body.market !== "" ? body.market : undefined;
    const assetId = typeof body.asset_id === "string" && body.asset_id !== "" ? body.asset_id : undefined;
    if (!market && !assetId) return errorResponse(400, 'Invalid payload: send {"market": "<condition id>"} or {"asset_id": "<token id>"}');
    return ok(cancelWhere(state, key.apiKey, { market, assetId }));
  }, opts));
}
