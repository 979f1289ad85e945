// Loads the paper account from --data-dir for the read-only commands, turning store failures into messages a user can act on.
import { existsSync } from "node:fs";
import { recover, type Recovered } from "../../adapters/store/recovery.js";
import { StateFileError } from "../../adapters/store/state-file.js";
import { UserError } from "../errors.js";

export async function loadAccount(dataDir: string): Promise<Recovered> {
  if (!existsSync(dataDir)) throw new UserError(`data directory ${dataDir} does not exist; pass the --data-dir that \`mm run\` used.`);
  let recovered: Recovered;
  try {
    recovered = await recover(dataDir, 0);
  } catch (err) {
    if (err instanceof StateFileError) throw new UserError(err.message);
    throw new UserError(`cannot read the ledger: ${(err as Error).message}. Fix or remove the bad line, then run \`mm repair --data-dir ${dataDir}\`.`);
  }
  if (recovered.fresh) throw new UserError(`${dataDir} holds no account yet (no state.json or ledger.jsonl); start one with \`mm run\`, or pass the right --data-dir.`);
  for (const w of recovered.warnings) process.stderr.write(`mm: warning: ${w}\n`);
  return recovered;
}
