// The live error policy: classification, bounded retries, backoff bounds, and the 425/429 gate.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { backoffMs, checkGate, classifyError, decideRetry, gateAfterError, gateAfterSuccess, openGate } from "../../../src/adapters/gateway/live/error-policy.js";

const S = { maxRetries: 3, backoffBaseMs: 250, backoffMaxMs: 30_000, postOnlyWindowMs: 120_000 };

describe("classifyError", () => {
  it("sorts statuses and messages", () => {
    expect(classifyError({ status: 425, message: "too early" })).toEqual({ kind: "restarting" });
    expect(classifyError({ status: 429, message: "slow down" })).toEqual({ kind: "rate_limited" });
    expect(classifyError({ status: 503, message: "x" })).toEqual({ kind: "server", status: 503 });
    expect(classifyError({ message: "timeout of 10000ms exceeded" })).toEqual({ kind: "timeout" });
    expect(classifyError({ message: "x", timedOut: true })).toEqual({ kind: "timeout" });
    expect(classifyError({ message: "connect ECONNREFUSED 127.0.0.1:9" }).kind).toBe("network");
    expect(classifyError({ status: 401, message: "Unauthorized/Invalid api key" })).toEqual({ kind: "auth", status: 401 });
    expect(classifyError({ status: 400, message: "INVALID_ORDER_MIN_TICK_SIZE" })).toEqual({ kind: "tick_size" });
    expect(classifyError({ message: "invalid tick size (0.001), minimum for the market is 0.01" })).toEqual({ kind: "tick_size" });
    expect(classifyError({ status: 400, message: "INVALID_POST_ONLY_ORDER: order crosses book" })).toEqual({ kind: "post_only_cross" });
    expect(classifyError({ status: 400, message: "not enough balance / allowance" })).toEqual({ kind: "balance" });
    expect(classifyError({ status: 400, message: "INVALID_ORDER_MIN_SIZE" })).toEqual({ kind: "rejected", status: 400 });
  });
});

describe("decideRetry", () => {
  it("retries transient failures up to maxRetries, then counts 5xx and timeouts as errors", () => {
    const cls = classifyError({ status: 500, message: "boom" });
    for (let a = 0; a < 3; a++) expect(decideRetry(cls, a, S, 0.5)).toMatchObject({ retry: true, countsAsError: false });
    expect(decideRetry(cls, 3, S, 0.5)).toEqual({ retry: false, delayMs: 0, countsAsError: true });
    expect(decideRetry({ kind: "timeout" }, 3, S, 0.5).countsAsError).toBe(true);
  });

  it("never retries a refusal of the order itself, and does not count it as an error", () => {
    for (const cls of [{ kind: "tick_size" }, { kind: "post_only_cross" }, { kind: "balance" }, { kind: "restarting" }] as const) {
      expect(decideRetry(cls, 0, S, 0.5)).toEqual({ retry: false, delayMs: 0, countsAsError: false });
    }
    expect(decideRetry({ kind: "auth", status: 401 }, 0, S, 0.5)).toEqual({ retry: false, delayMs: 0, countsAsError: true });
  });

  it("backoff stays within [base/2, max] and grows with the attempt (property)", () => {
    fc.assert(
      fc.property(fc.nat(40), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, r) => {
        const d = backoffMs(attempt, 250, 30_000, r);
        expect(d).toBeGreaterThanOrEqual(125);
        expect(d).toBeLessThanOrEqual(30_000);
        expect(backoffMs(attempt + 1, 250, 30_000, r)).toBeGreaterThanOrEqual(d);
      }),
    );
  });
});

describe("order gate", () => {
  it("pauses after 425, doubles on repeats, then lets only post-only orders through for the window", () => {
    let g = gateAfterError(openGate, { kind: "restarting" }, 1000, S, 0);
    expect(g.pausedUntil).toBe(1500); // 1000 ms base x 0.5 (jitter factor for random 0)
    expect(checkGate(g, 1200, true)).toMatchObject({ ok: false, reason: expect.stringContaining("425") });
    const g2 = gateAfterError(g, { kind: "restarting" }, 1600, S, 0);
    expect(g2.pausedUntil - 1600).toBe(1000);
    g = gateAfterSuccess(g2);
    expect(checkGate(g, g2.pausedUntil, true)).toEqual({ ok: true });
    expect(checkGate(g, g2.pausedUntil, false)).toMatchObject({ ok: false, reason: expect.stringContaining("post-only") });
    expect(checkGate(g, g.postOnlyUntil, false)).toEqual({ ok: true });
  });

  it("pauses after 429 without a post-only window; other errors leave the gate alone", () => {
    const g = gateAfterError(openGate, { kind: "rate_limited" }, 0, S, 0.999);
    expect(g.pausedUntil).toBeGreaterThan(0);
    expect(g.postOnlyUntil).toBe(0);
    expect(checkGate(g, g.pausedUntil - 1, true).ok).toBe(false);
    expect(gateAfterError(openGate, { kind: "server", status: 500 }, 0, S, 0)).toBe(openGate);
  });
});
