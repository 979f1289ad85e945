// `mm kill [--data-dir DIR]`: halts the mm running on that data dir within a second, or latches HALTED for the next start.
import type { CommandModule } from "yargs";
import { systemClock } from "../../adapters/clock/system-clock.js";
import { openFileStore } from "../../adapters/store/file-store.js";
import { StateFileError } from "../../adapters/store/state-file.js";
import { controlPaths, runningPid, takeJson, waitFor, writeJsonAtomic, type KillReply } from "../../engine/control/control-files.js";
import { loadSettings } from "../config.js";
import { UserError } from "../errors.js";
import { stderrLogger } from "./run.js";

interface KillArgs {
  dataDir: string;
  reason: string;
}

export const killCommand: CommandModule<object, KillArgs> = {
  command: "kill",
  describe: "Kill switch: halt the mm running on --data-dir (all orders cancelled); latched until `mm resume`",
  builder: (y) =>
    y
      .option("data-dir", { type: "string", default: "./data", describe: "The data dir of the mm to halt" })
      .option("reason", { type: "string", default: "mm kill", describe: "Reason recorded with the halt" }) as never,
  handler: async (args) => {
    const paths = controlPaths(args.dataDir);
    const pid = runningPid(args.dataDir);
    if (pid !== null) {
      takeJson(paths.killReply);
      const sent = Date.now();
      writeJsonAtomic(paths.killRequest, { reason: args.reason, ts: sent });
      const reply = await waitFor(() => takeJson<KillReply>(paths.killReply), 3000);
      if (!reply) throw new UserError(`mm (pid ${pid}) on ${args.dataDir} did not answer the kill request within 3 s; stop it with Ctrl+C or kill ${pid}`);
      process.stdout.write(`mm (pid ${pid}) is ${reply.state} after ${Date.now() - sent} ms: ${reply.openOrders} open orders. Clear it with \`mm resume --data-dir ${args.dataDir}\`.\n`);
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
    if (store.state().risk.state !== "HALTED") store.recordRisk({ state: "HALTED", reason: args.reason });
    await store.close();
    process.stdout.write(`No mm is running on ${args.dataDir}; the kill switch is latched in state.json: the next start comes back HALTED.\n`);
  },
};
