// state.json through lowdb (steno writes a temp file and renames it over, so a crash leaves the old or the new file, never half).
import { Low } from "lowdb";
import { JSONFile } from "lowdb/node";
import { persistedStateSchema, type PersistedState } from "../../domain/ledger/persisted-state.js";

/** state.json exists but cannot be used: start-up stops and points at `mm repair`. */
export class StateFileError extends Error {
  constructor(
    readonly path: string,
    readonly dataDir: string,
    detail: string,
  ) {
    super(`${path} is damaged (${detail}). Run \`mm repair --data-dir ${dataDir}\` to rebuild it from the ledger.`);
  }
}

export type StateDb = Low<PersistedState>;

export function stateDb(path: string, defaults: PersistedState): StateDb {
  return new Low<PersistedState>(new JSONFile<PersistedState>(path), defaults);
}

/** Reads state.json: null when there is none; StateFileError when it does not parse or does not validate. */
export async function readStateFile(path: string, dataDir: string): Promise<PersistedState | null> {
  const db = new Low<unknown>(new JSONFile<unknown>(path), null);
  try {
    await db.read();
  } catch (err) {
    throw new StateFileError(path, dataDir, `not valid JSON: ${(err as Error).message}`);
  }
  if (db.data === null) return null;
  const parsed = persistedStateSchema.safeParse(db.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StateFileError(path, dataDir, `field ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return parsed.data;
}
