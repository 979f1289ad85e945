// Recovery, read-only: state.json as the checkpoint, then every ledger entry newer than its lastSeq.
import { join } from "node:path";
import { freshState, type PersistedState } from "../../domain/ledger/persisted-state.js";
import { applyEntry } from "../../domain/ledger/ledger-state.js";
import { readLedger, type LedgerRead } from "./ledger-file.js";
import { readStateFile } from "./state-file.js";

export const stateFileOf = (dataDir: string): string => join(dataDir, "state.json");
export const ledgerFileOf = (dataDir: string): string => join(dataDir, "ledger.jsonl");

export interface Recovered {
  state: PersistedState;
  ledger: LedgerRead;
  /** Ledger entries applied on top of state.json. */
  replayed: number;
  /** True when neither file existed. */
  fresh: boolean;
  warnings: string[];
}

/** Applies ledger entries past the state's lastSeq (pure apart from the state's derived fields). */
export function rollForward(state: PersistedState, ledger: LedgerRead): { state: PersistedState; replayed: number } {
  let next = state;
  let replayed = 0;
  for (const e of ledger.entries) {
    if (e.seq <= next.lastSeq) continue;
    next = { ...next, ...applyEntry(next, e) };
    replayed++;
  }
  return { state: next, replayed };
}

/**
 * Loads the account from `dataDir` without writing anything. Throws StateFileError for a damaged state.json and an
 * Error naming the ledger for a bad ledger line (a torn last line is only a warning).
 */
export async function recover(dataDir: string, startingCash: number): Promise<Recovered> {
  const ledger = readLedger(ledgerFileOf(dataDir));
  const saved = await readStateFile(stateFileOf(dataDir), dataDir);
  const warnings = ledger.warning ? [ledger.warning] : [];
  const lastLedgerSeq = ledger.entries.at(-1)?.seq ?? 0;
  if (saved && saved.lastSeq > lastLedgerSeq) {
    warnings.push(`state.json is at seq ${saved.lastSeq} but the ledger ends at ${lastLedgerSeq}: the ledger lost lines; trusting state.json`);
  }
  if (!saved && ledger.entries.length === 0) return { state: freshState(startingCash), ledger, replayed: 0, fresh: true, warnings };
  // Without state.json the ledger's own account_opened line sets the starting cash.
  const { state, replayed } = rollForward(saved ?? freshState(0), ledger);
  const result = saved ? state : { ...state, drawdown: { peak: state.portfolio.startingCash, max: 0 } };
  return { state: result, ledger, replayed, fresh: false, warnings };
}
