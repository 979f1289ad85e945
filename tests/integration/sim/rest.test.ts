// The sim's Gamma and CLOB REST answers: Polymarket's field names, types and encodings, filters, and /book hashes that reproduce.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../../src/adapters/clock/fake-clock.js";
import { startExchange, type Exchange } from "../../../src/sim/exchange.js";
import { readFixture } from "../../helpers/fixtures.js";

let ex: Exchange;
const get = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as any };
};

beforeAll(async () => {
  ex = await startExchange({ seed: 5, markets: 8, clock: new FakeClock(1_790_000_000_000), autoFlow: false });
  ex.step(400);
});
afterAll(() => ex.close());

describe("sim Gamma /markets", () => {
  it("has every field of a real Gamma market with the same JSON type", async () => {
    const real = JSON.parse(readFixture("nautilus/rs_gamma_market_closed_binary_accepting_true.json")) as Record<string, unknown>;
    const { body } = await get(`${ex.urls.gamma}/markets?limit=3`);
    expect(body).toHaveLength(3);
    const ours = body[0] as Record<string, unknown>;
    const shared = ["outcomes", "outcomePrices", "clobTokenIds", "orderPriceMinTickSize", "orderMinSize", "negRisk", "endDate", "volume24hr", "liquidityNum", "volumeNum",
      "rewardsMaxSpread", "rewardsMinSize", "clobRewards", "bestBid", "bestAsk", "spread", "lastTradePrice", "acceptingOrders", "enableOrderBook", "closed", "active",
      "conditionId", "slug", "question", "description", "version", "feesEnabled", "questionID", "volume", "liquidity"];
    for (const key of shared) {
      if (real[key] === null || real[key] === undefined) continue;
      expect(typeof ours[key], key).toBe(typeof real[key]);
    }
    expect(JSON.parse(ours.outcomes as string)).toEqual(["Yes", "No"]);
    expect(JSON.parse(ours.clobTokenIds as string)).toHaveLength(2);
    expect(ours.conditionId).toMatch(/^0x[0-9a-f]{64}$/);
    expect(JSON.parse(ours.clobTokenIds as string)[0]).toMatch(/^[1-9][0-9]{70,}$/);
  });

  it("mixes ticks 0.01 and 0.001, neg-risk, rewards, and end dates within hours", async () => {
    const { body } = await get(`${ex.urls.gamma}/markets`);
    const ticks = new Set(body.map((m: any) => m.orderPriceMinTickSize));
    expect(ticks).toEqual(new Set([0.01, 0.001]));
    expect(body.some((m: any) => m.negRisk)).toBe(true);
    expect(body.some((m: any) => m.clobRewards.length > 0 && m.clobRewards[0].rewardsDailyRate > 0)).toBe(true);
    expect(body.some((m: any) => Date.parse(m.endDate) - 1_790_000_000_000 < 24 * 3600_000)).toBe(true);
    expect(body.every((m: any) => m.orderMinSize === 5)).toBe(true);
  });

  it("filters by slug, clob_token_ids, condition_ids and closed, and orders and pages", async () => {
    const { body: all } = await get(`${ex.urls.gamma}/markets`);
    const m = all[2];
    const token = JSON.parse(m.clobTokenIds)[1];
    expect((await get(`${ex.urls.gamma}/markets?slug=${m.slug}`)).body.map((x: any) => x.id)).toEqual([m.id]);
    expect((await get(`${ex.urls.gamma}/markets?clob_token_ids=${token}`)).body.map((x: any) => x.id)).toEqual([m.id]);
    expect((await get(`${ex.urls.gamma}/markets?condition_ids=${m.conditionId}`)).body.map((x: any) => x.id)).toEqual([m.id]);
    expect((await get(`${ex.urls.gamma}/markets?closed=true`)).body).toEqual([]);
    const sorted = (await get(`${ex.urls.gamma}/markets?order=volume24hr&ascending=false`)).body.map((x: any) => x.volume24hr);
    expect(sorted).toEqual([...sorted].sort((a: number, b: number) => b - a));
    const page = (await get(`${ex.urls.gamma}/markets?limit=2&offset=2`)).body.map((x: any) => x.id);
    expect(page).toEqual(all.slice(2, 4).map((x: any) => x.id));
    expect((await get(`${ex.urls.gamma}/markets?limit=abc`)).status).toBe(400);
  });
});

describe("sim CLOB REST", () => {
  it("serves /book in Polymarket's key order with a hash that reproduces, and /books", async () => {
    const m = ex.markets()[1];
    for (const token of [m.meta.yesTokenId, m.meta.noTokenId]) {
      const { body } = await get(`${ex.urls.clob}/book?token_id=${token}`);
      expect(Object.keys(body)).toEqual(["market", "asset_id", "timestamp", "hash", "bids", "asks", "min_order_size", "tick_size", "neg_risk", "last_trade_price"]);
      const sha = createHash("sha1").update(JSON.stringify({ ...body, hash: "" })).digest("hex");
      expect(body.hash).toBe(sha);
      const bids = body.bids.map((l: any) => Number(l.price));
      expect(bids).toEqual([...bids].sort((a: number, b: number) => a - b));
      const asks = body.asks.map((l: any) => Number(l.price));
      expect(asks).toEqual([...asks].sort((a: number, b: number) => b - a));
    }
    const res = await fetch(`${ex.urls.clob}/books`, { method: "POST", body: JSON.stringify([{ token_id: m.meta.yesTokenId }, { token_id: m.meta.noTokenId }]) });
    const books = (await res.json()) as any[];
    expect(books.map((b) => b.asset_id)).toEqual([m.meta.yesTokenId, m.meta.noTokenId]);
    // The NO book mirrors the YES book.
    expect(Number(books[1].bids.at(-1).price)).toBeCloseTo(1 - Number(books[0].asks.at(-1).price), 10);
    expect(await get(`${ex.urls.clob}/book?token_id=42`)).toEqual({ status: 404, body: { error: "No orderbook exists for the requested token id" } });
    expect((await get(`${ex.urls.clob}/book`)).status).toBe(400);
  });

  it("answers midpoint, price, tick size, neg-risk, version, time, prices-history and the market endpoints", async () => {
    const m = ex.markets()[0];
    const t = m.meta.yesTokenId;
    const { body: book } = await get(`${ex.urls.clob}/book?token_id=${t}`);
    const bid = Number(book.bids.at(-1).price);
    const ask = Number(book.asks.at(-1).price);
    const { body: mid } = await get(`${ex.urls.clob}/midpoint?token_id=${t}`);
    expect(Number(mid.mid)).toBeCloseTo((bid + ask) / 2, 10);
    expect(mid.mid_price).toBe(mid.mid);
    expect((await get(`${ex.urls.clob}/price?token_id=${t}&side=BUY`)).body).toEqual({ price: book.bids.at(-1).price });
    expect((await get(`${ex.urls.clob}/price?token_id=${t}&side=SELL`)).body).toEqual({ price: book.asks.at(-1).price });
    expect((await get(`${ex.urls.clob}/tick-size?token_id=${t}`)).body).toEqual({ minimum_tick_size: m.meta.tickSize / 10_000 });
    expect((await get(`${ex.urls.clob}/neg-risk?token_id=${t}`)).body).toEqual({ neg_risk: m.meta.negRisk });
    expect((await get(`${ex.urls.clob}/version`)).body).toEqual({ version: 2 });
    expect((await get(`${ex.urls.clob}/time`)).body).toBe(1_790_000_000);
    const { body: hist } = await get(`${ex.urls.clob}/prices-history?market=${t}&interval=1d&fidelity=60`);
    expect(hist.history.length).toBeGreaterThanOrEqual(23);
    expect(hist.history.every((p: any) => Number.isInteger(p.t) && p.p > 0 && p.p < 1)).toBe(true);
    expect((await get(`${ex.urls.clob}/prices-history?market=${t}&interval=2y`)).status).toBe(400);
    const info = (await get(`${ex.urls.clob}/clob-markets/${m.meta.conditionId}`)).body;
    expect(info.t.map((x: any) => x.t)).toEqual([m.meta.yesTokenId, m.meta.noTokenId]);
    expect(info.mts).toBe(m.meta.tickSize / 10_000);
    const real = JSON.parse(readFixture("nautilus/py_rest_clob_market.json")) as Record<string, unknown>;
    const market = (await get(`${ex.urls.clob}/markets/${m.meta.conditionId}`)).body;
    expect(Object.keys(market).sort()).toEqual(Object.keys(real).sort());
  });
});
