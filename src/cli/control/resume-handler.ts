// What `mm resume` does: asks the running mm to clear its kill switch, or clears the latch in state.json when none runs (loss limits need --force).
import { controlPaths, runningPid, type ResumeReply } from "../../engine/control/control-files.js";
import { latchOf } from "../../engine/risk-manager.js";
import type { ResumeArgs } from "../commands/resume.js";
import { UserError } from "../errors.js";
import { askRunning, openIdleStore } from "./ask-running.js";

export async function handleResume(args: ResumeArgs): Promise<void> {
  const paths = controlPaths(args.dataDir);
  const pid = runningPid(args.dataDir);
  if (pid !== null) {
    const reply = await askRunning<ResumeReply>({ request: paths.resumeRequest, reply: paths.resumeReply }, { force: args.force, ts: Date.now() });
    if (!reply) throw new UserError(`mm (pid ${pid}) on ${args.dataDir} did not answer the resume request within 3 s`);
    if (!reply.ok) throw new UserError(`mm (pid ${pid}): resume refused: ${reply.message}`);
    process.stdout.write(`mm (pid ${pid}): ${reply.message}\n`);
    return;
  }
  const store = await openIdleStore(args.dataDir);
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
}
