// The Store kept in memory for a backtest: the same ledger semantics as the file store (applyEntry), markouts and equity, no disk.
import type { Clock } from "../ports/clock.js";
import type { Store } from "../ports/store.js";
import type { GatewayEvent, OrderRequest } from "../ports/order-gateway.js";
import type { LedgerBody, LedgerEntry } from "../domain/ledger/ledger-entry.js";
import { freshState, type PersistedState } from "../domain/ledger/persisted-state.js";
import { applyEntry, type RiskLatch } from "../domain/ledger/ledger-state.js";
import { value, type Mark } from "../domain/accounting/valuation.js";
import { appendEquity, updateDrawdown } from "../domain/accounting/equity-curve.js";
import { emptyMarkouts, sampleMarkouts, trackFill, type MarkoutState } from "../domain/accounting/markouts.js";
import { parsePrice, type MicroUsd } from "../domain/units.js";
import { gatewayEventBody, placedBody } from "../adapters/store/gateway-entries.js";

export class MemoryStore implements Store {
  private current: PersistedState;
  private markouts: MarkoutState = emptyMarkouts();

  constructor(
    startingCash: MicroUsd,
    private readonly clock: Clock,
    private readonly equityCurvePoints: number,
  ) {
    this.current = freshState(startingCash);
  }

  state(): Readonly<PersistedState> {
    return this.current;
  }

  append(body: LedgerBody): LedgerEntry {
    const now = this.clock.now();
    const entry = { seq: this.current.lastSeq + 1, ts: new Date(now).toISOString(), ...body } as LedgerEntry;
    this.current = { ...this.current, ...applyEntry(this.current, entry) };
    if (body.type === "fill") {
      this.markouts = trackFill(this.markouts, { id: body.fillId, tokenId: body.token, side: body.side, price: parsePrice(body.price) ?? 0, ts: now });
    }
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
    if (sampled === this.markouts) return;
    this.markouts = sampled;
    this.current = { ...this.current, markouts: { sums: sampled.sums, counts: sampled.counts } };
  }

  /** Queue positions only matter to a restart, which a backtest never has. */
  noteOrders(): void {}

  sampleEquity(now: number): void {
    const equity = value(this.current.portfolio, this.current.marks).equity;
    this.current = {
      ...this.current,
      equityCurve: appendEquity(this.current.equityCurve, { ts: now, equity }, this.equityCurvePoints),
      drawdown: updateDrawdown(this.current.drawdown, equity),
    };
  }

  setRewardPerDay(perDay: MicroUsd): void {
    this.current = { ...this.current, rewardPerDay: perDay };
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {}
}
