// Rebasing the ledger on the exchange's account: cash ends at the exchange's balance to the micro-dollar, positions at its share balances.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { rebaseOnExchange, type AccountToken } from "../../../src/engine/live-account.js";
import { applyFill, emptyPortfolio, type Portfolio } from "../../../src/domain/accounting/portfolio.js";
import { emptyLedgerState, replayLedger } from "../../../src/domain/ledger/ledger-state.js";
import type { LedgerEntry } from "../../../src/domain/ledger/ledger-entry.js";

const SH = 1_000_000;
const tokens: AccountToken[] = [
  { tokenId: "y", market: "m", outcome: "YES" },
  { tokenId: "n", market: "m", outcome: "NO" },
];

/** Applies the rebase's lines to a ledger state holding `p`. */
function after(p: Portfolio, bodies: ReturnType<typeof rebaseOnExchange>["bodies"]): Portfolio {
  const entries = bodies.map((b, i) => ({ seq: i + 1, ts: "2026-03-02T12:00:00.000Z", ...b }) as LedgerEntry);
  return replayLedger(entries, { ...emptyLedgerState(0), portfolio: p }).portfolio;
}

describe("rebaseOnExchange", () => {
  it("a flat ledger opened with the dry-run balance takes the exchange's cash", () => {
    const r = rebaseOnExchange(emptyPortfolio(1_000 * SH), { cash: 10_000 * SH, shares: { y: 0, n: 0 } }, tokens, "t");
    expect(r.bodies).toEqual([{ type: "account_opened", cash: "10000" }]);
    expect(after(emptyPortfolio(1_000 * SH), r.bodies).cash).toBe(10_000 * SH);
  });

  it("writes nothing when the ledger already agrees", () => {
    const p = applyFill(emptyPortfolio(100 * SH), { market: "m", tokenId: "y", outcome: "YES", side: "BUY", price: 4000, size: 10 * SH, fee: 0 });
    expect(rebaseOnExchange(p, { cash: 96 * SH, shares: { y: 10 * SH } }, tokens, "t").bodies).toEqual([]);
  });

  it("keeps positions at their average cost and names shares it cannot cost", () => {
    const p = applyFill(emptyPortfolio(100 * SH), { market: "m", tokenId: "y", outcome: "YES", side: "BUY", price: 4000, size: 10 * SH, fee: 0 });
    const r = rebaseOnExchange(p, { cash: 50 * SH, shares: { y: 10 * SH, n: 3 * SH } }, tokens, "t");
    const q = after(p, r.bodies);
    expect(q.cash).toBe(50 * SH);
    expect(q.positions.y).toMatchObject({ shares: 10 * SH, cost: 4 * SH });
    expect(q.positions.n).toBeUndefined();
    expect(r.notes.join()).toMatch(/3 shares of token n .*unknown cost/);
  });

  it("property: after the rebase, cash is the exchange's and every reported position its share balance", () => {
    const buy = fc.record({ token: fc.constantFrom("y", "n", "other"), price: fc.integer({ min: 1, max: 9999 }), size: fc.integer({ min: SH, max: 500 * SH }) }); // at least one share, as every real fill
    fc.assert(
      fc.property(fc.array(buy, { maxLength: 6 }), fc.integer({ min: 0, max: 1e6 * SH }), fc.option(fc.integer({ min: 0, max: 900 * SH })), (buys, cash, ySharesOrNull) => {
        let p = emptyPortfolio(1e7 * SH);
        for (const b of buys) p = applyFill(p, { market: "m", tokenId: b.token, outcome: b.token === "n" ? "NO" : "YES", side: "BUY", price: b.price, size: b.size, fee: 0 });
        const shares: Record<string, number> = ySharesOrNull === null ? {} : { y: ySharesOrNull };
        const r = rebaseOnExchange(p, { cash, shares }, tokens, "t");
        const q = after(p, r.bodies);
        expect(q.cash).toBe(cash);
        if (ySharesOrNull !== null && p.positions.y) expect(q.positions.y?.shares ?? 0).toBe(ySharesOrNull);
        if (ySharesOrNull === null) expect(q.positions.y?.shares ?? 0).toBe(p.positions.y?.shares ?? 0);
        expect(q.positions.n?.shares ?? 0).toBe(p.positions.n?.shares ?? 0); // not reported: the ledger's stands
        expect(q.positions.other?.shares ?? 0).toBe(p.positions.other?.shares ?? 0); // not ours to ask about
        for (const pos of Object.values(q.positions)) expect(Math.abs(pos.cost - Math.round((p.positions[pos.tokenId].cost * pos.shares) / p.positions[pos.tokenId].shares))).toBeLessThanOrEqual(Math.ceil(pos.shares / 20_000) + 1); // cost kept to within half a pip a share
      }),
      { numRuns: 300 },
    );
  });
});
