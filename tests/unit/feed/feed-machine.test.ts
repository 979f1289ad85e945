import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { initialFeedState, transition, watchdogMs } from "../../../src/domain/feed/feed-machine.js";
import type { FeedEffect, FeedMachineEvent, FeedMachineState, FeedTimings } from "../../../src/domain/feed/machine-types.js";
import { backoffDelay } from "../../../src/domain/feed/backoff.js";

const T: FeedTimings = {
  pingMs: 200,
  pongTimeoutMs: 300,
  staleMs: 600,
  backoffBaseMs: 50,
  backoffMaxMs: 1000,
  stableResetMs: 2000,
  connectTimeoutMs: 500,
  restFallbackAfterMs: 700,
};

function run(state: FeedMachineState, events: FeedMachineEvent[]): { state: FeedMachineState; effects: FeedEffect[] } {
  const effects: FeedEffect[] = [];
  for (const e of events) {
    const r = transition(state, e);
    state = r.state;
    effects.push(...r.effects);
  }
  return { state, effects };
}

const live = (): FeedMachineState =>
  run(initialFeedState(T, ["a", "b"]), [
    { type: "start", now: 0 },
    { type: "open", now: 10 },
    { type: "snapshot", now: 20, token: "a" },
    { type: "snapshot", now: 21, token: "b" },
  ]).state;

describe("feed machine", () => {
  it("connects, subscribes every token, and goes live when every snapshot arrived", () => {
    let s = initialFeedState(T, ["a", "b"]);
    let r = transition(s, { type: "start", now: 0 });
    expect(r.state.phase).toBe("connecting");
    expect(r.effects).toContainEqual({ type: "connect" });
    r = transition(r.state, { type: "open", now: 10 });
    expect(r.state.phase).toBe("syncing");
    expect(r.effects).toContainEqual({ type: "subscribe", tokens: ["a", "b"], initial: true });
    expect(r.effects).toContainEqual({ type: "start_timer", timer: "ping", ms: 200, repeat: true });
    r = transition(r.state, { type: "snapshot", now: 20, token: "a" });
    expect(r.state.phase).toBe("syncing");
    r = transition(r.state, { type: "snapshot", now: 21, token: "b" });
    expect(r.state.phase).toBe("live");
    expect(r.effects).toContainEqual({ type: "phase", phase: "live", reason: "all books synced" });
    s = r.state;
    expect(s.tokens.get("a")?.sync).toBe("synced");
  });

  it("sends PING on its timer and reconnects when no PONG comes within the timeout", () => {
    let r = transition(live(), { type: "timer", now: 210, timer: "ping", rand: 0.5 });
    expect(r.effects).toEqual([{ type: "ping" }, { type: "start_timer", timer: "pong", ms: 300, repeat: false }]);
    const pinged = r.state;
    const ok = transition(pinged, { type: "pong", now: 250 });
    expect(ok.effects).toContainEqual({ type: "stop_timer", timer: "pong" });
    expect(ok.state.pingSentAt).toBeNull();
    r = transition(pinged, { type: "timer", now: 510, timer: "pong", rand: 0.5 });
    expect(r.state.phase).toBe("backoff");
    expect(r.effects[0]).toMatchObject({ type: "close" });
    expect(r.effects).toContainEqual({ type: "invalidate", tokens: ["a", "b"], reason: "no PONG within 300 ms" });
    expect([...r.state.tokens.values()].every((t) => t.sync === "unsynced")).toBe(true);
    // attempt 0 -> full jitter over [0, 50)
    expect(r.effects).toContainEqual({ type: "start_timer", timer: "reconnect", ms: 25, repeat: false });
  });

  it("goes stale after the stale limit without frames, and back to live when frames resume", () => {
    let s = live();
    let r = transition(s, { type: "timer", now: 10 + 599, timer: "watchdog", rand: 0 });
    expect(r.state.phase).toBe("live");
    r = transition(r.state, { type: "timer", now: 10 + 600, timer: "watchdog", rand: 0 });
    // last frame was at open (10): 600 ms later it is stale
    expect(r.state.phase).toBe("stale");
    s = r.state;
    r = transition(s, { type: "frame", now: 700 });
    expect(r.state.phase).toBe("live");
    expect(r.effects).toContainEqual({ type: "phase", phase: "live", reason: "frames flowing again" });
  });

  it("a frame resets liveness so a busy connection never goes stale", () => {
    let s = live();
    for (let now = 100; now < 5000; now += 100) {
      s = transition(s, { type: "frame", now }).state;
      s = transition(s, { type: "timer", now: now + 1, timer: "watchdog", rand: 0 }).state;
      expect(s.phase).toBe("live");
    }
  });

  it("resyncs one desynced token without touching the others or the connection", () => {
    const r = transition(live(), { type: "desync", now: 100, token: "a", reason: "top mismatch" });
    expect(r.state.phase).toBe("live");
    expect(r.effects).toEqual([
      { type: "invalidate", tokens: ["a"], reason: "top mismatch" },
      { type: "resync", token: "a", reason: "top mismatch" },
    ]);
    expect(r.state.tokens.get("a")?.sync).toBe("unsynced");
    expect(r.state.tokens.get("b")?.sync).toBe("synced");
    // a second desync while the resync is in flight does not resync twice
    const again = transition(r.state, { type: "desync", now: 101, token: "a", reason: "delta for unsynced token" });
    expect(again.effects.filter((e) => e.type === "resync")).toHaveLength(0);
    const back = transition(r.state, { type: "snapshot", now: 120, token: "a" });
    expect(back.state.tokens.get("a")?.sync).toBe("synced");
  });

  it("re-requests a snapshot that does not come within the stale limit", () => {
    let s = transition(live(), { type: "epoch", now: 100, token: "b" }).state;
    s = transition(s, { type: "frame", now: 650 }).state;
    const r = transition(s, { type: "timer", now: 700, timer: "watchdog", rand: 0 });
    expect(r.effects).toContainEqual({ type: "resync", token: "b", reason: "no snapshot within 600 ms" });
  });

  it("tick_size_change voids the token's book until a fresh snapshot", () => {
    const r = transition(live(), { type: "epoch", now: 100, token: "b" });
    expect(r.effects).toContainEqual({ type: "invalidate", tokens: ["b"], reason: "tick size change: new epoch" });
    expect(r.effects).toContainEqual({ type: "resync", token: "b", reason: "tick size change: new epoch" });
    expect(r.state.tokens.get("b")?.sync).toBe("unsynced");
  });

  it("handles close 1013 with at least the base delay and close 1000 by checking what is left", () => {
    const slow = transition(live(), { type: "close", now: 100, code: 1013, reason: "slow consumer", rand: 0 });
    expect(slow.state.phase).toBe("backoff");
    expect(slow.state.reason).toContain("slow consumer");
    expect(slow.effects).toContainEqual({ type: "start_timer", timer: "reconnect", ms: 50, repeat: false });
    const done = transition(live(), { type: "close", now: 100, code: 1000, reason: "", rand: 0.1 });
    expect(done.state.phase).toBe("backoff");
    let s = run(done.state, [
      { type: "timer", now: 200, timer: "reconnect", rand: 0 },
      { type: "open", now: 210 },
    ]).state;
    const settled = transition(s, { type: "no_books", now: 220 });
    expect(settled.state.phase).toBe("stopped");
    expect(settled.state.reason).toBe("all subscribed assets resolved");
    s = transition(s, { type: "snapshot", now: 220, token: "a" }).state;
    s = transition(s, { type: "snapshot", now: 221, token: "b" }).state;
    expect(s.phase).toBe("live");
  });

  it("adds and removes tokens with operation messages, never reconnecting", () => {
    let r = transition(live(), { type: "subscribe", now: 100, tokens: ["c", "a"] });
    expect(r.effects).toEqual([{ type: "subscribe", tokens: ["c"], initial: false }]);
    expect(r.state.phase).toBe("live");
    r = transition(r.state, { type: "unsubscribe", now: 110, tokens: ["b"] });
    expect(r.effects).toEqual([{ type: "unsubscribe", tokens: ["b"] }]);
    expect([...r.state.tokens.keys()]).toEqual(["a", "c"]);
  });

  it("falls back to REST after the socket has been down for the threshold, and stops it on reconnect", () => {
    let r = transition(live(), { type: "close", now: 100, code: 1006, reason: "", rand: 0.99 });
    expect(r.effects).toContainEqual({ type: "start_timer", timer: "rest_fallback", ms: 700, repeat: false });
    r = transition(r.state, { type: "timer", now: 800, timer: "rest_fallback", rand: 0 });
    expect(r.effects).toEqual([{ type: "rest_fallback", active: true }]);
    r = run(r.state, [
      { type: "timer", now: 900, timer: "reconnect", rand: 0 },
      { type: "open", now: 910 },
    ]);
    expect(r.effects).toContainEqual({ type: "rest_fallback", active: false });
    expect(r.state.restFallback).toBe(false);
  });

  it("resets the backoff attempt count after a stable period", () => {
    let s = live();
    for (let i = 0; i < 3; i++) {
      s = run(s, [
        { type: "close", now: 100 + i, code: 1006, reason: "", rand: 0 },
        { type: "timer", now: 100 + i, timer: "reconnect", rand: 0 },
        { type: "open", now: 100 + i },
      ]).state;
    }
    expect(s.attempt).toBe(3);
    s = transition(s, { type: "timer", now: 3000, timer: "stable", rand: 0 }).state;
    expect(s.attempt).toBe(0);
  });

  it("stop closes the socket and ignores everything after", () => {
    const r = transition(live(), { type: "stop", now: 100, reason: "user stop" });
    expect(r.state.phase).toBe("stopped");
    expect(r.effects[0]).toEqual({ type: "close", code: 1000, reason: "user stop" });
    expect(transition(r.state, { type: "open", now: 200 }).effects).toEqual([]);
  });

  it("the watchdog period is a quarter of the shorter of ping and stale", () => {
    expect(watchdogMs(T)).toBe(50);
  });
});

const TOKENS = ["a", "b", "c"];
const eventArb: fc.Arbitrary<(now: number) => FeedMachineEvent> = fc.oneof(
  fc.constant((now: number) => ({ type: "start", now }) as const),
  fc.constant((now: number) => ({ type: "open", now }) as const),
  fc.record({ code: fc.constantFrom(1000, 1006, 1013, 4000), rand: fc.double({ min: 0, max: 0.999, noNaN: true }) }).map(
    ({ code, rand }) => (now: number) => ({ type: "close", now, code, reason: "", rand }) as const,
  ),
  fc.constant((now: number) => ({ type: "error", now, message: "boom", rand: 0.5 }) as const),
  fc.constant((now: number) => ({ type: "frame", now }) as const),
  fc.constant((now: number) => ({ type: "pong", now }) as const),
  fc
    .constantFrom("ping", "pong", "reconnect", "connect", "watchdog", "stable", "rest_fallback" as const)
    .map((timer) => (now: number) => ({ type: "timer", now, timer, rand: 0.3 }) as const),
  fc.constantFrom(...TOKENS).map((token) => (now: number) => ({ type: "snapshot", now, token }) as const),
  fc.constantFrom(...TOKENS).map((token) => (now: number) => ({ type: "desync", now, token, reason: "x" }) as const),
  fc.constantFrom(...TOKENS).map((token) => (now: number) => ({ type: "epoch", now, token }) as const),
  fc.constant((now: number) => ({ type: "no_books", now }) as const),
  fc.subarray(TOKENS).map((tokens) => (now: number) => ({ type: "subscribe", now, tokens }) as const),
  fc.subarray(TOKENS).map((tokens) => (now: number) => ({ type: "unsubscribe", now, tokens }) as const),
);

describe("feed machine properties", () => {
  it("never holds a synced token while the socket is down, and emits a phase effect for every phase change", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(eventArb, fc.integer({ min: 0, max: 400 })), { maxLength: 80 }), (steps) => {
        let s = initialFeedState(T, ["a", "b"]);
        let now = 0;
        for (const [make, dt] of steps) {
          now += dt;
          const r = transition(s, make(now));
          const phases = r.effects.filter((e) => e.type === "phase");
          if (r.state.phase !== s.phase) expect(phases.at(-1)).toMatchObject({ phase: r.state.phase });
          s = r.state;
          if (s.phase === "backoff" || s.phase === "connecting" || s.phase === "idle") {
            for (const t of s.tokens.values()) expect(t.sync).not.toBe("synced");
          }
          if (s.phase === "syncing" || s.phase === "live" || s.phase === "stale") expect(s.openedAt).not.toBeNull();
          for (const e of r.effects) if (e.type === "start_timer") expect(e.ms).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("backoff with full jitter", () => {
  it("draws from [0, min(max, base*2^attempt))", () => {
    expect(backoffDelay(0, 250, 30_000, 0)).toBe(0);
    expect(backoffDelay(0, 250, 30_000, 0.999)).toBe(249);
    expect(backoffDelay(3, 250, 30_000, 0.5)).toBe(1000);
    expect(backoffDelay(50, 250, 30_000, 0.5)).toBe(15_000);
    expect(() => backoffDelay(0, 250, 30_000, 1)).toThrow(/rand/);
    fc.assert(
      fc.property(fc.nat(100), fc.integer({ min: 10, max: 60_000 }), fc.integer({ min: 100, max: 600_000 }), fc.double({ min: 0, max: 0.9999999, noNaN: true }), (a, base, max, r) => {
        const d = backoffDelay(a, base, max, r);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(Math.max(1, Math.min(max, base * 2 ** Math.min(a, 30))));
        expect(Number.isInteger(d)).toBe(true);
      }),
    );
  });
});
