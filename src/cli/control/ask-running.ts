// `mm kill` / `mm resume` talking to the mm running on a data dir: drop a stale reply, write the request, wait for the answer.
import { takeJson, waitFor, writeJsonAtomic } from "../../engine/control/control-files.js";
import { systemClock } from "../../adapters/clock/system-clock.js";
import type { FileStore } from "../../adapters/store/file-store.js";
import { loadSettings } from "../config.js";
import { stderrLogger } from "../loggers.js";
import { openStore } from "../session/open-store.js";

/** How long the running mm has to answer (its control watcher polls every 200 ms). */
export const REPLY_WITHIN_MS = 3000;

/** The running mm's reply to `request`, or null when none came within REPLY_WITHIN_MS. */
export async function askRunning<T>(paths: { request: string; reply: string }, request: unknown): Promise<T | null> {
  takeJson(paths.reply);
  writeJsonAtomic(paths.request, request);
  return waitFor(() => takeJson<T>(paths.reply), REPLY_WITHIN_MS);
}

/** The account on a data dir no mm is running on, to change its kill-switch latch directly. */
export function openIdleStore(dataDir: string): Promise<FileStore> {
  return openStore(dataDir, loadSettings(), systemClock(), stderrLogger);
}
