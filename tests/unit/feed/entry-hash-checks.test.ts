// The feed's entry-hash checks keep running through trades: a post-trade book confirms the last trade price lazily, and a wrong hash is caught.
import { describe, expect, it } from "vitest";
import { generateTraffic } from "../../../src/bench/generator.js";
import type { MarketFeed } from "../../../src/engine/feed/market-feed.js";
import { playTraffic } from "../../helpers/generated-feed.js";

const t = generateTraffic({ markets: 2, frames: 2_000, seed: 5, meanGapMs: 2 });
const play = (end: number) => playTraffic(t, end);

const desyncs = (feed: MarketFeed, tokenId: string): number => feed.health().tokens.find((x) => x.tokenId === tokenId)?.desyncs ?? -1;

describe("entry-hash checks through trades", () => {
  // The stream's last trade print, the traded token's book after it, and the first single price_change after that on the token.
  const lastTrade = t.frames.findLastIndex((f) => f.includes('"last_trade_price"'));
  const traded = (JSON.parse(t.frames[lastTrade]) as { asset_id: string }).asset_id;
  const entryOf = (f: string) => (JSON.parse(f) as { price_changes: { asset_id: string; hash: string }[] }).price_changes.find((e) => e.asset_id === traded);
  const postTradeBook = t.frames.findIndex((f, i) => i > lastTrade && f.includes('"event_type":"book"') && f.includes(`"asset_id":"${traded}"`));
  const target = t.frames.findIndex((f, i) => i > postTradeBook && f.includes('"price_changes"') && (f.match(/"asset_id"/g) ?? []).length === 2 && entryOf(f) !== undefined);
  const entry = entryOf(t.frames[target])!;

  it("finds a post-trade stretch to test on", () => {
    expect(lastTrade).toBeGreaterThan(0);
    expect(target).toBeGreaterThan(lastTrade);
    expect(postTradeBook - lastTrade).toBeGreaterThan(0);
    expect(postTradeBook - lastTrade).toBeLessThan(4);
    expect(target).toBeGreaterThan(postTradeBook);
  });

  it("never desyncs on the exact stream, trades and post-trade books included", async () => {
    const f = await play(t.frames.length);
    expect(f.feed.health().tokens.every((x) => x.synced && x.desyncs === 0)).toBe(true);
    void f.feed.stop();
  });

  it("catches a wrong entry hash after trades (the post-trade book confirmed the last trade price)", async () => {
    const f = await play(target);
    expect(desyncs(f.feed, entry.asset_id)).toBe(0);
    const wrong = entry.hash.replace(/^./, (c) => (c === "0" ? "1" : "0"));
    f.clock.advance(2_000);
    f.link.deliver(t.frames[target].replace(entry.hash, wrong));
    expect(desyncs(f.feed, entry.asset_id)).toBe(1);
    void f.feed.stop();
  });
});
