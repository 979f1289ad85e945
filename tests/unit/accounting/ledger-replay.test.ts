// Ledger lines: parsing (a torn last line is dropped, anything else is an error) and the pure replay into account state.
import { describe, expect, it } from "vitest";
import { formatLedgerLine, parseLedger, type LedgerEntry } from "../../../src/domain/ledger/ledger-entry.js";
import { applyEntry, emptyLedgerState, replayLedger } from "../../../src/domain/ledger/ledger-state.js";

const ts = "2026-01-01T00:00:00.000Z";
const order = { orderId: "d1", clientId: "c1", market: "m", token: "yes", outcome: "YES" as const, side: "BUY" as const, price: "0.5", size: "10" };
const entries: LedgerEntry[] = [
  { seq: 1, ts, type: "account_opened", cash: "10000" },
  { seq: 2, ts, type: "order_acknowledged", ...order, filled: "0", queueAhead: "50" },
  { seq: 3, ts, type: "fill", fillId: "f1", orderId: "d1", market: "m", token: "yes", outcome: "YES", side: "BUY", price: "0.5", size: "4", fee: "0", liquidity: "maker" },
  { seq: 4, ts, type: "risk", state: "HALTED", reason: "kill switch" },
  { seq: 5, ts, type: "fill", fillId: "f2", orderId: "d1", market: "m", token: "yes", outcome: "YES", side: "BUY", price: "0.5", size: "6", fee: "0.01", liquidity: "taker" },
];

describe("ledger", () => {
  it("replays fills, open orders and the risk latch", () => {
    const s = replayLedger(entries);
    expect(s.lastSeq).toBe(5);
    expect(s.portfolio.cash).toBe(10_000_000_000 - 5_000_000 - 10_000);
    expect(s.portfolio.positions.yes.shares).toBe(10_000_000);
    expect(s.orders).toEqual({});
    expect(s.risk).toEqual({ state: "HALTED", reason: "kill switch" });
    const partial = replayLedger(entries.slice(0, 3));
    expect(partial.orders.d1.filled).toBe(4_000_000);
    expect(partial.orders.d1.queueAhead).toBe(50_000_000);
  });
  it("skips entries already applied", () => {
    const s = replayLedger(entries.slice(0, 3));
    expect(applyEntry(s, entries[2])).toBe(s);
    expect(replayLedger(entries, s)).toEqual(replayLedger(entries));
  });
  it("parses its own lines, drops a torn last line, rejects a bad middle line", () => {
    const text = entries.map(formatLedgerLine).join("");
    expect(parseLedger(text).entries).toEqual(entries);
    const torn = parseLedger(text + '{"seq":6,"ts":"x","ty');
    expect(torn.entries).toHaveLength(5);
    expect(torn.truncatedTail).toBe('{"seq":6,"ts":"x","ty');
    expect(torn.validBytes).toBe(text.length);
    expect(() => parseLedger('{"bad":1}\n' + text)).toThrow(/line 1/);
    expect(() => parseLedger(formatLedgerLine(entries[1]) + formatLedgerLine(entries[0]))).toThrow(/does not increase/);
    expect(emptyLedgerState(0).lastSeq).toBe(0);
  });
});
