// What `mm inspect` and `mm backtest` share about their recording argument: the file check, the --tick-size flag and read failures as messages.
import { statSync } from "node:fs";
import { PRICE_SCALE, parsePrice } from "../domain/units.js";
import { UserError } from "./errors.js";

/** Fails with the fix unless `file` is an existing file; `command` names the example (e.g. "inspect"). */
export function checkRecordingFile(file: string, command: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch {
    throw new UserError(`${file} does not exist; pass the path of a recording (JSON Lines), e.g. mm ${command} data/session.jsonl`, 2);
  }
  if (!isFile) throw new UserError(`${file} is not a file; pass the path of a recording (JSON Lines)`, 2);
}

/** --tick-size as the exchange writes it (e.g. 0.01), in pips. */
export function parseTickSizeFlag(text: string): number {
  const tick = parsePrice(text);
  if (tick === null || tick <= 0 || tick >= PRICE_SCALE) throw new UserError(`--tick-size ${JSON.stringify(text)} is not a tick size; pass it as the exchange writes it, e.g. --tick-size 0.01`, 2);
  return tick;
}

/** A failure while reading the recording, as the error to throw: unreadable file or bad meta line become messages; anything else stays a bug. */
export function recordingReadError(file: string, err: unknown): unknown {
  if (typeof (err as NodeJS.ErrnoException).code === "string") return new UserError(`could not read ${file}: ${(err as Error).message}`, 2);
  if (err instanceof Error && err.message.startsWith("the recording's meta line")) return new UserError(`${file}: ${err.message}`, 2);
  return err;
}
