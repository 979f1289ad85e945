// `mm resume [--force] [--data-dir DIR]`: clears the kill-switch latch (refused while a loss limit is breached, unless --force).
import type { CommandModule } from "yargs";
import { systemClock } from "../../adapters/clock/system-clock.js";
import { openFileStore } from "../../adapters/store/file-store.js";
import { StateFileError } from "../../adapters/store/state-file.js";
import { controlPaths, runningPid, takeJson, waitFor, writeJsonAtomic, type ResumeReply } from "../../engine/control/control-files.js";
import { latchOf } from "../../engine/risk-manager.js";
import { loadSettings } from "../config.js";
import { UserError } from "../errors.js";
import { stderrLogger } from "./run.js";

interface ResumeArgs {
  dataDir: string;
  force: boolean;
}

export const resumeCommand: CommandModule<object, ResumeArgs> = {
  command: "resume",
  describe: "Clear the kill switch of the mm on --data-dir (refused while a loss limit is still breached, unless --force)",
  builder: (y) =>
    y
      .option("data-dir", { type: "string", default: "./data", describe: "The data dir of the mm to resume" })
      .option("force", { type: "boolean", default: false, describe: "Reset even though a loss limit is still breached (accepts the loss so far)" }) as never,
  handler: async (args) => {
    const paths = controlPaths(args.dataDir);
    const pid = runningPid(args.dataDir);
    if (pid !== null) {
      takeJson(paths.resumeReply);
      writeJsonAtomic(paths.resumeRequest, { force: args.force, ts: Date.now() });
      const reply = await waitFor(() => takeJson<ResumeReply>(paths.resumeReply), 3000);
      if (!reply) throw new UserError(`mm (pid ${pid}) on ${args.dataDir} did not answer the resume request within 3 s`);
      if (!reply.ok) throw new UserError(`mm (pid ${pid}): resume refused: ${reply.message}`);
      process.stdout.write(`mm (pid ${pid}): ${reply.message}\n`);
      return;
    }
    const settings = loadSettings();
    let store;
    try {
      store = await openFileStore({ dataDir: args.dataDir, clock: systemClock(), logger: stderrLogger, startingCash: Math.round(settings.dryRun.startingBalance * 1e6), stateWriteMs: settings.dryRun.stateWriteMs, equityCurvePoints: settings.dryRun.equityCurvePoints });
    } catch (err) {
      if (err instanceof StateFileError) throw new UserError(err.message, 2);
      throw err;
    }
    try {
      const latch = latchOf(store.state().risk, Date.now());
      if (!latch) {
        process.stdout.write(`The kill switch on ${args.dataDir} is not set (state ${store.state().risk.state}); nothing to resume.\n`);
        return;
      }
      if ((latch.kind === "daily_loss" || latch.kind === "drawdown") && !args.force) {
        throw new UserError(`Refused: the halt came from a loss limit (${latch.reason}); no mm is running to re-check it. Use \`mm resume --force\` to accept the loss so far.`);
      }
      store.recordRisk({ state: "ACTIVE", reason: null });
      process.stdout.write(`Kill switch cleared on ${args.dataDir} (was: ${latch.reason}); the next start quotes.\n`);
    } finally {
      await store.close();
    }
  },
};
