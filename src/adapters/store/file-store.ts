// The Store on disk under --data-dir: ledger.jsonl appended first, state.json written coalesced (at once after fills and risk).
import { mkdirSync } from "node:fs";
import type { Clock, TimerHandle } from "../../ports/clock.js";
import type { Logger } from "../../ports/logger.js";
import type { Store } from "../../ports/store.js";
import type { GatewayEvent, OpenOrder, OrderRequest } from "../../ports/order-gateway.js";
import type { LedgerBody, LedgerEntry } from "../../domain/ledger/ledger-entry.js";
import type { PersistedState } from "../../domain/ledger/persisted-state.js";
import { applyEntry, type RiskLatch } from "../../domain/ledger/ledger-state.js";
import { value, type Mark } from "../../domain/accounting/valuation.js";
import { appendEquity, updateDrawdown } from "../../domain/accounting/equity-curve.js";
import { emptyMarkouts, sampleMarkouts, trackFill, type MarkoutState } from "../../domain/accounting/markouts.js";
import { formatUsd, parsePrice, type MicroUsd } from "../../domain/units.js";
import { LedgerFile } from "./ledger-file.js";
import { stateDb, type StateDb } from "./state-file.js";
import { ledgerFileOf, recover, stateFileOf } from "./recovery.js";
import { gatewayEventBody, placedBody } from "./gateway-entries.js";

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

export class FileStore implements Store {
  private markouts: MarkoutState;
  private timer: TimerHandle | null = null;
  private closed = false;

  constructor(
    private readonly opts: FileStoreOptions,
    private current: PersistedState,
    private readonly ledger: LedgerFile,
    private readonly db: StateDb,
  ) {
    this.markouts = { ...emptyMarkouts(), sums: [...current.markouts.sums], counts: [...current.markouts.counts] };
  }

  state(): Readonly<PersistedState> {
    return this.current;
  }

  append(body: LedgerBody): LedgerEntry {
    if (this.closed) throw new Error("the store is closed");
    const now = this.opts.clock.now();
    const entry = { seq: this.current.lastSeq + 1, ts: new Date(now).toISOString(), ...body } as LedgerEntry;
    const urgent = body.type === "fill" || body.type === "fill_reversed" || body.type === "risk" || body.type === "resolution";
    this.ledger.append(entry, urgent);
    this.current = { ...this.current, ...applyEntry(this.current, entry) };
    if (body.type === "fill") {
      this.markouts = trackFill(this.markouts, { id: body.fillId, tokenId: body.token, side: body.side, price: parsePrice(body.price) ?? 0, ts: now });
    }
    if (urgent) this.writeNow();
    else this.schedule();
    return entry;
  }

  recordPlaced(request: OrderRequest, orderId: string): LedgerEntry {
    return this.append(placedBody(request, orderId));
  }

  recordGatewayEvent(event: GatewayEvent): LedgerEntry | null {
    const body = gatewayEventBody(event, this.current.orders);
    return body ? this.append(body) : null;
  }

  recordRisk(latch: RiskLatch): LedgerEntry {
    return this.append({ type: "risk", state: latch.state, reason: latch.reason });
  }

  recordResolution(market: string, winningTokenId: string): LedgerEntry {
    return this.append({ type: "resolution", market, winningToken: winningTokenId });
  }

  updateMark(tokenId: string, mark: Mark, now: number): void {
    this.current = { ...this.current, marks: { ...this.current.marks, [tokenId]: mark } };
    const sampled = sampleMarkouts(this.markouts, now, (t) => this.current.marks[t]?.mid ?? null);
    if (sampled !== this.markouts) {
      this.markouts = sampled;
      this.current = { ...this.current, markouts: { sums: sampled.sums, counts: sampled.counts } };
    }
    this.schedule();
  }

  noteOrders(orders: readonly OpenOrder[]): void {
    let changed = false;
    const next = { ...this.current.orders };
    for (const o of orders) {
      const known = next[o.id];
      if (known && known.queueAhead !== o.queueAhead) {
        next[o.id] = { ...known, queueAhead: o.queueAhead };
        changed = true;
      }
    }
    if (!changed) return;
    this.current = { ...this.current, orders: next };
    this.schedule();
  }

  sampleEquity(now: number): void {
    const equity = value(this.current.portfolio, this.current.marks).equity;
    this.current = {
      ...this.current,
      equityCurve: appendEquity(this.current.equityCurve, { ts: now, equity }, this.opts.equityCurvePoints),
      drawdown: updateDrawdown(this.current.drawdown, equity),
    };
    this.schedule();
  }

  setRewardPerDay(perDay: MicroUsd): void {
    if (perDay === this.current.rewardPerDay) return;
    this.current = { ...this.current, rewardPerDay: perDay };
    this.schedule();
  }

  async flush(): Promise<void> {
    this.cancelTimer();
    this.db.data = this.current;
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
