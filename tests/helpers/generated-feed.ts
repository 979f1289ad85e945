// A MarketFeed on a fake clock and an in-process socket, following generated traffic's tokens, its timers too long to fire: exact streams fed by hand.
import { expect } from "vitest";
import { FakeClock } from "../../src/adapters/clock/fake-clock.js";
import { parseFrame } from "../../src/adapters/polymarket/parse/parse-frame.js";
import { DirectLink } from "../../src/bench/direct-link.js";
import type { Traffic } from "../../src/bench/generator.js";
import { loadSettings } from "../../src/cli/config.js";
import { tokenMetas } from "../../src/cli/market-data-factory.js";
import type { FeedSettings } from "../../src/domain/settings/feed.js";
import { MarketFeed } from "../../src/engine/feed/market-feed.js";

/**
 * Opens the feed, delivers the opening frame, then frames [0, end) two seconds apart: past the feed's per-token
 * hash-check interval, so every entry's hash is due for a check.
 */
export async function playTraffic(t: Traffic, end: number): Promise<{ clock: FakeClock; link: DirectLink; feed: MarketFeed }> {
  const clock = new FakeClock(t.openingTs - 1000);
  const link = new DirectLink();
  const settings: FeedSettings = { ...loadSettings().feed, staleMs: 1e9, quietMs: 1e9, pingMs: 1e9, pongTimeoutMs: 1e9 };
  const noRest = { book: () => Promise.reject(new Error("no REST")), books: () => Promise.reject(new Error("no REST")) };
  const feed = new MarketFeed({ url: "test", settings, clock, transport: link.transport, rest: noRest, parse: parseFrame });
  feed.addTokens(t.markets.flatMap(tokenMetas));
  feed.start();
  await Promise.resolve();
  expect(link.deliver(t.opening)).toBe(true);
  for (let i = 0; i < end; i++) {
    clock.advance(2_000);
    link.deliver(t.frames[i]);
  }
  return { clock, link, feed };
}
