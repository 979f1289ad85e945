// Trade ledger: our fills from real user-channel trades, MATCHED -> CONFIRMED, FAILED reverses, duplicates ignored.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { parseFrame } from "../../../src/adapters/polymarket/parse/parse-frame.js";
import { TradeLedger, type TradeContext } from "../../../src/adapters/gateway/live/trade-ledger.js";
import type { TradeStatus, UserTradeEvent } from "../../../src/domain/events.js";

const FIX = "/work/shared/fixtures/polymarket";
// The capture's logger dropped `event_type`; its `type` is the channel's "TRADE".
const raw = JSON.parse(readFileSync(`${FIX}/polybotv2/ws_user_trade_2025-12-23.jsonl`, "utf8").split("\n")[0]);
function trade(status: TradeStatus): UserTradeEvent {
  const e = parseFrame(JSON.stringify({ ...raw, event_type: "trade", status })).events[0];
  if (e?.type !== "trade") throw new Error("fixture did not parse");
  return e;
}

const MAKER_KEY = "a35aea61-d3e2-77b0-ba53-3c4dd029291c"; // owner of the third maker order (3.230768 @ 0.870000260000099)
const DOWN = raw.maker_orders[0].asset_id as string;
const ctx = (apiKey = MAKER_KEY): TradeContext => ({
  apiKey,
  isOurOrder: () => false,
  tokenInfo: (t) => (t === DOWN ? { market: raw.market, outcome: "NO" } : t === raw.asset_id ? { market: raw.market, outcome: "YES" } : null),
});

describe("TradeLedger", () => {
  it("finds our maker fill in a real trade and reports it as pending", () => {
    const fx = new TradeLedger().apply(trade("MATCHED"), ctx(), 1);
    expect(fx).toHaveLength(1);
    expect(fx[0]).toMatchObject({ kind: "matched", fill: { orderId: raw.maker_orders[2].order_id, outcome: "NO", side: "BUY", price: 8700, size: 3_230_768, liquidity: "maker", fee: 0, status: "MATCHED" } });
  });

  it("confirms once, ignores duplicates and MINED/RETRYING, and never reports a trade that is not ours", () => {
    const l = new TradeLedger();
    l.apply(trade("MATCHED"), ctx(), 1);
    expect(l.apply(trade("MATCHED"), ctx(), 2)).toEqual([]);
    expect(l.apply(trade("MINED"), ctx(), 3)).toEqual([]);
    const c = l.apply(trade("CONFIRMED"), ctx(), 4);
    expect(c).toMatchObject([{ kind: "confirmed", wasPending: true, fill: { status: "CONFIRMED" } }]);
    expect(l.apply(trade("CONFIRMED"), ctx(), 5)).toEqual([]);
    expect(l.apply(trade("FAILED"), ctx(), 6)).toEqual([]); // terminal stays terminal
    expect(new TradeLedger().apply(trade("MATCHED"), ctx("someone-else"), 1)).toEqual([]);
  });

  it("a FAILED trade reverses the fill it reported; a trade first seen as FAILED reports nothing", () => {
    const l = new TradeLedger();
    const [m] = l.apply(trade("MATCHED"), ctx(), 1);
    l.apply(trade("RETRYING"), ctx(), 2);
    const f = l.apply(trade("FAILED"), ctx(), 3);
    expect(f).toEqual([{ kind: "failed", fill: m.fill }]);
    expect(l.fills()).toEqual([]);
    expect(new TradeLedger().apply(trade("FAILED"), ctx(), 1)).toEqual([]);
  });

  it("the taker side: our taker order gives one taker fill with the taker fee", () => {
    const t = { ...trade("MATCHED"), traderSide: "TAKER" as const, feeRateBps: 100 };
    const fx = new TradeLedger().apply(t, { ...ctx("x"), isOurOrder: (id) => id === raw.taker_order_id }, 1);
    expect(fx).toMatchObject([{ kind: "matched", fill: { liquidity: "taker", side: "BUY", outcome: "YES", price: 1300, size: 16_230_768, fee: Math.round((1300 * 16_230_768) / 10_000 / 100) } }]);
  });

  it("any status sequence reports each fill at most once as new, and a reversal only after a report (property)", () => {
    const statuses: TradeStatus[] = ["MATCHED", "MINED", "CONFIRMED", "RETRYING", "FAILED"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...statuses), { maxLength: 12 }), (seq) => {
        const l = new TradeLedger();
        let reported = 0;
        let reversed = 0;
        for (const s of seq) {
          for (const fx of l.apply(trade(s), ctx(), 0)) {
            if (fx.kind === "matched" || (fx.kind === "confirmed" && !fx.wasPending)) reported++;
            if (fx.kind === "failed") reversed++;
          }
        }
        expect(reported).toBeLessThanOrEqual(1);
        expect(reversed).toBeLessThanOrEqual(reported);
        expect(l.fills().length).toBe(reported - reversed);
      }),
      { numRuns: 200 },
    );
  });
});
