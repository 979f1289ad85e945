import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { reconcile } from "../../../src/domain/orders/reconcile.js";
import { OrderTracker } from "../../../src/domain/orders/order-tracker.js";
import type { DesiredOrder } from "../../../src/domain/quoting/desired-order.js";
import type { TrackedOrder } from "../../../src/domain/orders/tracked-order.js";

const SH = 1_000_000;
const want = (price: number, size: number, side: "BUY" | "SELL" = "BUY"): DesiredOrder => ({ tokenId: "111", outcome: "YES", side, price, size: size * SH, level: 0, quoteSide: side === "BUY" ? "bid" : "ask" });
const order = (id: string, price: number, size: number, over: Partial<TrackedOrder> = {}): TrackedOrder => ({
  clientId: "c" + id, id, market: "m", tokenId: "111", outcome: "YES", side: "BUY", price, size: size * SH, filled: 0, status: "live", createdAt: 0, ...over,
});
const P = { sizeTolerance: 0.2, maxOrderAgeMs: 60_000 };

describe("reconcile", () => {
  it("keeps an order at the right price within the size tolerance", () => {
    const plan = reconcile([want(5000, 10)], [order("a", 5000, 11)], P, 1000);
    expect(plan.keep.map((o) => o.id)).toEqual(["a"]);
    expect(plan.cancel).toEqual([]);
    expect(plan.place).toEqual([]);
  });
  it("replaces an order whose price moved or whose size is outside the tolerance", () => {
    const plan = reconcile([want(5000, 10), want(4900, 10)], [order("a", 5100, 10), order("b", 4900, 20)], P, 1000);
    expect(plan.cancel.map((o) => o.id).sort()).toEqual(["a", "b"]);
    expect(plan.place).toHaveLength(2);
  });
  it("counts partial fills: remaining size is what is compared", () => {
    const plan = reconcile([want(5000, 10)], [order("a", 5000, 20, { filled: 10 * SH })], P, 1000);
    expect(plan.keep).toHaveLength(1);
  });
  it("replaces orders older than the maximum age", () => {
    const plan = reconcile([want(5000, 10)], [order("a", 5000, 10)], P, 60_000);
    expect(plan.cancel.map((o) => o.id)).toEqual(["a"]);
    expect(plan.place).toHaveLength(1);
  });
  it("never cancels an order twice and never places over a pending-new one", () => {
    const plan = reconcile(
      [want(5000, 10)],
      [order("a", 5000, 10, { status: "pending_cancel" }), order("", 5000, 10, { id: null, clientId: "p", status: "pending_new" }), order("c", 4000, 10, { status: "pending_cancel" })],
      P,
      1000,
    );
    expect(plan.cancel).toEqual([]);
    expect(plan.keep.map((o) => o.clientId)).toEqual(["p"]);
    expect(plan.place).toEqual([]);
  });
  it("defers unwanted pending-new orders until they are acknowledged", () => {
    const plan = reconcile([], [order("", 5000, 10, { id: null, clientId: "p", status: "pending_new" })], P, 0);
    expect(plan.deferred.map((o) => o.clientId)).toEqual(["p"]);
    expect(plan.cancel).toEqual([]);
  });

  it("partitions every open order exactly once and covers every desired order", () => {
    const arbOrder = fc.record({
      price: fc.integer({ min: 45, max: 55 }).map((p) => p * 100),
      size: fc.integer({ min: 5, max: 15 }),
      status: fc.constantFrom("pending_new", "live", "pending_cancel"),
      createdAt: fc.integer({ min: 0, max: 100_000 }),
    });
    fc.assert(
      fc.property(fc.array(arbOrder, { maxLength: 12 }), fc.array(fc.tuple(fc.integer({ min: 45, max: 55 }), fc.integer({ min: 5, max: 15 })), { maxLength: 8 }), (opens, wants) => {
        const open = opens.map((o, i) => order(String(i), o.price, o.size, { status: o.status as TrackedOrder["status"], createdAt: o.createdAt, id: o.status === "pending_new" ? null : String(i) }));
        const desired = wants.map(([p, s]) => want(p * 100, s));
        const plan = reconcile(desired, open, P, 100_000);
        expect(plan.keep.length + plan.place.length).toBe(desired.length);
        const seen = [...plan.keep, ...plan.cancel, ...plan.deferred];
        expect(new Set(seen).size).toBe(seen.length);
        for (const o of plan.cancel) expect(o.status).toBe("live");
        for (const o of open) if (o.status === "pending_cancel") expect(seen).not.toContain(o);
        expect(seen.length + open.filter((o) => o.status === "pending_cancel").length).toBe(open.length);
      }),
    );
  });
});

describe("OrderTracker", () => {
  it("moves orders pending-new -> live -> pending-cancel -> gone, once each", () => {
    const t = new OrderTracker();
    t.add({ clientId: "c1", market: "m", tokenId: "111", outcome: "YES", side: "BUY", price: 5000, size: 10 * SH }, 0);
    expect(t.byClientId("c1")?.status).toBe("pending_new");
    expect(t.beginCancel("x")).toBe(false);
    t.placed("c1", "o1");
    expect(t.get("o1")?.status).toBe("live");
    expect(t.beginCancel("o1")).toBe(true);
    expect(t.beginCancel("o1")).toBe(false);
    t.cancelFailed("o1");
    expect(t.get("o1")?.status).toBe("live");
    expect(t.beginCancel("o1")).toBe(true);
    t.cancelled("o1");
    expect(t.size()).toBe(0);
  });
  it("forgets rejected and fully filled orders, keeps partially filled ones", () => {
    const t = new OrderTracker();
    t.add({ clientId: "c1", market: "m", tokenId: "111", outcome: "YES", side: "BUY", price: 5000, size: 10 * SH }, 0);
    t.add({ clientId: "c2", market: "m", tokenId: "111", outcome: "YES", side: "BUY", price: 4900, size: 10 * SH }, 0);
    t.rejected("c2");
    t.placed("c1", "o1");
    t.filled("o1", 4 * SH);
    expect(t.get("o1")?.filled).toBe(4 * SH);
    t.filled("o1", 6 * SH);
    expect(t.size()).toBe(0);
  });
});
