// The Store on disk under --data-dir: ledger.jsonl appended first, state.json written coalesced (after fills and risk: at the end of the current turn).
import { mkdirSync } from "node:fs";
import type { Clock, TimerHandle } from "../../ports/clock.js";
import type { Logger } from "../../ports/logger.js";
import type { Store } from "../../ports/store.js";
import type { OpenOrder } from "../../ports/order-gateway.js";
import type { LedgerBody, LedgerEntry } from "../../domain/ledger/ledger-entry.js";
import type { PersistedState } from "../../domain/ledger/persisted-state.js";
import type { Mark } from "../../domain/accounting/valuation.js";
import { formatUsd, type MicroUsd } from "../../domain/units.js";
import { AccountMemory } from "./account-memory.js";
import { LedgerFile } from "./ledger-file.js";
import { stateDb, type StateDb } from "./state-file.js";
import { ledgerFileOf, recover, stateFileOf } from "./recovery.js";
import { LedgerRecorder } from "./ledger-recorder.js";

export interface FileStoreOptions {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  /** Starting cash for a new account, micro-dollars (ignored when the data dir already holds one). */
  startingCash: MicroUsd;
  /** Coalescing interval for state.json. */
  stateWriteMs: number;
  equityCurvePoints: number;
}

/** Opens (recovering) the account in dataDir. Throws StateFileError for a damaged state.json (offer `mm repair`). */
export async function openFileStore(opts: FileStoreOptions): Promise<FileStore> {
  mkdirSync(opts.dataDir, { recursive: true });
  const recovered = await recover(opts.dataDir, opts.startingCash);
  for (const w of recovered.warnings) opts.logger.warn(w);
  if (recovered.replayed > 0) opts.logger.info(`recovered ${recovered.replayed} ledger entries newer than state.json`);
  const ledger = LedgerFile.open(ledgerFileOf(opts.dataDir), recovered.ledger);
  ledger.onSyncError = (err) => opts.logger.error(`syncing ${ledgerFileOf(opts.dataDir)} to disk failed (the line is written; a power cut could lose it): ${err.message}`);
  const store = new FileStore(opts, recovered.state, ledger, stateDb(stateFileOf(opts.dataDir), recovered.state));
  if (recovered.fresh) store.append({ type: "account_opened", cash: formatUsd(opts.startingCash) });
  else if (recovered.replayed > 0) await store.flush();
  return store;
}

export class FileStore extends LedgerRecorder implements Store {
  private readonly account: AccountMemory;
  private timer: TimerHandle | null = null;
  /** An urgent state.json write is queued for the end of the current turn. */
  private urgentQueued = false;
  private closed = false;

  constructor(
    private readonly opts: FileStoreOptions,
    initial: PersistedState,
    private readonly ledger: LedgerFile,
    private readonly db: StateDb,
  ) {
    super();
    this.account = new AccountMemory(initial, opts.equityCurvePoints);
  }

  state(): Readonly<PersistedState> {
    return this.account.state();
  }

  append(body: LedgerBody): LedgerEntry {
    if (this.closed) throw new Error("the store is closed");
    const now = this.opts.clock.now();
    const entry = this.account.entryFor(body, now);
    const urgent = body.type === "fill" || body.type === "fill_reversed" || body.type === "risk" || body.type === "resolution";
    this.ledger.append(entry, urgent);
    this.account.apply(entry, now);
    if (urgent) this.writeSoon();
    else this.schedule();
    return entry;
  }

  updateMark(tokenId: string, mark: Mark, now: number): void {
    this.account.updateMark(tokenId, mark, now);
    this.schedule();
  }

  noteOrders(orders: readonly OpenOrder[]): void {
    if (this.account.noteOrders(orders)) this.schedule();
  }

  sampleEquity(now: number): void {
    this.account.sampleEquity(now);
    this.schedule();
  }

  setRewardPerDay(perDay: MicroUsd): void {
    if (this.account.setRewardPerDay(perDay)) this.schedule();
  }

  async flush(): Promise<void> {
    this.cancelTimer();
    this.urgentQueued = false;
    this.db.data = this.state() as PersistedState;
    await this.db.write();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
    this.ledger.close();
  }

  private writeNow(): void {
    this.flush().catch((err: unknown) => this.opts.logger.error(`writing state.json failed: ${(err as Error).message}`));
  }

  /**
   * state.json after a fill or risk event, in a microtask: the ledger line is already written (and being synced), and the
   * file write is asynchronous anyway, so nothing is later on disk; a burst of fills handled in one turn costs one
   * serialisation of the whole state instead of one each.
   */
  private writeSoon(): void {
    if (this.urgentQueued) return;
    this.urgentQueued = true;
    queueMicrotask(() => {
      if (!this.urgentQueued || this.closed) return;
      this.urgentQueued = false;
      this.writeNow();
    });
  }

  private schedule(): void {
    if (this.timer !== null || this.closed) return;
    this.timer = this.opts.clock.setTimeout(() => {
      this.timer = null;
      this.writeNow();
    }, this.opts.stateWriteMs);
  }

  private cancelTimer(): void {
    if (this.timer === null) return;
    this.opts.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
