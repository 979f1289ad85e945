// Runs the real feed (ws transport, CLOB REST, parser) against the embedded exchange, with flow driven step by step.
import { startExchange, type Exchange } from "../../../src/sim/exchange.js";
import { GammaCatalog } from "../../../src/adapters/polymarket/gamma-catalog.js";
import { ClobRest } from "../../../src/adapters/polymarket/clob-rest.js";
import { createMarketFeed, tokenMetas } from "../../../src/cli/market-data-factory.js";
import type { MarketFeed } from "../../../src/engine/feed/market-feed.js";
import { sameLevels } from "../../../src/engine/feed/token-record.js";
import type { FeedSettings } from "../../../src/domain/settings/feed.js";
import type { MarketDataNotice } from "../../../src/ports/market-data.js";
import { seededRandom } from "../../../src/backtest/virtual-time.js";

/** Short limits so each fault resolves in well under a second. */
export const TEST_FEED: FeedSettings = {
  pingMs: 200,
  pongTimeoutMs: 300,
  staleMs: 600,
  quietMs: 400,
  backoffBaseMs: 40,
  backoffMaxMs: 400,
  stableResetMs: 2000,
  connectTimeoutMs: 1000,
  restFallbackAfterMs: 300,
  restPollMs: 150,
  quoteOnRestBook: false,
  maxTokensPerConnection: 200,
};

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function waitFor(cond: () => boolean | Promise<boolean>, timeoutMs: number, what: string, pollMs = 10): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await cond()) return Date.now() - start;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(pollMs);
  }
}

export interface Harness {
  exchange: Exchange;
  feed: MarketFeed;
  rest: ClobRest;
  tokenIds: string[];
  notices: { notice: MarketDataNotice; at: number }[];
  /** Violations of "a token reported synced is on a connected feed with a synced book", found by the monitor. */
  violations: string[];
  setFlowing(on: boolean): void;
  allSyncedLive(): boolean;
  /** Every token's book equals REST /book (call with the flow paused). */
  booksEqualRest(): Promise<boolean>;
  close(): Promise<void>;
}

export async function startHarness(seed: number, settings: FeedSettings = TEST_FEED): Promise<Harness> {
  const exchange = await startExchange({ port: 0, seed, markets: 2, autoFlow: false });
  const catalog = new GammaCatalog(exchange.urls.gamma);
  const markets = (await catalog.list({ limit: 2 })).slice(0, 2);
  const feed = createMarketFeed(exchange.urls, settings, { random: seededRandom(seed ^ 0x5eed) });
  const rest = new ClobRest(exchange.urls.clob, 2000);
  const notices: Harness["notices"] = [];
  feed.onNotice((notice) => {
    if (notice.type !== "delta") notices.push({ notice, at: Date.now() });
  });
  const metas = markets.flatMap(tokenMetas);
  const tokenIds = metas.map((m) => m.tokenId);
  feed.addTokens(metas);
  feed.start();
  let flowing = true;
  const flow = setInterval(() => {
    if (flowing) exchange.step(2);
  }, 10);
  const violations: string[] = [];
  const monitor = setInterval(() => {
    for (const t of feed.health().tokens) {
      if (!t.synced) continue;
      const rec = feed.tokens.get(t.tokenId);
      const phase = rec?.conn.phase;
      if (phase !== "syncing" && phase !== "live" && phase !== "stale") violations.push(`${t.tokenId} synced while the feed is ${phase}`);
      if (!feed.book(t.tokenId)?.synced) violations.push(`${t.tokenId} reported synced with an unsynced book`);
    }
  }, 15);
  return {
    exchange,
    feed,
    rest,
    tokenIds,
    notices,
    violations,
    setFlowing: (on) => {
      flowing = on;
    },
    allSyncedLive: () => {
      const h = feed.health();
      return h.state === "live" && h.tokens.every((t) => t.synced);
    },
    booksEqualRest: async () => {
      for (const id of tokenIds) {
        const book = feed.books.book(id);
        if (!book) return false;
        const r = await rest.book(id);
        if (!sameLevels(book, r.bids, r.asks)) return false;
      }
      return true;
    },
    close: async () => {
      clearInterval(flow);
      clearInterval(monitor);
      await feed.stop();
      await exchange.close();
    },
  };
}
