import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { quotable, type QuotableInput } from "../../../src/domain/feed/quotable.js";
import { MedianMeter, RateMeter, spotCheckDue } from "../../../src/domain/feed/meters.js";
import { closeMeaning, describeClose } from "../../../src/domain/feed/close-codes.js";

const good: QuotableInput = { phase: "live", tokenSync: "synced", bookSynced: true, source: "ws", ageMs: 100, staleMs: 1000, topAgrees: true, quoteOnRestBook: false };

describe("quotable (ARCHITECTURE rule 3)", () => {
  it("is ok only on a live feed, a synced book, a fresh message and an agreeing top", () => {
    expect(quotable(good)).toEqual({ ok: true, reason: null });
    expect(quotable({ ...good, phase: "stale" })).toEqual({ ok: false, reason: "feed is stale" });
    expect(quotable({ ...good, tokenSync: "unsynced" }).reason).toMatch(/not synced/);
    expect(quotable({ ...good, bookSynced: false }).reason).toMatch(/not synced/);
    expect(quotable({ ...good, ageMs: 1000 }).reason).toMatch(/stale limit/);
    expect(quotable({ ...good, topAgrees: false }).reason).toMatch(/disagrees/);
    expect(quotable({ ...good, phase: null }).reason).toMatch(/not subscribed/);
    expect(quotable({ ...good, tokenSync: "resolved" }).reason).toMatch(/resolved/);
  });

  it("quotes on a REST-fed book only when the setting allows it and the book is fresh", () => {
    const rest: QuotableInput = { ...good, phase: "backoff", tokenSync: "unsynced", source: "rest" };
    expect(quotable(rest).reason).toMatch(/quoteOnRestBook is off/);
    expect(quotable({ ...rest, quoteOnRestBook: true })).toEqual({ ok: true, reason: null });
    expect(quotable({ ...rest, quoteOnRestBook: true, ageMs: 2000 }).ok).toBe(false);
  });

  it("never says ok when any condition fails (property)", () => {
    fc.assert(
      fc.property(
        fc.record({
          phase: fc.constantFrom("idle", "connecting", "syncing", "live", "stale", "backoff", "stopped", null),
          tokenSync: fc.constantFrom("unsynced", "synced", "resolved", null),
          bookSynced: fc.boolean(),
          source: fc.constantFrom("ws", "rest"),
          ageMs: fc.option(fc.nat(5000)),
          staleMs: fc.integer({ min: 1, max: 3000 }),
          topAgrees: fc.boolean(),
          quoteOnRestBook: fc.boolean(),
        }),
        (i) => {
          const q = quotable(i as QuotableInput);
          if (!q.ok) expect(q.reason).toBeTruthy();
          if (q.ok && i.source === "ws") {
            expect(i.phase).toBe("live");
            expect(i.tokenSync).toBe("synced");
            expect(i.bookSynced && i.topAgrees).toBe(true);
            expect(i.ageMs).not.toBeNull();
            expect(i.ageMs!).toBeLessThan(i.staleMs);
          }
          if (q.ok && i.source === "rest") expect(i.quoteOnRestBook && i.bookSynced).toBe(true);
        },
      ),
    );
  });
});

describe("health meters", () => {
  it("counts messages per second over the last full buckets", () => {
    const m = new RateMeter(5000, 5);
    for (let t = 0; t < 5000; t += 100) m.add(t);
    expect(m.rate(5000)).toBe(10);
    expect(m.rate(20_000)).toBe(0);
  });

  it("keeps the median of recent delays", () => {
    const m = new MedianMeter(5);
    expect(m.median()).toBeNull();
    for (const v of [10, 50, 20, 1000, 30]) m.add(v);
    expect(m.median()).toBe(30);
    m.add(40); // drops 10
    expect(m.median()).toBe(40);
  });

  it("spot-checks a token quiet for the quiet limit, not before, and not twice in a row", () => {
    expect(spotCheckDue(1000, 0, null, 1000)).toBe(true);
    expect(spotCheckDue(999, 0, null, 1000)).toBe(false);
    expect(spotCheckDue(1500, 0, 1000, 1000)).toBe(false);
    expect(spotCheckDue(1000, null, null, 1000)).toBe(false);
  });

  it("reads close codes by meaning", () => {
    expect(closeMeaning(1000)).toBe("resolved");
    expect(closeMeaning(1013)).toBe("slow_consumer");
    expect(describeClose(1013, "slow consumer")).toMatch(/slow consumer/);
    expect(describeClose(1006, "")).toMatch(/without a close frame/);
  });
});
