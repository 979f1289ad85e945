// The sim's market WebSocket as a plain `ws` client sees it: snapshot, deltas and books whose hashes reproduce, mm inspect finds nothing wrong, determinism per seed.
import { afterEach, describe, expect, it } from "vitest";
import { FakeClock } from "../../../src/adapters/clock/fake-clock.js";
import { RecordingInspector } from "../../../src/cli/inspect/inspect-recording.js";
import { startExchange, type Exchange } from "../../../src/sim/exchange.js";
import { FrameVerifier, type MarketMeta } from "./frame-verifier.js";
import { connect, subscribeAll, type Client } from "./ws-client.js";

const T0 = 1_790_000_000_000;
const open: (Exchange | Client)[] = [];
afterEach(async () => {
  for (const x of open.splice(0)) "urls" in x ? await x.close() : x.ws.terminate();
});

async function start(seed: number, rate = 400, customFeatures = false) {
  const clock = new FakeClock(T0);
  const ex = await startExchange({ seed, rate, markets: 6, clock, autoFlow: false, customFeatures });
  open.push(ex);
  return { ex, clock };
}

const tokensOf = (ex: Exchange) => ex.markets().flatMap((m) => [m.meta.yesTokenId, m.meta.noTokenId]);
const metaOf = (ex: Exchange): MarketMeta[] =>
  ex.markets().map((m) => ({ conditionId: m.meta.conditionId, yes: m.meta.yesTokenId, no: m.meta.noTokenId, tickSize: String(m.meta.tickSize / 10_000), negRisk: m.meta.negRisk }));

/** Subscribes to everything and runs the flow until `count` frames have arrived (the opening array counts as one). */
async function run(ex: Exchange, clock: FakeClock, count: number, custom = false): Promise<Client> {
  const client = await connect(`${ex.urls.ws}/market`);
  open.push(client);
  client.ws.send(subscribeAll(tokensOf(ex), custom));
  await client.waitFor((f) => f.startsWith("["));
  while (client.frames.filter((f) => f !== "PONG").length < count) {
    clock.advance(50);
    ex.step(1);
    await client.sync();
  }
  return client;
}

describe("sim market channel", () => {
  it("serves one opening array of books, then single-object frames whose every hash and top reproduce", async () => {
    const { ex, clock } = await start(7);
    const client = await run(ex, clock, 1500);
    const frames = client.frames.filter((f) => f !== "PONG");
    expect(frames[0].endsWith("]\n")).toBe(true);
    const opening = JSON.parse(frames[0]) as Record<string, unknown>[];
    expect(opening).toHaveLength(12);
    expect(Object.keys(opening[0])).toEqual(["market", "asset_id", "timestamp", "hash", "bids", "asks", "tick_size", "event_type", "last_trade_price"]);
    const later = frames.slice(1).map((f) => JSON.parse(f) as Record<string, unknown>);
    expect(later.every((f) => !Array.isArray(f))).toBe(true);
    const kinds = new Set(later.map((f) => f.event_type));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(["book", "last_trade_price", "price_change"]));
    const change = later.find((f) => f.event_type === "price_change") as { price_changes: Record<string, string>[] };
    const [yes, no] = change.price_changes;
    expect(Number(yes.price) + Number(no.price)).toBeCloseTo(1, 10);
    expect(yes.side).not.toBe(no.side);

    const verifier = new FrameVerifier(metaOf(ex));
    for (const f of frames) verifier.add(f);
    expect(verifier.verdict.firstProblem).toBeNull();
    expect(verifier.verdict.entries).toBeGreaterThan(500);

    const inspector = new RecordingInspector({ minOrderSize: "5", negRisk: false });
    for (const text of frames) inspector.add({ t: T0, dir: "recv", text });
    const report = inspector.report();
    expect(report.invalid).toBe(0);
    expect(report.top_checks).toBeGreaterThan(500);
    expect(report.top_mismatches).toBe(0);
  });

  it("gives the same first 1,000 frames for the same seed, and different ones for another seed", async () => {
    const a = await start(42);
    const b = await start(42);
    const c = await start(43);
    const fa = (await run(a.ex, a.clock, 1000)).frames.filter((f) => f !== "PONG").slice(0, 1000);
    const fb = (await run(b.ex, b.clock, 1000)).frames.filter((f) => f !== "PONG").slice(0, 1000);
    const fc = (await run(c.ex, c.clock, 1000)).frames.filter((f) => f !== "PONG").slice(0, 1000);
    expect(fa).toHaveLength(1000);
    expect(fb).toEqual(fa);
    expect(fc).not.toEqual(fa);
  });

  it("spreads each step's frames over the step on its own timer, and still gives the seed's frames", async () => {
    const stepped = await start(42);
    const whole = (await run(stepped.ex, stepped.clock, 600)).frames.filter((f) => f !== "PONG");
    const clock = new FakeClock(T0);
    const ex = await startExchange({ seed: 42, rate: 400, markets: 6, clock, customFeatures: false });
    open.push(ex);
    const client = await connect(`${ex.urls.ws}/market`);
    open.push(client);
    client.ws.send(subscribeAll(tokensOf(ex), false));
    await client.waitFor((f) => f.startsWith("["));
    const perSlice: number[] = [];
    while (client.frames.filter((f) => f !== "PONG").length < 600) {
      const before = client.frames.length;
      clock.advance(5);
      await client.sync();
      perSlice.push(client.frames.length - before - 1);
    }
    // 400 msgs/s in 50 ms steps is 20 frames a step: they come a few at a time, not 20 at once.
    expect(Math.max(...perSlice)).toBeLessThan(12);
    expect(perSlice.filter((n) => n > 0).length).toBeGreaterThan(perSlice.length / 2);
    const timeless = (f: string) => f.replace(/"timestamp":"\d+"/g, "").replace(/"hash":"[^"]*"/g, "");
    const sliced = client.frames.filter((f) => f !== "PONG");
    expect(sliced.slice(0, 500).map(timeless)).toEqual(whole.slice(0, 500).map(timeless));
  });

  it("answers PING, subscribe and unsubscribe operations, and bad messages as Polymarket does", async () => {
    const { ex } = await start(1);
    const [m] = ex.markets();
    const client = await connect(`${ex.urls.ws}/market`);
    open.push(client);
    client.ws.send(JSON.stringify({ type: "market", assets_ids: ["123"] }));
    expect(await client.waitFor(() => true)).toBe("[]\n");
    client.ws.send(JSON.stringify({ operation: "subscribe", assets_ids: [m.meta.yesTokenId] }));
    const books = JSON.parse(await client.waitFor((f) => f.startsWith("[{"))) as { asset_id: string }[];
    expect(books.map((b) => b.asset_id)).toEqual([m.meta.yesTokenId]);
    client.ws.send(JSON.stringify({ operation: "subscribe", assets_ids: [m.meta.yesTokenId] }));
    await client.waitFor((f) => f === "NO NEW ASSETS");
    client.ws.send("hello");
    await client.waitFor((f) => f === "INVALID MESSAGE");
    client.ws.send(JSON.stringify({ operation: "resubscribe", assets_ids: [] }));
    await client.waitFor((f) => f === "INVALID OPERATION");
    client.ws.send(JSON.stringify({ operation: "unsubscribe", assets_ids: [m.meta.yesTokenId] }));
    await client.sync();
    const before = client.frames.length;
    ex.step(200);
    await client.sync();
    expect(client.frames.slice(before)).toEqual(["PONG"]);
  });

  it("sends best_bid_ask, market_resolved and new_market to custom-feature subscribers, then closes 1000 when all its assets resolved", async () => {
    const { ex, clock } = await start(3, 400, true);
    const [m] = ex.markets();
    const client = await connect(`${ex.urls.ws}/market`);
    open.push(client);
    client.ws.send(JSON.stringify({ type: "market", assets_ids: [m.meta.yesTokenId, m.meta.noTokenId], custom_feature_enabled: true }));
    await client.waitFor((f) => f.startsWith("["));
    for (let i = 0; i < 200 && !client.frames.some((f) => f.includes('"best_bid_ask"')); i++) {
      clock.advance(50);
      ex.step(1);
      await client.sync();
    }
    const bba = JSON.parse(client.frames.find((f) => f.includes('"best_bid_ask"'))!) as Record<string, string>;
    expect(Object.keys(bba)).toEqual(["market", "asset_id", "best_bid", "best_ask", "spread", "timestamp", "event_type"]);
    const added = ex.addMarket();
    const announced = JSON.parse(await client.waitFor((f) => f.includes('"new_market"'))) as Record<string, unknown>;
    expect(announced.assets_ids).toEqual([added.meta.yesTokenId, added.meta.noTokenId]);
    ex.resolveMarket(m.meta.conditionId, "YES");
    const resolved = JSON.parse(await client.waitFor((f) => f.includes('"market_resolved"'))) as Record<string, unknown>;
    expect(resolved.winning_asset_id).toBe(m.meta.yesTokenId);
    expect(await client.waitClose()).toEqual({ code: 1000, reason: "" });
    const res = await fetch(`${ex.urls.clob}/book?token_id=${m.meta.yesTokenId}`);
    expect(res.status).toBe(404);
  });
});
