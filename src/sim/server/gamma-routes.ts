// Gamma's GET /markets (filters, order, paging) and GET /markets/{id} over the sim's markets.
import type { SimResponse } from "../context.js";
import { gammaMarket } from "../markets/market-json.js";
import type { SimMarket } from "../markets/sim-market.js";
import type { SimCore } from "../sim-core.js";
import type { Router } from "./router.js";

const bad = (error: string): SimResponse => ({ status: 400, body: { error } });

/** Repeated params and comma lists both count (`slug=a&slug=b`, `clob_token_ids=x,y`). */
function listParam(query: URLSearchParams, key: string): string[] {
  return query.getAll(key).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
}

function compare(a: unknown, b: unknown): number {
  const na = typeof a === "string" && a !== "" && !Number.isNaN(Number(a)) ? Number(a) : a;
  const nb = typeof b === "string" && b !== "" && !Number.isNaN(Number(b)) ? Number(b) : b;
  if (typeof na === "number" && typeof nb === "number") return na - nb;
  return String(na ?? "").localeCompare(String(nb ?? ""));
}

export function installGammaRoutes(router: Router, core: SimCore): void {
  const json = (m: SimMarket) => gammaMarket(m, core.engine.book(m.meta.conditionId), new Date(core.clock.now()).toISOString());

  router.add("GET", "/markets", (req) => {
    const q = req.query;
    const limit = q.has("limit") ? Number(q.get("limit")) : 100;
    const offset = q.has("offset") ? Number(q.get("offset")) : 0;
    if (!Number.isInteger(limit) || limit < 0 || limit > 1000) return bad(`invalid limit ${q.get("limit")}: use an integer 0..1000`);
    if (!Number.isInteger(offset) || offset < 0) return bad(`invalid offset ${q.get("offset")}: use a non-negative integer`);
    const closed = q.get("closed");
    if (closed !== null && closed !== "true" && closed !== "false") return bad(`invalid closed ${closed}: use true or false`);
    const slugs = listParam(q, "slug");
    const tokens = listParam(q, "clob_token_ids");
    const conditions = listParam(q, "condition_ids").map((c) => c.toLowerCase());
    const ids = listParam(q, "id");
    const markets = core.registry.all().filter(
      (m) =>
        (closed === null || m.closed === (closed === "true")) &&
        (slugs.length === 0 || slugs.includes(m.slug)) &&
        (ids.length === 0 || ids.includes(m.id)) &&
        (conditions.length === 0 || conditions.includes(m.meta.conditionId)) &&
        (tokens.length === 0 || tokens.includes(m.meta.yesTokenId) || tokens.includes(m.meta.noTokenId)),
    );
    let rows = markets.map(json);
    const order = q.get("order");
    if (order) {
      const ascending = q.get("ascending") === "true";
      rows = rows
        .map((row, i) => ({ row, i }))
        .sort((a, b) => compare(a.row[order], b.row[order]) * (ascending ? 1 : -1) || a.i - b.i)
        .map((x) => x.row);
    }
    return { status: 200, body: rows.slice(offset, offset + limit) };
  });

  router.add("GET", "/markets/:id", (req) => {
    const market = core.registry.all().find((m) => m.id === req.params.id);
    return market ? { status: 200, body: json(market) } : { status: 404, body: { error: `market ${req.params.id} not found` } };
  });

  router.add("GET", "/markets/slug/:slug", (req) => {
    const market = core.registry.all().find((m) => m.slug === req.params.slug);
    return market ? { status: 200, body: json(market) } : { status: 404, body: { error: `market ${req.params.slug} not found` } };
  });
}
