// `npm run soak`: the feed against the embedded exchange under random faults every few seconds; ends with crashes, memory and book equality.
import { ClobRest } from "../adapters/polymarket/clob-rest.js";
import { GammaCatalog } from "../adapters/polymarket/gamma-catalog.js";
import { createMarketFeed, tokenMetas } from "../cli/market-data-factory.js";
import type { FeedSettings } from "../domain/settings/feed.js";
import { sameLevels } from "../engine/feed/token-record.js";
import { startExchange, type Exchange } from "../sim/exchange.js";
import { seededRandom } from "../backtest/virtual-time.js";

interface SoakArgs {
  minutes: number;
  seed: number;
}

function parseArgs(argv: string[]): SoakArgs {
  const out: SoakArgs = { minutes: 10, seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    const value = Number(argv[i + 1]);
    if (key !== "--minutes" && key !== "--seed") throw new Error(`unknown option ${key}; use --minutes N (default 10) and --seed S`);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${key} needs a positive number, got ${argv[i + 1]}`);
    if (key === "--minutes") out.minutes = value;
    else out.seed = Math.floor(value);
    i++;
  }
  return out;
}


const SETTINGS: FeedSettings = {
  pingMs: 500,
  pongTimeoutMs: 500,
  staleMs: 1500,
  quietMs: 2000,
  backoffBaseMs: 100,
  backoffMaxMs: 2000,
  stableResetMs: 10_000,
  connectTimeoutMs: 3000,
  restFallbackAfterMs: 1000,
  restPollMs: 500,
  quoteOnRestBook: false,
  maxTokensPerConnection: 200,
};

type Fault = (ex: Exchange, rng: () => number, tokens: string[]) => void;

const FAULTS: Record<string, Fault> = {
  drop: (ex) => ex.admin.dropAll(),
  close1000: (ex) => ex.admin.closeAll(1000),
  close1013: (ex) => ex.admin.closeAll(1013),
  refuse: (ex, rng) => {
    ex.admin.refuseConnections(500 + Math.floor(rng() * 2500));
    ex.admin.dropAll();
  },
  stall: (ex, rng) => ex.admin.stall(1000 + Math.floor(rng() * 3000)),
  garbage: (ex, rng) => ex.admin.garbage(1 + Math.floor(rng() * 20)),
  duplicate: (ex, rng) => ex.admin.duplicate(1 + Math.floor(rng() * 20)),
  skipDelta: (ex, rng) => ex.admin.skipDelta(1 + Math.floor(rng() * 3)),
  corruptHash: (ex, rng) => ex.admin.corruptHash(1 + Math.floor(rng() * 3)),
  tickSize: (ex, rng, tokens) => ex.admin.tickSizeChange(tokens[Math.floor(rng() * tokens.length)]),
  slow: (ex, rng) => ex.admin.slow(100 + Math.floor(rng() * 900), 500 + Math.floor(rng() * 2000)),
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10;
const rss = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss;
};

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let crashes = 0;
  process.on("uncaughtException", (err) => {
    crashes++;
    process.stderr.write(`soak: uncaught exception: ${err.stack ?? err.message}\n`);
  });
  process.on("unhandledRejection", (err) => {
    crashes++;
    process.stderr.write(`soak: unhandled rejection: ${String(err)}\n`);
  });
  const rng = seededRandom(args.seed);
  const exchange = await startExchange({ port: 0, seed: args.seed, markets: 8, autoFlow: false });
  const markets = await new GammaCatalog(exchange.urls.gamma).list({ limit: 8 });
  const feed = createMarketFeed(exchange.urls, SETTINGS, { random: seededRandom(args.seed ^ 0xfeed) });
  const metas = markets.flatMap(tokenMetas);
  const tokens = metas.map((m) => m.tokenId);
  feed.addTokens(metas);
  feed.start();
  let flowing = true;
  const flow = setInterval(() => {
    if (flowing) exchange.step(2);
  }, 10);
  await sleep(2000);
  const rssStart = rss();
  process.stdout.write(`soak: ${args.minutes} min, ${tokens.length} tokens, seed ${args.seed}; RSS at start ${mb(rssStart)} MB\n`);
  const counts: Record<string, number> = {};
  const end = Date.now() + args.minutes * 60_000;
  let nextReport = Date.now() + 60_000;
  const names = Object.keys(FAULTS);
  while (Date.now() < end) {
    await sleep(2000 + Math.floor(rng() * 3000));
    const name = names[Math.floor(rng() * names.length)];
    FAULTS[name](exchange, rng, tokens);
    counts[name] = (counts[name] ?? 0) + 1;
    if (Date.now() >= nextReport) {
      nextReport += 60_000;
      const h = feed.health();
      process.stdout.write(`soak: ${Math.round((Date.now() - end) / 60_000 + args.minutes)} min, feed ${h.state}, reconnects ${h.reconnects}, RSS ${mb(rss())} MB, heap ${mb(process.memoryUsage().heapUsed)} MB\n`);
    }
  }
  exchange.admin.clear();
  await sleep(3000);
  flowing = false;
  const rest = new ClobRest(exchange.urls.clob);
  let equal = false;
  const deadline = Date.now() + 30_000;
  while (!equal && Date.now() < deadline) {
    await sleep(200);
    const h = feed.health();
    if (h.state !== "live" || !h.tokens.every((t) => t.synced)) continue;
    equal = true;
    for (const id of tokens) {
      const book = feed.books.book(id);
      const r = await rest.book(id);
      if (!book || !sameLevels(book, r.bids, r.asks)) equal = false;
    }
  }
  const h = feed.health();
  clearInterval(flow);
  await feed.stop();
  await exchange.close();
  const rssEnd = rss();
  const summary = {
    minutes: args.minutes,
    faults: counts,
    crashes,
    rssStartMb: mb(rssStart),
    rssEndMb: mb(rssEnd),
    reconnects: h.reconnects,
    resyncs: h.tokens.reduce((n, t) => n + t.resyncs, 0),
    desyncs: h.tokens.reduce((n, t) => n + t.desyncs, 0),
    invalidFrames: h.invalidFrames,
    booksEqualExchange: equal,
  };
  process.stdout.write(JSON.stringify(summary) + "\n");
  process.exit(crashes === 0 && equal ? 0 : 1);
}

main().catch((err: unknown) => {
  process.stderr.write(`soak: ${(err as Error).message}\n`);
  process.exit(1);
});
