// Accounts: reservations for resting orders, fills at the price each order sees, releases; property tests on balances.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { notional } from "../../../src/domain/units.js";
import { Accounts } from "../../../src/sim/trading/accounts.js";

const USD = 1_000_000;

describe("Accounts", () => {
  it("starts every key with the demo collateral and holds a BUY's notional until it fills or is released", () => {
    const a = new Accounts(100 * USD);
    expect(a.collateral("k")).toEqual({ balance: 100 * USD, reserved: 0, available: 100 * USD });
    expect(a.reserve("o1", "k", "BUY", "yes", 5500, 10 * USD)).toEqual({ ok: true });
    expect(a.collateral("k")).toEqual({ balance: 100_000_000, reserved: 5_500_000, available: 94_500_000 });
    a.fill("o1", 4 * USD, 5200); // 4 shares fill below the limit: pays 0.52 each, frees 0.55 each
    expect(a.collateral("k")).toEqual({ balance: 97_920_000, reserved: 3_300_000, available: 94_620_000 });
    expect(a.shares("k", "yes").balance).toBe(4 * USD);
    a.release("o1");
    a.release("o1");
    expect(a.collateral("k").reserved).toBe(0);
  });
  it("refuses to reserve more than is available, and SELLs need shares", () => {
    const a = new Accounts(10 * USD);
    expect(a.reserve("o1", "k", "BUY", "yes", 5000, 30 * USD)).toEqual({ ok: false, needed: 15 * USD, available: 10 * USD });
    expect(a.reserve("o2", "k", "SELL", "yes", 5000, 1 * USD)).toEqual({ ok: false, needed: USD, available: 0 });
    expect(a.holds("o1") || a.holds("o2")).toBe(false);
  });
  it("a SELL gives up shares for cash at the fill price", () => {
    const a = new Accounts(10 * USD);
    a.reserve("b", "k", "BUY", "yes", 4000, 10 * USD);
    a.fill("b", 10 * USD, 4000);
    a.release("b");
    expect(a.reserve("s", "k", "SELL", "yes", 6000, 10 * USD)).toEqual({ ok: true });
    expect(a.shares("k", "yes")).toEqual({ balance: 10 * USD, reserved: 10 * USD, available: 0 });
    a.fill("s", 10 * USD, 6100);
    expect(a.collateral("k").balance).toBe(12_100_000);
    expect(a.shares("k", "yes")).toEqual({ balance: 0, reserved: 0, available: 0 });
  });
  it("reverse undoes a fill", () => {
    const a = new Accounts(10 * USD);
    a.reserve("b", "k", "BUY", "yes", 4000, 10 * USD);
    a.fill("b", 10 * USD, 4000);
    a.release("b");
    a.reverse("k", "BUY", "yes", 10 * USD, 4000);
    expect(a.collateral("k").balance).toBe(10 * USD);
    expect(a.shares("k", "yes").balance).toBe(0);
  });

  type Op =
    | { kind: "reserve"; id: number; side: "BUY" | "SELL"; limit: number; size: number }
    | { kind: "fill"; id: number; size: number; improve: number }
    | { kind: "release"; id: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant("reserve" as const), id: fc.integer({ min: 0, max: 9 }), side: fc.constantFrom("BUY" as const, "SELL" as const), limit: fc.integer({ min: 1, max: 99 }).map((c) => c * 100), size: fc.integer({ min: 1, max: 5000 }).map((c) => c * 10_000) }),
    fc.record({ kind: fc.constant("fill" as const), id: fc.integer({ min: 0, max: 9 }), size: fc.integer({ min: 1, max: 5000 }).map((c) => c * 10_000), improve: fc.integer({ min: 0, max: 5 }).map((c) => c * 100) }),
    fc.record({ kind: fc.constant("release" as const), id: fc.integer({ min: 0, max: 9 }) }),
  );

  it("property: available collateral and shares never go negative; cash moves exactly by fill notional; releasing everything frees all holds", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const a = new Accounts(1_000 * USD);
        const live = new Map<number, { side: "BUY" | "SELL"; limit: number; left: number }>();
        let cash = 1_000 * USD;
        for (const o of ops) {
          const id = `o${o.id}`;
          if (o.kind === "reserve") {
            if (live.has(o.id)) continue;
            if (a.reserve(id, "k", o.side, "t", o.limit, o.size).ok) live.set(o.id, { side: o.side, limit: o.limit, left: o.size });
          } else if (o.kind === "fill") {
            const l = live.get(o.id);
            if (!l) continue;
            const size = Math.min(o.size, l.left);
            // Fills happen at the limit or better for the order.
            const price = l.side === "BUY" ? Math.max(100, l.limit - o.improve) : Math.min(9900, l.limit + o.improve);
            a.fill(id, size, price);
            cash += (l.side === "BUY" ? -1 : 1) * notional(price, size);
            l.left -= size;
            if (l.left === 0) {
              a.release(id);
              live.delete(o.id);
            }
          } else {
            a.release(id);
            live.delete(o.id);
          }
          const c = a.collateral("k");
          const s = a.shares("k", "t");
          expect(c.available).toBeGreaterThanOrEqual(0);
          expect(s.available).toBeGreaterThanOrEqual(0);
          expect(c.balance).toBe(cash);
        }
        for (const id of live.keys()) a.release(`o${id}`);
        expect(a.collateral("k").reserved).toBe(0);
        expect(a.shares("k", "t").reserved).toBe(0);
      }),
    );
  });
});
