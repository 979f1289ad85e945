// What `mm kill` does: asks the running mm to halt and reports its answer, or latches HALTED in state.json when none runs.
import { controlPaths, runningPid, type KillReply } from "../../engine/control/control-files.js";
import type { KillArgs } from "../commands/kill.js";
import { UserError } from "../errors.js";
import { askRunning, openIdleStore } from "./ask-running.js";

export async function handleKill(args: KillArgs): Promise<void> {
  const paths = controlPaths(args.dataDir);
  const pid = runningPid(args.dataDir);
  if (pid !== null) {
    const sent = Date.now();
    const reply = await askRunning<KillReply>({ request: paths.killRequest, reply: paths.killReply }, { reason: args.reason, ts: sent });
    if (!reply) throw new UserError(`mm (pid ${pid}) on ${args.dataDir} did not answer the kill request within 3 s; stop it with Ctrl+C or kill ${pid}`);
    process.stdout.write(`mm (pid ${pid}) is ${reply.state} after ${Date.now() - sent} ms: ${reply.openOrders} open orders. Clear it with \`mm resume --data-dir ${args.dataDir}\`.\n`);
    return;
  }
  const store = await openIdleStore(args.dataDir);
  if (store.state().risk.state !== "HALTED") store.recordRisk({ state: "HALTED", reason: args.reason });
  await store.close();
  process.stdout.write(`No mm is running on ${args.dataDir}; the kill switch is latched in state.json: the next start comes back HALTED.\n`);
}
