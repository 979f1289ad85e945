// The heartbeat dead-man's switch state: ids chain, deadlines move, expiry ends the session.
import { describe, expect, it } from "vitest";
import { Heartbeats } from "../../../src/sim/trading/heartbeats.js";

describe("Heartbeats", () => {
  it("starts with an empty id, then needs the id returned last", () => {
    const h = new Heartbeats(10_000);
    const first = h.beat("k", "", 0);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const second = h.beat("k", first.heartbeatId, 5_000);
    expect(second.ok && second.heartbeatId !== first.heartbeatId).toBe(true);
    const stale = h.beat("k", first.heartbeatId, 6_000);
    expect(stale).toMatchObject({ ok: false, heartbeatId: second.ok ? second.heartbeatId : "" });
    expect(h.beat("other", "made-up", 0)).toMatchObject({ ok: false, heartbeatId: "" });
  });
  it("expires a key only after the timeout without a valid beat, once", () => {
    const h = new Heartbeats(10_000);
    expect(h.expire(1_000_000)).toEqual([]);
    const b = h.beat("k", "", 0);
    expect(h.expire(10_000)).toEqual([]);
    if (b.ok) h.beat("k", b.heartbeatId, 9_000);
    expect(h.expire(18_000)).toEqual([]);
    expect(h.expire(19_001)).toEqual(["k"]);
    expect(h.active("k")).toBe(false);
    expect(h.expire(30_000)).toEqual([]);
  });
});
