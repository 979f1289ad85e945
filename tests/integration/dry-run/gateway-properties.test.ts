// Properties of the dry-run gateway under random market activity: no overfills, maker fills at the limit, nothing after the end.
import { describe, it } from "vitest";
import fc from "fast-check";
import { FakeClock } from "../../../src/adapters/clock/fake-clock.js";
import { DryRunGateway } from "../../../src/adapters/gateway/dry-run/dry-run-gateway.js";
import { OrderBook } from "../../../src/domain/book/order-book.js";
import type { MarketInfo } from "../../../src/domain/market.js";
import type { Fill, GatewayEvent } from "../../../src/ports/order-gateway.js";

const S = 1_000_000;
const market = {
  conditionId: "m", yesTokenId: "yes", noTokenId: "no", tickSize: 100, minSize: 5 * S, takerFeeBps: 100,
} as MarketInfo;

const tokenArb = fc.constantFrom("yes", "no");
const priceArb = fc.integer({ min: 45, max: 55 }).map((x) => x * 100);
const stepArb = fc.oneof(
  fc.record({ kind: fc.constant("delta" as const), token: tokenArb, side: fc.constantFrom("BUY" as const, "SELL" as const), price: priceArb, size: fc.integer({ min: 0, max: 200 }) }),
  fc.record({ kind: fc.constant("trade" as const), token: tokenArb, side: fc.constantFrom("BUY" as const, "SELL" as const), price: priceArb, size: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ kind: fc.constant("place" as const), token: tokenArb, side: fc.constantFrom("BUY" as const, "SELL" as const), price: priceArb, size: fc.integer({ min: 5, max: 50 }), postOnly: fc.boolean() }),
  fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("wait" as const), ms: fc.integer({ min: 0, max: 300 }) }),
);

describe("DryRunGateway properties", () => {
  it("never overfills, fills makers at their limit, and is silent about finished orders", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { maxLength: 60 }), fc.constantFrom("risk-averse" as const, "probabilistic" as const), async (steps, queueModel) => {
        const clock = new FakeClock(0);
        const books = new Map([["yes", new OrderBook("yes", 100)], ["no", new OrderBook("no", 100)]]);
        books.get("yes")!.applySnapshot([{ price: 4900, size: 100 * S }], [{ price: 5100, size: 100 * S }]);
        books.get("no")!.applySnapshot([{ price: 4900, size: 100 * S }], [{ price: 5100, size: 100 * S }]);
        const shares: Record<string, number> = { yes: 0, no: 0 };
        const gw = new DryRunGateway({ clock, books: { book: (t) => books.get(t) }, account: { cash: () => 10_000 * S, shares: (t) => shares[t] }, settings: { entryLatencyMs: 50, cancelLatencyMs: 30, queueModel, queueExponent: 2 } });
        const events: GatewayEvent[] = [];
        const limits = new Map<string, { price: number; size: number }>();
        gw.onEvent((e) => {
          events.push(e);
          if (e.type === "fill") shares[e.fill.tokenId] += (e.fill.side === "BUY" ? 1 : -1) * e.fill.size;
        });
        const done = new Set<string>();
        let ok = true;
        for (const s of steps) {
          switch (s.kind) {
            case "delta": {
              const topChanged = books.get(s.token)!.applyDelta(s.side, s.price, s.size * S);
              gw.onNotice({ type: "delta", tokenId: s.token, side: s.side, price: s.price, size: s.size * S, topChanged, ts: clock.now() });
              break;
            }
            case "trade":
              gw.onNotice({ type: "trade", tokenId: s.token, price: s.price, size: s.size * S, side: s.side, exchangeTs: 0, ts: clock.now() });
              break;
            case "place": {
              const [r] = await gw.place([{ clientId: `c${events.length}`, market, tokenId: s.token, outcome: s.token === "yes" ? "YES" : "NO", side: s.side, price: s.price, size: s.size * S, type: "GTC", postOnly: s.postOnly }]);
              if (r.ok) limits.set(r.orderId!, { price: s.price, size: s.size * S });
              break;
            }
            case "cancel": {
              const open = gw.openOrders();
              if (open.length > 0) await gw.cancel([open[s.pick % open.length].id]);
              break;
            }
            case "wait":
              clock.advance(s.ms);
              break;
          }
          for (const o of gw.openOrders()) ok &&= o.filled <= o.size && (o.queueAhead === null || o.queueAhead >= 0);
          ok &&= shares.yes >= 0 && shares.no >= 0;
        }
        const filled = new Map<string, number>();
        for (const e of events) {
          if (e.type === "cancelled") {
            ok &&= !done.has(e.id);
            done.add(e.id);
          } else if (e.type === "fill") {
            const id = e.fill.orderId;
            ok &&= !done.has(id);
            const f: Fill = e.fill;
            const total = (filled.get(id) ?? 0) + f.size;
            filled.set(id, total);
            const limit = limits.get(id)!;
            ok &&= total <= limit.size && (f.liquidity === "taker" || f.price === limit.price) && (f.liquidity === "maker" ? f.fee === 0 : true);
            ok &&= f.side === "BUY" ? f.price <= limit.price : f.price >= limit.price;
            if (total === limit.size) done.add(id);
          }
        }
        await gw.close();
        return ok;
      }),
      { numRuns: 150 },
    );
  });
});
