// The account held in memory, shared by the file store and the backtest's store: numbered ledger entries applied, marks, markouts, equity.
import type { OpenOrder } from "../../ports/order-gateway.js";
import type { LedgerBody, LedgerEntry } from "../../domain/ledger/ledger-entry.js";
import type { PersistedState } from "../../domain/ledger/persisted-state.js";
import { applyEntry } from "../../domain/ledger/ledger-state.js";
import { value, type Mark } from "../../domain/accounting/valuation.js";
import { appendEquity, updateDrawdown } from "../../domain/accounting/equity-curve.js";
import { emptyMarkouts, sampleMarkouts, trackFill, type MarkoutState } from "../../domain/accounting/markouts.js";
import { parsePrice, type MicroUsd } from "../../domain/units.js";

export class AccountMemory {
  private markouts: MarkoutState;

  constructor(
    private current: PersistedState,
    private readonly equityCurvePoints: number,
  ) {
    this.markouts = { ...emptyMarkouts(), sums: [...current.markouts.sums], counts: [...current.markouts.counts] };
  }

  state(): Readonly<PersistedState> {
    return this.current;
  }

  /** The next ledger entry for `body` (numbered after the last one, stamped `now`). */
  entryFor(body: LedgerBody, now: number): LedgerEntry {
    return { seq: this.current.lastSeq + 1, ts: new Date(now).toISOString(), ...body } as LedgerEntry;
  }

  /** Applies an entry to the state and starts tracking a fill's markouts. */
  apply(entry: LedgerEntry, now: number): void {
    this.current = { ...this.current, ...applyEntry(this.current, entry) };
    if (entry.type === "fill") {
      this.markouts = trackFill(this.markouts, { id: entry.fillId, tokenId: entry.token, side: entry.side, price: parsePrice(entry.price) ?? 0, ts: now });
    }
  }

  updateMark(tokenId: string, mark: Mark, now: number): void {
    const known = this.current.marks[tokenId];
    // Marks are refreshed for every token on every engine tick; most have not moved, and copying the state for those is waste.
    if (known === undefined || known.mid !== mark.mid || known.bid !== mark.bid) this.current = { ...this.current, marks: { ...this.current.marks, [tokenId]: mark } };
    const sampled = sampleMarkouts(this.markouts, now, (t) => this.current.marks[t]?.mid ?? null);
    if (sampled === this.markouts) return;
    this.markouts = sampled;
    this.current = { ...this.current, markouts: { sums: sampled.sums, counts: sampled.counts } };
  }

  /** Refreshes open orders' queue positions; false when nothing changed. */
  noteOrders(orders: readonly OpenOrder[]): boolean {
    let changed = false;
    const next = { ...this.current.orders };
    for (const o of orders) {
      const known = next[o.id];
      if (known && known.queueAhead !== o.queueAhead) {
        next[o.id] = { ...known, queueAhead: o.queueAhead };
        changed = true;
      }
    }
    if (changed) this.current = { ...this.current, orders: next };
    return changed;
  }

  sampleEquity(now: number): void {
    const equity = value(this.current.portfolio, this.current.marks).equity;
    this.current = {
      ...this.current,
      equityCurve: appendEquity(this.current.equityCurve, { ts: now, equity }, this.equityCurvePoints),
      drawdown: updateDrawdown(this.current.drawdown, equity),
    };
  }

  /** False when the estimate did not change. */
  setRewardPerDay(perDay: MicroUsd): boolean {
    if (perDay === this.current.rewardPerDay) return false;
    this.current = { ...this.current, rewardPerDay: perDay };
    return true;
  }
}
