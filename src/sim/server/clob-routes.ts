// The CLOB's public REST endpoints: books, prices, midpoints, history, tick size, neg-risk, markets, version and time.
import { PRICE_SCALE, formatFixed, formatPrice } from "../../domain/units.js";
import type { SimResponse } from "../context.js";
import { knownInterval } from "../market-data/price-history.js";
import { restBook } from "../market-data/rest-book.js";
import { bestAsk, bestBid } from "../market-data/token-book.js";
import { clobMarket, clobMarketInfo } from "../markets/market-json.js";
import type { TokenHit } from "../markets/market-registry.js";
import type { SimCore } from "../sim-core.js";
import type { Router } from "./router.js";

const NO_BOOK = "No orderbook exists for the requested token id";
const bad = (error: string): SimResponse => ({ status: 400, body: { error } });
const notFound = (error: string): SimResponse => ({ status: 404, body: { error } });
const ok = (body: unknown): SimResponse => ({ status: 200, body });

export function installClobRoutes(router: Router, core: SimCore): void {
  const { registry, engine, clock, history } = core;

  /** The open market a token_id belongs to, or the error response. */
  const tokenParam = (query: URLSearchParams): TokenHit | SimResponse => {
    const id = query.get("token_id");
    if (!id) return bad("Invalid token id");
    const hit = registry.token(id);
    if (!hit || hit.market.closed) return notFound(NO_BOOK);
    return hit;
  };
  const isHit = (x: TokenHit | SimResponse): x is TokenHit => "market" in x;
  const book = (hit: TokenHit) => restBook(hit.market, engine.book(hit.market.meta.conditionId), hit.isYes, clock.now());
  const top = (hit: TokenHit) => {
    const b = engine.book(hit.market.meta.conditionId);
    return { bid: bestBid(b, hit.isYes), ask: bestAsk(b, hit.isYes) };
  };

  router.add("GET", "/", () => ok("OK"));
  router.add("GET", "/ok", () => ok("OK"));
  router.add("GET", "/version", () => ok({ version: 2 }));
  router.add("GET", "/time", () => ok(Math.floor(clock.now() / 1000)));

  router.add("GET", "/book", (req) => {
    const hit = tokenParam(req.query);
    return isHit(hit) ? ok(book(hit)) : hit;
  });

  router.add("POST", "/books", (req) => {
    let items: unknown;
    try {
      items = JSON.parse(req.body || "null");
    } catch {
      return bad("Invalid payload");
    }
    if (!Array.isArray(items) || !items.every((i) => typeof i === "object" && i !== null && typeof (i as { token_id?: unknown }).token_id === "string"))
      return bad("Invalid payload");
    if (items.length > 500) return bad("Payload exceeds the limit");
    const out = [];
    for (const item of items as { token_id: string }[]) {
      const hit = registry.token(item.token_id);
      if (hit && !hit.market.closed) out.push(book(hit));
    }
    return ok(out);
  });

  router.add("GET", "/midpoint", (req) => {
    const hit = tokenParam(req.query);
    if (!isHit(hit)) return hit;
    const { bid, ask } = top(hit);
    if (bid === null || ask === null) return notFound("No midpoint: one side of the book is empty");
    const mid = formatFixed((bid + ask) * 5, 5);
    return ok({ mid, mid_price: mid });
  });

  router.add("GET", "/price", (req) => {
    const hit = tokenParam(req.query);
    if (!isHit(hit)) return hit;
    const side = (req.query.get("side") ?? "").toUpperCase();
    if (side !== "BUY" && side !== "SELL") return bad("Invalid side: use side=BUY (best bid) or side=SELL (best ask)");
    const { bid, ask } = top(hit);
    const price = side === "BUY" ? bid : ask;
    if (price === null) return notFound(`No ${side === "BUY" ? "bids" : "asks"} on the book`);
    return ok({ price: formatPrice(price) });
  });

  router.add("GET", "/spread", (req) => {
    const hit = tokenParam(req.query);
    if (!isHit(hit)) return hit;
    const { bid, ask } = top(hit);
    return ok({ spread: formatPrice((ask ?? PRICE_SCALE) - (bid ?? 0)) });
  });

  router.add("GET", "/last-trade-price", (req) => {
    const hit = tokenParam(req.query);
    if (!isHit(hit)) return hit;
    const yes = hit.market.lastTradePrice;
    return ok({ price: formatPrice(hit.isYes ? yes : PRICE_SCALE - yes), side: "BUY" });
  });

  router.add("GET", "/tick-size", (req) => {
    const hit = tokenParam(req.query);
    return isHit(hit) ? ok({ minimum_tick_size: hit.market.meta.tickSize / PRICE_SCALE }) : hit;
  });

  router.add("GET", "/neg-risk", (req) => {
    const hit = tokenParam(req.query);
    return isHit(hit) ? ok({ neg_risk: hit.market.meta.negRisk }) : hit;
  });

  router.add("GET", "/fee-rate", (req) => {
    const hit = tokenParam(req.query);
    return isHit(hit) ? ok({ base_fee: hit.market.takerFeeBps }) : hit;
  });

  router.add("GET", "/prices-history", (req) => {
    const id = req.query.get("market");
    if (!id) return bad("market is required: pass market=<token id>");
    const hit = registry.token(id);
    if (!hit) return notFound(`no market for token id ${id}`);
    const interval = req.query.get("interval") ?? undefined;
    if (interval !== undefined && !knownInterval(interval)) return bad(`invalid interval ${interval}: use one of 1m, 1h, 6h, 1d, 1w, max`);
    const num = (key: string): number | undefined => {
      const v = req.query.get(key);
      return v === null || v === "" || !Number.isFinite(Number(v)) ? undefined : Number(v);
    };
    const startTs = num("startTs");
    const endTs = num("endTs");
    if (interval === undefined && (startTs === undefined || endTs === undefined)) return bad("pass interval, or both startTs and endTs");
    const points = history.query(hit.market.meta.conditionId, { interval, startTs, endTs, fidelity: num("fidelity"), nowSeconds: Math.floor(clock.now() / 1000) }, !hit.isYes);
    return ok({ history: points });
  });

  router.add("GET", "/markets/:id", (req) => {
    const market = registry.condition(req.params.id);
    if (!market) return notFound(`market ${req.params.id} not found`);
    return ok(clobMarket(market, engine.book(market.meta.conditionId)));
  });

  router.add("GET", "/clob-markets/:id", (req) => {
    const market = registry.condition(req.params.id);
    if (!market) return notFound(`market ${req.params.id} not found`);
    return ok(clobMarketInfo(market));
  });

  router.add("GET", "/markets", (req) => {
    const all = registry.all();
    const offset = Number(Buffer.from(req.query.get("next_cursor") ?? "", "base64").toString("utf8")) || 0;
    const page = all.slice(offset, offset + 100).map((m) => clobMarket(m, engine.book(m.meta.conditionId)));
    const next = offset + page.length >= all.length ? "LTE=" : Buffer.from(String(offset + page.length)).toString("base64");
    return ok({ data: page, next_cursor: next, limit: 100, count: page.length });
  });
}
