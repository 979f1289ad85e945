import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { RateLimiter } from "../../../src/domain/orders/rate-limiter.js";
import { RequoteThrottle } from "../../../src/domain/orders/requote-throttle.js";
import { batches } from "../../../src/domain/orders/batch.js";

describe("RateLimiter", () => {
  it("grants at most `limit` in any window and frees slots as they age out", () => {
    const r = new RateLimiter(3, 1000);
    expect(r.take(0, 2)).toBe(2);
    expect(r.take(500, 5)).toBe(1);
    expect(r.available(999)).toBe(0);
    expect(r.nextFreeAt(999)).toBe(1000);
    expect(r.available(1000)).toBe(2);
    expect(r.take(1500, 5)).toBe(3);
  });
  it("never exceeds the limit over any window (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 6 })), { maxLength: 80 }), (steps) => {
        const r = new RateLimiter(10, 1000);
        const log: number[] = [];
        let now = 0;
        for (const [dt, n] of steps) {
          now += dt;
          const g = r.take(now, n);
          for (let i = 0; i < g; i++) log.push(now);
          expect(log.filter((t) => t > now - 1000).length).toBeLessThanOrEqual(10);
        }
      }),
    );
  });
});

describe("RequoteThrottle", () => {
  it("allows one requote per interval", () => {
    const t = new RequoteThrottle(250);
    expect(t.waitMs(0)).toBe(0);
    t.mark(0);
    expect(t.waitMs(100)).toBe(150);
    expect(t.waitMs(250)).toBe(0);
  });
});

describe("batches", () => {
  it("splits into chunks of at most the size, keeping order", () => {
    const items = Array.from({ length: 32 }, (_, i) => i);
    const out = batches(items, 15);
    expect(out.map((b) => b.length)).toEqual([15, 15, 2]);
    expect(out.flat()).toEqual(items);
    expect(() => batches(items, 0)).toThrow(/at least 1/);
  });
});
