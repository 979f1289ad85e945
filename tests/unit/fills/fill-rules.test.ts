// The queue-position fill rules, case by case: joining a queue, prints at and through our price, cancels, crossing, mirroring.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyCross, applyDepth, applyPrint, printFor, wouldCross } from "../../../src/domain/fills/fill-rules.js";
import { joinQueue, type RestingOrder } from "../../../src/domain/fills/resting-order.js";
import { aheadAfterShrink, frontShare, type QueueModel } from "../../../src/domain/fills/queue-model.js";
import { MirroredPrints } from "../../../src/domain/fills/mirrored-prints.js";

const S = 1_000_000; // one share in micro-shares
const riskAverse: QueueModel = { kind: "risk-averse" };

function bid(levelShares: number, sizeShares = 20, price = 5300): RestingOrder {
  return joinQueue({ id: "o1", clientId: "c1", market: "m", tokenId: "yes", outcome: "YES", side: "BUY", price, size: sizeShares * S }, levelShares * S, 0);
}

const print = (price: number, size: number, takerSide: "BUY" | "SELL") => ({ price, size: size * S, takerSide });

describe("queue-position fills", () => {
  it("joins the back of a queue of 50; trades of 10 then 40 at our price consume the queue and fill nothing", () => {
    let o = bid(50);
    expect(o.queueAhead).toBe(50 * S);
    let r = applyPrint(o, { price: 5300, size: 10 * S, takerSide: "SELL" }, 0);
    expect(r.fill).toBe(0);
    expect(r.order.queueAhead).toBe(40 * S);
    o = applyDepth(r.order, 40 * S, 1, riskAverse); // the depth change of that trade
    expect(o.queueAhead).toBe(40 * S);
    r = applyPrint(o, { price: 5300, size: 40 * S, takerSide: "SELL" }, 2);
    expect(r.fill).toBe(0);
    expect(r.order.queueAhead).toBe(0);
    o = applyDepth(r.order, 0, 3, riskAverse);
    r = applyPrint(o, { price: 5300, size: 7 * S, takerSide: "SELL" }, 4);
    expect(r.fill).toBe(7 * S);
    expect(r.order.filled).toBe(7 * S);
  });

  it("a print larger than the queue ahead fills us partially, then the rest", () => {
    const o = bid(50);
    const r = applyPrint(o, { price: 5300, size: 60 * S, takerSide: "SELL" }, 0);
    expect(r.fill).toBe(10 * S);
    expect(r.order.queueAhead).toBe(0);
    const r2 = applyPrint(r.order, { price: 5300, size: 30 * S, takerSide: "SELL" }, 5_000);
    expect(r2.fill).toBe(10 * S); // only the 10 that remained
    expect(r2.order.filled).toBe(20 * S);
  });

  it("a print at our price from our own side does not fill us", () => {
    const r = applyPrint(bid(0), { price: 5300, size: 10 * S, takerSide: "BUY" }, 0);
    expect(r.fill).toBe(0);
  });

  it("a print through our price fills everything that remains at our limit", () => {
    const r = applyPrint(bid(50), { price: 5200, size: 1 * S, takerSide: "SELL" }, 0);
    expect(r.fill).toBe(20 * S);
    const ask = joinQueue({ id: "a", clientId: "a", market: "m", tokenId: "yes", outcome: "YES", side: "SELL", price: 5500, size: 5 * S }, 100 * S, 0);
    expect(applyPrint(ask, { price: 5600, size: S, takerSide: "BUY" }, 0).fill).toBe(5 * S);
    expect(applyPrint(ask, { price: 5400, size: S, takerSide: "BUY" }, 0).fill).toBe(0);
  });

  it("risk-averse: a level shrinking without a trade moves us to at most the new size", () => {
    let o = bid(50);
    o = applyDepth(o, 30 * S, 0, riskAverse);
    expect(o.queueAhead).toBe(30 * S);
    o = applyDepth(o, 80 * S, 1, riskAverse); // growth joins behind us
    expect(o.queueAhead).toBe(30 * S);
    o = applyDepth(o, 60 * S, 2, riskAverse); // cancels behind us (we cannot know): risk-averse stays put
    expect(o.queueAhead).toBe(30 * S);
  });

  it("a depth change that arrives before its print is not counted twice", () => {
    let o = bid(50);
    o = applyDepth(o, 40 * S, 0, riskAverse);
    expect(o.queueAhead).toBe(40 * S);
    const r = applyPrint(o, { price: 5300, size: 10 * S, takerSide: "SELL" }, 10);
    expect(r.order.queueAhead).toBe(40 * S);
    expect(r.fill).toBe(0);
  });

  it("a lapsed netting balance no longer pairs a print with an old depth change", () => {
    let o = bid(50);
    o = applyDepth(o, 40 * S, 0, riskAverse);
    const r = applyPrint(o, { price: 5300, size: 10 * S, takerSide: "SELL" }, 60_000);
    expect(r.order.queueAhead).toBe(30 * S);
  });

  it("probabilistic: part of a cancel is in front of us, per the power law", () => {
    const model: QueueModel = { kind: "probabilistic", exponent: 2 };
    // 50 ahead, 50 behind: a 20-share cancel is half in front.
    let o = bid(50);
    o = applyDepth(o, 100 * S, 0, model);
    o = applyDepth(o, 80 * S, 1, model);
    expect(o.queueAhead).toBe(40 * S);
    expect(frontShare(10, 30, 2)).toBeCloseTo(0.1);
    expect(frontShare(10, 0, 2)).toBe(1);
    expect(frontShare(0, 10, 2)).toBe(0);
  });

  it("the opposite best at or through our price fills the rest", () => {
    const o = bid(50);
    expect(applyCross(o, 5200, 5400).fill).toBe(0);
    expect(applyCross(o, 5200, 5300).fill).toBe(20 * S);
    expect(applyCross(o, 5200, 5250).order.filled).toBe(20 * S);
    expect(wouldCross("BUY", 5300, null, 5300)).toBe(true);
    expect(wouldCross("SELL", 5300, 5299, null)).toBe(false);
  });

  it("a print on the other token of the market counts mirrored", () => {
    const o = bid(0); // YES bid at 0.53, nothing ahead
    // Someone buys NO at 0.47 as taker = sells YES at 0.53.
    const p = printFor(o.tokenId, "no", "yes", print(4700, 5, "BUY"));
    expect(p).toEqual({ price: 5300, size: 5 * S, takerSide: "SELL" });
    expect(applyPrint(o, p!, 0).fill).toBe(5 * S);
    expect(printFor(o.tokenId, "other", "another", print(4700, 5, "BUY"))).toBeNull();
    expect(printFor(o.tokenId, "yes", "no", print(5300, 5, "SELL"))).toEqual({ price: 5300, size: 5 * S, takerSide: "SELL" });
  });

  it("knows a trade printed on both tokens as one trade, whichever token prints first", () => {
    const echoes = new MirroredPrints();
    expect(echoes.isEcho("no", "yes", 4700, 60 * S, 123)).toBe(false);
    expect(echoes.isEcho("yes", "no", 5300, 60 * S, 123)).toBe(true);
    expect(echoes.isEcho("yes", "no", 5300, 60 * S, 124)).toBe(false); // a later trade
    expect(echoes.isEcho("yes", "no", 5300, 60 * S, 124)).toBe(false); // the same token again is not an echo
    expect(echoes.isEcho("no", "yes", 4700, 60 * S, 124)).toBe(true);
    expect(echoes.isEcho("no", "yes", 4700, 61 * S, 125)).toBe(false);
    expect(echoes.isEcho("yes", "no", 5300, 60 * S, 125)).toBe(false); // another size: another trade
    expect(echoes.isEcho("yes", undefined, 5300, 60 * S, 126)).toBe(false);
  });

  it("never fills more than the order, never leaves a negative queue, and a grown level never helps", () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant("print" as const), price: fc.integer({ min: 5200, max: 5400 }), size: fc.integer({ min: 0, max: 80 * S }), takerSide: fc.constantFrom("BUY" as const, "SELL" as const), dt: fc.integer({ min: 0, max: 2000 }) }),
      fc.record({ kind: fc.constant("depth" as const), size: fc.integer({ min: 0, max: 200 * S }), dt: fc.integer({ min: 0, max: 2000 }) }),
    );
    const model = fc.oneof(fc.constant(riskAverse), fc.double({ min: 0.1, max: 4, noNaN: true }).map((e): QueueModel => ({ kind: "probabilistic", exponent: e })));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 * S }), fc.array(step, { maxLength: 30 }), model, (level, steps, m) => {
        let o = bid(level / S);
        let now = 0;
        let total = 0;
        for (const s of steps) {
          now += s.dt;
          const beforeAhead = o.queueAhead;
          if (s.kind === "print") {
            const r = applyPrint(o, s, now);
            total += r.fill;
            o = r.order;
          } else {
            o = applyDepth(o, s.size, now, m);
            if (o.queueAhead > beforeAhead) return false;
          }
          if (o.queueAhead < 0 || o.filled > o.size || o.filled !== total) return false;
        }
        return true;
      }),
    );
  });

  it("aheadAfterShrink stays within [0, min(ahead, new size)]", () => {
    fc.assert(
      fc.property(fc.nat(1e9), fc.nat(1e9), fc.nat(1e9), fc.double({ min: 0, max: 5, noNaN: true }), (ahead, oldSize, newSize, e) => {
        const cancelled = Math.max(0, oldSize - newSize);
        const a = aheadAfterShrink({ kind: "probabilistic", exponent: e }, ahead, oldSize, newSize, cancelled);
        return a >= 0 && a <= Math.min(ahead, newSize) && Number.isInteger(a);
      }),
    );
  });
});
