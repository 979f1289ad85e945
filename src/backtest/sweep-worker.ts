// A sweep worker thread: runs one backtest per job message and posts its report back.
import { parentPort } from "node:worker_threads";
import { loadSettings } from "../cli/config.js";
import type { MarketDefaults } from "./recording-markets.js";
import { runBacktest } from "./runner.js";

export interface SweepJob {
  index: number;
  file: string;
  configFile?: string;
  sets: string[];
  defaults: MarketDefaults;
}

const port = parentPort;
if (!port) throw new Error("sweep-worker.js runs only as a worker thread of mm backtest --sweep");
port.on("message", (job: SweepJob) => {
  void (async () => {
    try {
      const settings = loadSettings({ configFile: job.configFile, sets: job.sets });
      const { report } = await runBacktest({ path: job.file, settings, defaults: job.defaults });
      port.postMessage({ index: job.index, report });
    } catch (err) {
      port.postMessage({ index: job.index, error: (err as Error).message });
    }
  })();
});
