import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { OrderBook } from "../../../src/domain/book/order-book.js";
import { mirror } from "../../../src/domain/units.js";
import { competitionBook } from "../../../src/engine/reward-watch.js";
import { harness, standardBook } from "./harness.js";
import { SH } from "./fakes.js";

const REWARDS = { maxSpreadCents: 3, minSize: 5 * SH, dailyRate: 100 * SH };

describe("rewards in the engine", () => {
  it("flags both quotes as scoring and publishes $/day on the watch timer, not per message", async () => {
    const h = harness([], undefined, { rewards: REWARDS });
    await h.engine.start();
    standardBook(h);
    await h.run(300);
    const snap = h.engine.snapshot();
    expect(snap.openOrders.map((o) => [o.price, o.status, o.scoring])).toEqual([
      [4800, "live", true],
      [4800, "live", true],
    ]);
    // Size-adjusted mid 0.50; ours: 10 shares 2c out on each side, Q = 10/9. Book: Q_one = 50*4/9 + 100/9 = 300/9,
    // Q_two = 60*4/9 + 80/9 = 320/9, so Q_book = 300/9 and our share is 10/310 of $100/day.
    expect(snap.pnl.rewardPerDay).toBe(Math.round((100 * SH) / 31));
    expect(h.store.state().rewardPerDay).toBe(snap.pnl.rewardPerDay);

    // A competitor joins at 0.49 with 250 shares: nothing changes until the next watch tick.
    h.md.setBook("111", "222", [[4800, 100], [4900, 300]], [[5200, 80], [5100, 60]], 100);
    const published = h.store.rewardPerDay.length;
    expect(h.engine.snapshot().pnl.rewardPerDay).toBe(Math.round((100 * SH) / 31));
    await h.run(100);
    expect(h.store.rewardPerDay.length).toBeGreaterThan(published);
    // Q_one = 300*4/9 + 100/9 = 1300/9, Q_two = 320/9: Q_book = max(320/9, 1300/27) = 1300/27, share 30/1330.
    expect(h.engine.snapshot().pnl.rewardPerDay).toBe(Math.round((100 * SH * 3) / 133));
  });

  it("orders outside the band or below the reward minimum size do not score and earn nothing", async () => {
    for (const rewards of [{ ...REWARDS, maxSpreadCents: 2 }, { ...REWARDS, minSize: 20 * SH }]) {
      const h = harness([], undefined, { rewards });
      await h.engine.start();
      standardBook(h);
      await h.run(300);
      const snap = h.engine.snapshot();
      expect(snap.openOrders).toHaveLength(2);
      expect(snap.openOrders.map((o) => o.scoring)).toEqual([false, false]);
      expect(snap.pnl.rewardPerDay).toBe(0);
    }
  });

  it("a market without a reward programme earns nothing; pulled quotes stop earning", async () => {
    const none = harness();
    await none.engine.start();
    standardBook(none);
    await none.run(300);
    expect(none.engine.snapshot().openOrders.map((o) => o.scoring)).toEqual([false, false]);
    expect(none.engine.snapshot().pnl.rewardPerDay).toBe(0);

    const h = harness([], undefined, { rewards: REWARDS });
    await h.engine.start();
    standardBook(h);
    await h.run(300);
    expect(h.engine.snapshot().pnl.rewardPerDay).toBeGreaterThan(0);
    await h.engine.command({ type: "pause" });
    await h.run(300);
    expect(h.engine.openOrderCount()).toBe(0);
    expect(h.engine.snapshot().pnl.rewardPerDay).toBe(0);
    expect(h.store.state().rewardPerDay).toBe(0);
  });
});

describe("competitionBook (live orders are in the visible book)", () => {
  const book = (): OrderBook => {
    const b = new OrderBook("111", 100);
    b.applySnapshot(
      [{ price: 4800, size: 100 * SH }, { price: 4900, size: 10 * SH }],
      [{ price: 5200, size: 80 * SH }, { price: 5100, size: 60 * SH }],
    );
    return b;
  };

  it("takes our resting size out of the levels (NO orders in YES terms), dropping levels that were only ours", () => {
    const ours = [
      { outcome: "YES" as const, side: "BUY" as const, price: 4900, size: 10 * SH },
      { outcome: "NO" as const, side: "BUY" as const, price: mirror(5100), size: 15 * SH },
      { outcome: "YES" as const, side: "BUY" as const, price: 4800, size: 30 * SH },
    ];
    const c = competitionBook(book(), ours);
    expect(c.depth("BUY", 5)).toEqual([{ price: 4800, size: 70 * SH }]);
    expect(c.depth("SELL", 5)).toEqual([
      { price: 5100, size: 45 * SH },
      { price: 5200, size: 80 * SH },
    ]);
    expect(c.depth("SELL", 1)).toEqual([{ price: 5100, size: 45 * SH }]);
    // The midpoint is the whole book's: ours count toward it on the exchange.
    expect(c.sizeAdjustedMidpoint(5 * SH)).toBe(book().sizeAdjustedMidpoint(5 * SH));
  });

  it("competition plus ours is the visible book, level by level", () => {
    const level = fc.record({ price: fc.integer({ min: 1, max: 49 }).map((p) => p * 100), size: fc.integer({ min: 1, max: 1000 }).map((s) => s * SH) });
    fc.assert(
      fc.property(fc.uniqueArray(level, { selector: (l) => l.price, minLength: 1, maxLength: 20 }), fc.array(fc.nat(), { maxLength: 10 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 10 }), (bids, picks, fracs) => {
        const b = new OrderBook("111", 100);
        b.applySnapshot(bids, []);
        const ours = picks.slice(0, fracs.length).map((i, k) => {
          const l = bids[i % bids.length];
          return { outcome: "YES" as const, side: "BUY" as const, price: l.price, size: Math.floor((l.size * fracs[k]) / picks.length) };
        });
        const comp = new Map(competitionBook(b, ours).depth("BUY", 100).map((l) => [l.price, l.size]));
        for (const l of bids) {
          const mine = ours.filter((o) => o.price === l.price).reduce((s, o) => s + o.size, 0);
          expect((comp.get(l.price) ?? 0) + mine).toBe(l.size);
        }
      }),
    );
  });
});
