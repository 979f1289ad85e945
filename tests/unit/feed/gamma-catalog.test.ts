import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { refQuery, toMarketInfo, tokenIdsOf } from "../../../src/adapters/polymarket/gamma-catalog.js";
import { resolveEndpoints, marketChannelUrl, POLYMARKET_ENDPOINTS } from "../../../src/adapters/polymarket/endpoints.js";
import { parseRestBook } from "../../../src/adapters/polymarket/clob-rest.js";
import { feedSettingsSchema } from "../../../src/domain/settings/feed.js";

const FIX = new URL("../../../../shared/fixtures/polymarket/", import.meta.url);
const load = (p: string): Record<string, unknown> | Record<string, unknown>[] => JSON.parse(readFileSync(new URL(p, FIX), "utf8"));

describe("Gamma markets -> MarketInfo", () => {
  it("reads the real Gamma /markets page (v1 clobTokenIds JSON strings, rewards, neg-risk)", () => {
    const [trump] = load("sjmagill01/gamma_markets.json") as Record<string, unknown>[];
    const m = toMarketInfo(trump)!;
    expect(m.slug).toBe("will-donald-trump-win-the-2024-us-presidential-election");
    expect(m.yesTokenId).toBe("21742633143463906290569050155826241533067272736897614950488156847949938836455");
    expect(m.noTokenId).toBe("48331043336612883890938759509493159234755048973500640148014422747788308965732");
    expect(m.outcomes).toEqual(["Yes", "No"]);
    expect(m.tickSize).toBe(10);
    expect(m.minSize).toBe(5_000_000);
    expect(m.negRisk).toBe(true);
    expect(m.rewards).toEqual({ maxSpreadCents: 1.5, minSize: 200_000_000, dailyRate: 1_000_000_000 });
    expect(m.closed).toBe(true);
    expect(m.bestBid).toBe(9970);
    expect(m.takerFeeBps).toBe(0);
  });

  it("reads the 2026 Gamma market captures (fees, fee schedules, outcomes other than Yes/No)", () => {
    const btc = toMarketInfo(load("nautilus/rs_gamma_market.json") as Record<string, unknown>)!;
    expect(btc.outcomes).toEqual(["Up", "Down"]);
    expect(btc.tickSize).toBe(100);
    expect(btc.takerFeeBps).toBe(1000);
    expect(btc.acceptingOrders).toBe(true);
    const sports = toMarketInfo(load("nautilus/rs_gamma_market_sports_market_money_line.json") as Record<string, unknown>)!;
    expect(sports.takerFeeBps).toBe(300);
    expect(sports.tickSize).toBe(10);
    expect(sports.outcomes).toEqual(["FaZe", "illwill"]);
    const rewarded = toMarketInfo(load("nautilus/rs_gamma_market_closed_binary_accepting_true.json") as Record<string, unknown>)!;
    expect(rewarded.rewards?.dailyRate).toBe(30_000_000);
  });

  it("takes v2 positionIds as a plain array", () => {
    const m = toMarketInfo({ conditionId: "0x" + "a".repeat(64), version: "v2", positionIds: ["11", "22"], clobTokenIds: null, outcomes: '["Yes","No"]' })!;
    expect([m.yesTokenId, m.noTokenId]).toEqual(["11", "22"]);
    expect(tokenIdsOf({ version: "v2", positionIds: ["1", "2"] })).toEqual(["1", "2"]);
    expect(toMarketInfo({ conditionId: "0x1", clobTokenIds: '["1","2","3"]' })).toBeNull();
  });

  it("picks the Gamma query by the kind of reference", () => {
    expect(refQuery("0x" + "ab".repeat(32)).kind).toBe("condition id");
    expect(refQuery("21742633143463906290569050155826241533067272736897614950488156847949938836455").kind).toBe("token id");
    expect(refQuery("will-it-rain").query).toBe("slug=will-it-rain");
  });
});

describe("endpoints", () => {
  it("flags win over the environment, which wins over .env, which wins over Polymarket's", () => {
    expect(resolveEndpoints({}, {}, {})).toEqual(POLYMARKET_ENDPOINTS);
    const e = resolveEndpoints({ clob: "http://127.0.0.1:9/" }, { MM_GAMMA_URL: "http://g:1" }, { MM_GAMMA_URL: "http://x:2", MM_WS_URL: "ws://w:3/ws" });
    expect(e).toEqual({ gamma: "http://g:1", clob: "http://127.0.0.1:9", ws: "ws://w:3/ws" });
    expect(marketChannelUrl(e)).toBe("ws://w:3/ws/market");
  });

  it("rejects a URL of the wrong kind with the flag's name", () => {
    expect(() => resolveEndpoints({ ws: "http://x" }, {}, {})).toThrow(/--ws-url "http:\/\/x" must be a ws:\/\/ or wss:\/\/ URL/);
    expect(() => resolveEndpoints({}, { MM_CLOB_URL: "nope" }, {})).toThrow(/MM_CLOB_URL "nope" is not a URL/);
  });
});

describe("CLOB REST book", () => {
  it("parses levels into integer units and names the request on bad bodies", () => {
    const b = parseRestBook("GET x/book", { market: "0x1", asset_id: "7", timestamp: "123", hash: "h", bids: [{ price: "0.48", size: "10" }], asks: [{ price: "0.52", size: "1.5" }], tick_size: "0.01" });
    expect(b.bids).toEqual([{ price: 4800, size: 10_000_000 }]);
    expect(b.asks).toEqual([{ price: 5200, size: 1_500_000 }]);
    expect(b.tickSize).toBe(100);
    expect(() => parseRestBook("GET x/book", { asset_id: "7", bids: [{ price: "abc", size: "1" }], asks: [] })).toThrow(/GET x\/book answered an unexpected body/);
  });
});

describe("feed settings", () => {
  it("accepts the defaults and rejects a stale limit below the ping interval", () => {
    const defaults = JSON.parse(readFileSync(new URL("../../../config/default.json", import.meta.url), "utf8")).feed;
    expect(feedSettingsSchema.safeParse(defaults).success).toBe(true);
    const bad = feedSettingsSchema.safeParse({ ...defaults, staleMs: 5000 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toMatch(/greater than pingMs/);
  });
});
