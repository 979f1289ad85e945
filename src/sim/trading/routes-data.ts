// Read endpoints of a key: GET /data/orders (open orders), /data/order/{id}, /data/trades, paginated as Polymarket does.
import type { SimRequest } from "../context.js";
import { authed, errorResponse, ok } from "./http.js";
import type { TradingState } from "./state.js";
import { openOrderJson, tradeJson } from "./wire.js";

export const PAGE_LIMIT = 100;
export const END_CURSOR = "LTE=";

/** One page of `items` at the request's `next_cursor` (base64 of the offset; "LTE=" = -1 marks the end). */
export function page<T>(items: T[], req: SimRequest) {
  const cursor = req.query.get("next_cursor") ?? "MA==";
  const offset = Number(Buffer.from(cursor, "base64").toString("utf8"));
  if (!Number.isInteger(offset) || offset < 0) return null;
  const data = items.slice(offset, offset + PAGE_LIMIT);
  const next = offset + PAGE_LIMIT < items.length ? Buffer.from(String(offset + PAGE_LIMIT)).toString("base64") : END_CURSOR;
  return { data, next_cursor: next, limit: PAGE_LIMIT, count: data.length };
}

const BAD_CURSOR = "Invalid next_cursor: pass the next_cursor of the previous page, or MA== for the first";

export function installDataRoutes(state: TradingState): void {
  const r = state.ctx.router;
  const opts = { orderEndpoint: false };

  r.add("GET", "/data/orders", authed(state, (req, key) => {
    const id = req.query.get("id");
    const market = req.query.get("market");
    const asset = req.query.get("asset_id");
    const items = state.ctx.engine
      .openOrders(key.apiKey)
      .filter((o) => (!id || o.orderId === id) && (!market || o.conditionId === market) && (!asset || o.tokenId === asset))
      .flatMap((o) => {
        const meta = state.orders.get(o.orderId);
        return meta ? [openOrderJson(meta, o)] : [];
      });
    const p = page(items, req);
    return p ? ok(p) : errorResponse(400, BAD_CURSOR);
  }, opts));

  r.add("GET", "/data/order/:id", authed(state, (req, key) => {
    const id = req.params.id ?? "";
    const meta = state.orders.get(id);
    const order = state.ctx.engine.order(id);
    if (!meta || meta.owner !== key.apiKey || !order) return errorResponse(404, `Order ${id} not found`);
    return ok(openOrderJson(meta, order));
  }, opts));

  r.add("GET", "/data/trades", authed(state, (req, key) => {
    const q = (name: string) => req.query.get(name) || undefined;
    const id = q("id");
    const market = q("market");
    const asset = q("asset_id");
    const maker = q("maker_address")?.toLowerCase();
    const before = q("before");
    const after = q("after");
    const items = state.trades
      .forOwner(key.apiKey)
      .filter((t) => {
        const secs = Math.floor(t.matchTime / 1000);
        return (
          (!id || t.id === id) &&
          (!market || t.match.conditionId === market) &&
          (!asset || t.match.taker.tokenId === asset || t.match.maker.tokenId === asset) &&
          (!maker || t.taker.address.toLowerCase() === maker || t.maker.address.toLowerCase() === maker) &&
          (!before || secs < Number(before)) &&
          (!after || secs > Number(after))
        );
      })
      .map((t) => tradeJson(t, key.apiKey));
    const p = page(items, req);
    return p ? ok(p) : errorResponse(400, BAD_CURSOR);
  }, opts));
}
