// Every fault of the sim, as a plain `ws` client observes it (in-process FaultAdmin and the loopback admin endpoint).
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { FakeClock } from "../../../src/adapters/clock/fake-clock.js";
import { parseFrame } from "../../../src/adapters/polymarket/parse/parse-frame.js";
import type { SimOrderFaults } from "../../../src/sim/context.js";
import { startExchange, type Exchange } from "../../../src/sim/exchange.js";
import { isLoopback } from "../../../src/sim/server/http-handler.js";
import { FrameVerifier } from "./frame-verifier.js";
import { connect, subscribeAll, type Client } from "./ws-client.js";

const T0 = 1_790_000_000_000;
const open: (Exchange | Client)[] = [];
afterEach(async () => {
  for (const x of open.splice(0)) "urls" in x ? await x.close() : x.ws.terminate();
});

async function setup() {
  const clock = new FakeClock(T0);
  const ex = await startExchange({ seed: 11, rate: 400, markets: 4, clock, autoFlow: false });
  open.push(ex);
  const tokens = ex.markets().flatMap((m) => [m.meta.yesTokenId, m.meta.noTokenId]);
  const client = async () => {
    const c = await connect(`${ex.urls.ws}/market`);
    open.push(c);
    c.ws.send(subscribeAll(tokens));
    await c.waitFor((f) => f.startsWith("["));
    return c;
  };
  const meta = ex.markets().map((m) => ({ conditionId: m.meta.conditionId, yes: m.meta.yesTokenId, no: m.meta.noTokenId, tickSize: String(m.meta.tickSize / 10_000), negRisk: m.meta.negRisk }));
  /** Runs flow steps and waits until the frames they produced arrived. */
  const flow = async (c: Client, steps: number) => {
    for (let i = 0; i < steps; i++) {
      clock.advance(50);
      ex.step(1);
    }
    await c.sync();
  };
  return { ex, clock, client, meta, flow };
}

const data = (c: Client) => c.frames.filter((f) => f !== "PONG");

describe("sim faults", () => {
  it("dropAll: the socket ends with no close frame (1006)", async () => {
    const { ex, client } = await setup();
    const c = await client();
    ex.admin.dropAll();
    expect((await c.waitClose()).code).toBe(1006);
  });

  it("closeAll: close frames with 1000 and with 1013", async () => {
    const { ex, client } = await setup();
    const a = await client();
    ex.admin.closeAll(1000);
    expect((await a.waitClose()).code).toBe(1000);
    const b = await client();
    ex.admin.closeAll(1013);
    expect(await b.waitClose()).toEqual({ code: 1013, reason: "slow consumer" });
  });

  it("refuseConnections: upgrades answer 503 until the window ends", async () => {
    const { ex, clock, client } = await setup();
    ex.admin.refuseConnections(5000);
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${ex.urls.ws}/market`);
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("error", () => undefined);
    });
    expect(status).toBe(503);
    clock.advance(5000);
    await client();
  });

  it("stall: the socket stays open but no frames and no PONG arrive until it ends", async () => {
    const { ex, clock, client, flow } = await setup();
    const c = await client();
    ex.admin.stall(10_000);
    const before = c.frames.length;
    for (let i = 0; i < 50; i++) ex.step(1);
    c.ws.send("PING");
    await expect(c.waitFor(() => true, 300, before)).rejects.toThrow(/no matching frame/);
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
    clock.advance(10_000);
    await flow(c, 20);
    expect(c.frames.length).toBeGreaterThan(before);
  });

  it("garbage: n frames that the parser rejects", async () => {
    const { ex, client } = await setup();
    const c = await client();
    const before = c.frames.length;
    ex.admin.garbage(5);
    await c.sync();
    const junk = c.frames.slice(before, -1);
    expect(junk).toHaveLength(5);
    for (const frame of junk) expect(parseFrame(frame).rejections.length).toBeGreaterThan(0);
  });

  it("duplicate: each of the next n frames arrives twice", async () => {
    const { ex, client, flow } = await setup();
    const c = await client();
    const before = c.frames.length;
    ex.admin.duplicate(3);
    await flow(c, 40);
    const got = c.frames.slice(before);
    expect(got.length).toBeGreaterThan(6);
    expect([got[0], got[2], got[4]]).toEqual([got[1], got[3], got[5]]);
    expect(got[6]).not.toBe(got[7]);
  });

  it("corruptHash: exactly the next n hashed frames carry a hash that does not reproduce", async () => {
    const { ex, client, meta, flow } = await setup();
    const c = await client();
    ex.admin.corruptHash(4);
    await flow(c, 120);
    const verifier = new FrameVerifier(meta);
    for (const f of data(c)) verifier.add(f);
    expect(verifier.verdict.hashMismatches).toBe(4);
    expect(verifier.verdict.topMismatches).toBe(0);
  });

  it("skipDelta: n price_change frames are left out and the client's book silently desyncs", async () => {
    const { ex, client, meta, flow } = await setup();
    const a = await client();
    ex.admin.skipDelta(3);
    const b = await client();
    await flow(a, 150);
    await b.sync();
    const changes = (c: Client) => data(c).filter((f) => f.includes('"price_change"')).length;
    expect(changes(b) - changes(a)).toBe(3);
    const verifier = new FrameVerifier(meta);
    for (const f of data(a)) verifier.add(f);
    expect(verifier.verdict.hashMismatches).toBeGreaterThan(0);
    const clean = new FrameVerifier(meta);
    for (const f of data(b)) clean.add(f);
    expect(clean.verdict.firstProblem).toBeNull();
  });

  it("tickSizeChange: tick_size_change for both tokens, then a fresh book for each", async () => {
    const { ex, client } = await setup();
    const c = await client();
    const m = ex.markets()[0];
    const before = c.frames.length;
    ex.admin.tickSizeChange(m.slug);
    await c.sync();
    const got = c.frames.slice(before, -1).map((f) => JSON.parse(f) as Record<string, string>);
    const changes = got.filter((f) => f.event_type === "tick_size_change");
    expect(changes.map((f) => [f.asset_id, f.old_tick_size, f.new_tick_size])).toEqual([
      [m.meta.yesTokenId, "0.01", "0.001"],
      [m.meta.noTokenId, "0.01", "0.001"],
    ]);
    expect(got.slice(-2).map((f) => [f.event_type, f.asset_id])).toEqual([
      ["book", m.meta.yesTokenId],
      ["book", m.meta.noTokenId],
    ]);
    const tick = (await (await fetch(`${ex.urls.clob}/tick-size?token_id=${m.meta.noTokenId}`)).json()) as { minimum_tick_size: number };
    expect(tick.minimum_tick_size).toBe(0.001);
  });

  it("slow: frames (and PONG) arrive only after the delay, in order", async () => {
    const { ex, clock, client } = await setup();
    const c = await client();
    ex.admin.slow(2000, 60_000);
    const before = c.frames.length;
    for (let i = 0; i < 20; i++) ex.step(1);
    c.ws.send("PING");
    await expect(c.waitFor(() => true, 300, before)).rejects.toThrow(/no matching frame/);
    clock.advance(2000);
    await c.waitFor((f) => f === "PONG", 2000, before);
    expect(c.frames.slice(before).at(-1)).toBe("PONG");
  });

  it("httpError: order endpoints see the status for the window (what ctx.faults.current answers)", async () => {
    const { ex, clock } = await setup();
    const faults = ex.admin as unknown as SimOrderFaults;
    ex.admin.httpError(425, 1000);
    expect(faults.current(clock.now())).toEqual({ status: 425 });
    clock.advance(1000);
    expect(faults.current(clock.now())).toBeNull();
  });

  it("a connection that sends nothing for 125 s is dropped without a close frame; one that PINGs stays", async () => {
    const { clock, client } = await setup();
    const silent = await client();
    const pinging = await client();
    for (let t = 0; t < 13; t++) {
      clock.advance(10_000);
      await pinging.sync();
    }
    expect((await silent.waitClose()).code).toBe(1006);
    expect(pinging.ws.readyState).toBe(WebSocket.OPEN);
  });

  it("the admin endpoint mirrors the FaultAdmin, validates its input, and is loopback-only", async () => {
    const { ex, client } = await setup();
    const c = await client();
    const post = (action: string, body: unknown) => fetch(`${ex.urls.clob}/_admin/${action}`, { method: "POST", body: JSON.stringify(body) });
    const bad = await post("close-all", { code: 1001 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/"code" must be one of 1000, 1013/);
    expect((await post("nope", {})).status).toBe(404);
    expect((await post("close-all", { code: 1013 })).status).toBe(200);
    expect((await c.waitClose()).code).toBe(1013);
    expect(isLoopback("127.0.0.1")).toBe(true);
    expect(isLoopback("::ffff:127.0.0.1")).toBe(true);
    expect(isLoopback("::1")).toBe(true);
    expect(isLoopback("10.0.0.2")).toBe(false);
  });
});
