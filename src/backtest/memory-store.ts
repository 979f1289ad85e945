// The Store kept in memory for a backtest: the same ledger semantics as the file store (applyEntry), markouts and equity, no disk.
import type { Clock } from "../ports/clock.js";
import type { Store } from "../ports/store.js";
import type { LedgerBody, LedgerEntry } from "../domain/ledger/ledger-entry.js";
import { freshState, type PersistedState } from "../domain/ledger/persisted-state.js";
import type { Mark } from "../domain/accounting/valuation.js";
import type { MicroUsd } from "../domain/units.js";
import { LedgerRecorder } from "../adapters/store/ledger-recorder.js";
import { AccountMemory } from "../adapters/store/account-memory.js";

export class MemoryStore extends LedgerRecorder implements Store {
  private readonly account: AccountMemory;

  constructor(
    startingCash: MicroUsd,
    private readonly clock: Clock,
    equityCurvePoints: number,
  ) {
    super();
    this.account = new AccountMemory(freshState(startingCash), equityCurvePoints);
  }

  state(): Readonly<PersistedState> {
    return this.account.state();
  }

  append(body: LedgerBody): LedgerEntry {
    const now = this.clock.now();
    const entry = this.account.entryFor(body, now);
    this.account.apply(entry, now);
    return entry;
  }

  updateMark(tokenId: string, mark: Mark, now: number): void {
    this.account.updateMark(tokenId, mark, now);
  }

  /** Queue positions only matter to a restart, which a backtest never has. */
  noteOrders(): void {}

  sampleEquity(now: number): void {
    this.account.sampleEquity(now);
  }

  setRewardPerDay(perDay: MicroUsd): void {
    this.account.setRewardPerDay(perDay);
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {}
}
