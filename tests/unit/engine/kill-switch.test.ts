import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { harness, standardBook } from "./harness.js";
import { MemoryStore } from "./fakes.js";

type Step =
  | { kind: "book"; shift: number }
  | { kind: "stale"; on: boolean }
  | { kind: "tick" }
  | { kind: "cmd"; cmd: "pause" | "unpause" | "wider" | "narrower" | "bigger" | "kill" }
  | { kind: "wait"; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("book" as const), shift: fc.integer({ min: -5, max: 5 }).map((s) => s * 100) }),
  fc.record({ kind: fc.constant("stale" as const), on: fc.boolean() }),
  fc.record({ kind: fc.constant("tick" as const) }),
  fc.record({ kind: fc.constant("cmd" as const), cmd: fc.constantFrom("pause" as const, "unpause" as const, "wider" as const, "narrower" as const, "bigger" as const, "kill" as const) }),
  fc.record({ kind: fc.constant("wait" as const), ms: fc.integer({ min: 10, max: 2000 }) }),
);

describe("kill switch", () => {
  it("halts at once: every open order cancelled, none placed after", async () => {
    const h = harness();
    await h.engine.start();
    standardBook(h);
    await h.run(200);
    expect(h.engine.openOrderCount()).toBe(2);
    const r = await h.engine.command({ type: "kill", reason: "user pressed k" });
    expect(r.ok).toBe(true);
    expect(h.engine.riskState()).toBe("HALTED");
    await h.run(0);
    expect(h.gateway.cancels.flat().sort()).toEqual(h.gateway.places.flat().length === 2 ? h.engine.snapshot().openOrders.map((o) => o.id).sort() : []);
    await h.run(100);
    expect(h.engine.openOrderCount()).toBe(0);
    expect(h.events.some((e) => e.type === "risk" && e.state === "HALTED" && e.reason === "user pressed k")).toBe(true);
    expect(h.store.state().risk).toEqual({ state: "HALTED", reason: "user pressed k" });
  });

  it("after a kill, no order reaches the gateway for any event sequence until reset", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const h = harness(["orders.minRequoteIntervalMs=0"]);
        await h.engine.start();
        standardBook(h);
        await h.run(200);
        await h.engine.command({ type: "kill", reason: "k" });
        const placed = h.gateway.places.length;
        let tick = 100;
        for (const s of steps) {
          switch (s.kind) {
            case "book":
              h.md.setBook("111", "222", [[4800 + s.shift, 100]], [[5200 + s.shift, 100]], tick);
              break;
            case "stale":
              if (s.on) h.md.notOk.set("111", "stale");
              else h.md.notOk.delete("111");
              break;
            case "tick":
              tick = tick === 100 ? 10 : 100;
              h.md.tickSizeChange(["111", "222"], tick);
              break;
            case "cmd":
              if (s.cmd === "wider" || s.cmd === "narrower") await h.engine.command({ type: "adjust_spread", deltaTicks: s.cmd === "wider" ? 1 : -1 });
              else if (s.cmd === "bigger") await h.engine.command({ type: "adjust_size", direction: 1 });
              else if (s.cmd === "kill") await h.engine.command({ type: "kill", reason: "again" });
              else await h.engine.command({ type: s.cmd });
              break;
            case "wait":
              await h.run(s.ms, 50);
              break;
          }
          expect(h.engine.riskState()).toBe("HALTED");
        }
        await h.run(300, 50);
        expect(h.gateway.places.length).toBe(placed);
        expect(h.engine.openOrderCount()).toBe(0);
        h.md.notOk.clear();
        await h.engine.command({ type: "unpause" });
        await h.engine.command({ type: "resume", force: false });
        h.md.setBook("111", "222", [[4800, 100]], [[5200, 100]], tick);
        await h.run(300, 50);
        expect(h.gateway.places.length).toBeGreaterThan(placed);
      }),
      { numRuns: 25 },
    );
  });

  it("is latched: a restart on the same state comes back HALTED and places nothing", async () => {
    const store = new MemoryStore();
    const first = harness([], store);
    await first.engine.start();
    standardBook(first);
    await first.run(200);
    await first.engine.command({ type: "kill", reason: "mm kill" });
    await first.run(200);
    await first.engine.stop();

    const second = harness([], store);
    await second.engine.start();
    standardBook(second);
    await second.run(1000);
    expect(second.engine.riskState()).toBe("HALTED");
    expect(second.engine.snapshot().risk.reason).toBe("mm kill");
    expect(second.gateway.places).toHaveLength(0);
    expect(second.events[0]).toMatchObject({ type: "risk", state: "HALTED", reason: "mm kill" });
    const r = await second.engine.command({ type: "resume", force: false });
    expect(r).toMatchObject({ ok: true });
    await second.run(300);
    expect(second.gateway.places.flat()).toHaveLength(2);
  });

  it("resume refuses while a loss limit is still breached, unless forced", async () => {
    const store = new MemoryStore();
    const h = harness(["risk.maxDailyLossUsd=1"], store);
    await h.engine.start();
    standardBook(h);
    await h.run(200);
    // Lose $2: a fill of 10 YES at 0.48 marked at a mid that falls to 0.28.
    h.md.emit({ type: "trade", tokenId: "111", price: 4800, size: 200 * 1_000_000, side: "SELL", exchangeTs: 0, ts: h.clock.now() });
    await h.run(50);
    h.md.setBook("111", "222", [[2700, 100]], [[2900, 100]], 100);
    await h.run(300);
    expect(h.engine.riskState()).toBe("HALTED");
    expect(h.engine.snapshot().risk.reason).toMatch(/maxDailyLossUsd/);
    const refused = await h.engine.command({ type: "resume", force: false });
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/--force/);
    const forced = await h.engine.command({ type: "resume", force: true });
    expect(forced.ok).toBe(true);
    await h.run(300);
    expect(h.engine.riskState()).toBe("ACTIVE");
  });
});
