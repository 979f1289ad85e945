// Opens the account store on --data-dir with the dry-run settings; a damaged state file becomes a message with the fix.
import { openFileStore, type FileStore } from "../../adapters/store/file-store.js";
import { StateFileError } from "../../adapters/store/state-file.js";
import type { Settings } from "../../domain/settings/schema.js";
import { USD_SCALE } from "../../domain/units.js";
import type { Clock } from "../../ports/clock.js";
import type { Logger } from "../../ports/logger.js";
import { UserError } from "../errors.js";

export async function openStore(dataDir: string, settings: Settings, clock: Clock, logger: Logger): Promise<FileStore> {
  try {
    return await openFileStore({
      dataDir,
      clock,
      logger,
      startingCash: Math.round(settings.dryRun.startingBalance * USD_SCALE),
      stateWriteMs: settings.dryRun.stateWriteMs,
      equityCurvePoints: settings.dryRun.equityCurvePoints,
    });
  } catch (err) {
    if (err instanceof StateFileError) throw new UserError(err.message, 2);
    throw err;
  }
}
