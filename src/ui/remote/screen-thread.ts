// Starts the dashboard on a worker thread (Ink's frame costs tens of ms: drawn there, it never stalls the engine's loop) and serves it.
import { Worker } from "node:worker_threads";
import type { Clock } from "../../ports/clock.js";
import type { DashboardHost } from "../host.js";
import type { ScreenInit, ScreenMessage } from "./protocol.js";
import { serveScreen, type ScreenTerminal } from "./serve-screen.js";

export interface ScreenThreadOptions {
  host: DashboardHost;
  clock: Clock;
  /** `--market X`: skip the picker. */
  marketRef: string | null;
  terminal: ScreenTerminal;
  /** chalk's level on the real terminal (after NO_COLOR). */
  colorLevel: ScreenInit["colorLevel"];
  /** Snapshot refresh period, ms (default ~5 Hz). */
  refreshMs?: number;
}

/** The running screen, as Ink's render() instance looks to superviseUi. */
export interface ScreenThread {
  /** Resolves when the UI exits; rejects with the error that ended it (a crash inside React, or the thread dying). */
  waitUntilExit(): Promise<void>;
  unmount(): void;
}

export function startScreenThread(o: ScreenThreadOptions): ScreenThread {
  const { stdout } = o.terminal;
  const init: ScreenInit = { marketRef: o.marketRef, source: o.host.source(), columns: stdout.columns ?? 80, rows: stdout.rows ?? 24, colorLevel: o.colorLevel };
  // The parent's NODE_ENV (production unless set) is copied into the worker's environment here.
  const worker = new Worker(new URL("./screen-worker.js", import.meta.url), { workerData: init });
  const served = serveScreen(worker, o.host, o.terminal, o.clock, o.refreshMs);
  let ended = false;
  const exited = new Promise<void>((resolve, reject) => {
    worker.on("message", (m: ScreenMessage) => {
      if (m.type !== "exit") return;
      ended = true;
      if (m.error === null) resolve();
      else {
        const err = new Error(m.error.message);
        if (m.error.stack !== null) err.stack = m.error.stack;
        reject(err);
      }
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the dashboard's screen thread stopped (exit code ${code}) before the UI ended`)));
  }).finally(() => {
    served.stop();
    void worker.terminate();
  });
  return {
    waitUntilExit: () => exited,
    unmount() {
      if (!ended) worker.postMessage({ type: "unmount" });
    },
  };
}
