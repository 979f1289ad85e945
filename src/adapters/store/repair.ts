// `mm repair`: rebuilds state.json from the ledger alone, keeping the damaged file aside for inspection.
import { existsSync, mkdirSync, renameSync } from "node:fs";
import { freshState, type PersistedState } from "../../domain/ledger/persisted-state.js";
import { readLedger } from "./ledger-file.js";
import { rollForward, ledgerFileOf, stateFileOf } from "./recovery.js";
import { stateDb } from "./state-file.js";

export interface RepairResult {
  state: PersistedState;
  entries: number;
  /** Where the old state.json was moved, or null when there was none. */
  movedTo: string | null;
  warning: string | null;
}

/** Replays the whole ledger into a new state.json (marks, equity curve and markouts start over). */
export async function repairState(dataDir: string, now: number): Promise<RepairResult> {
  const ledgerPath = ledgerFileOf(dataDir);
  if (!existsSync(ledgerPath)) throw new Error(`${ledgerPath} does not exist: there is no ledger to rebuild the state from (check --data-dir).`);
  const ledger = readLedger(ledgerPath);
  if (ledger.entries.length === 0) throw new Error(`${ledgerPath} holds no entries: there is nothing to rebuild the state from.`);
  const { state } = rollForward(freshState(0), ledger);
  const rebuilt: PersistedState = { ...state, drawdown: { peak: state.portfolio.startingCash, max: 0 } };
  const statePath = stateFileOf(dataDir);
  let movedTo: string | null = null;
  mkdirSync(dataDir, { recursive: true });
  if (existsSync(statePath)) {
    movedTo = `${statePath}.broken-${new Date(now).toISOString().replace(/[:.]/g, "-")}`;
    renameSync(statePath, movedTo);
  }
  const db = stateDb(statePath, rebuilt);
  await db.write();
  return { state: rebuilt, entries: ledger.entries.length, movedTo, warning: ledger.warning };
}
