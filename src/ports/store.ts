// Where the account lives between runs: an append-only ledger (the truth) and a state.json checkpoint, behind one interface.
import type { Mark } from "../domain/accounting/valuation.js";
import type { LedgerBody, LedgerEntry } from "../domain/ledger/ledger-entry.js";
import type { PersistedState } from "../domain/ledger/persisted-state.js";
import type { RiskLatch } from "../domain/ledger/ledger-state.js";
import type { MicroUsd } from "../domain/units.js";
import type { GatewayEvent, OpenOrder, OrderRequest } from "./order-gateway.js";

export interface Store {
  /** The current state (the live object: read it, never mutate it). */
  state(): Readonly<PersistedState>;
  /**
   * Appends one entry to the ledger (written to the file before this returns) and applies it to the state.
   * Fills and risk entries also write state.json at once; everything else is coalesced.
   */
  append(body: LedgerBody): LedgerEntry;
  /** The ledger line for an order the gateway took (call with the PlaceResult's orderId). */
  recordPlaced(request: OrderRequest, orderId: string): LedgerEntry;
  /** Records acknowledged / cancelled / rejected / fill / fill_reversed; "placed" and "error" have no line (null). */
  recordGatewayEvent(event: GatewayEvent): LedgerEntry | null;
  recordRisk(latch: RiskLatch): LedgerEntry;
  /** Market resolution: the winning token pays $1, the market's positions and orders close. */
  recordResolution(market: string, winningTokenId: string): LedgerEntry;
  /** Latest marks for a token (coalesced write); also samples fill markouts that fall due. */
  updateMark(tokenId: string, mark: Mark, now: number): void;
  /** Refreshes the queue positions of open orders from the gateway (coalesced write). */
  noteOrders(orders: readonly OpenOrder[]): void;
  /** Adds an equity sample at `now` from the current marks, and updates the drawdown (coalesced write). */
  sampleEquity(now: number): void;
  setRewardPerDay(perDay: MicroUsd): void;
  /** Writes state.json now and waits for it. */
  flush(): Promise<void>;
  /** Flushes and closes the ledger. */
  close(): Promise<void>;
}
