// Inside a running mm: polls the data dir for kill and resume requests (every 200 ms) and answers them.
import type { Clock, TimerHandle } from "../../ports/clock.js";
import type { Engine } from "../engine.js";
import { controlPaths, takeJson, writeJsonAtomic, type KillReply, type KillRequest, type ResumeReply, type ResumeRequest } from "./control-files.js";

export interface ControlWatcher {
  stop(): void;
}

/** Kill: HALTED at once, then the reply is written when the open orders are gone (or after replyWithinMs). */
export function watchControl(dataDir: string, engine: Engine, clock: Clock, pollMs = 200, replyWithinMs = 700): ControlWatcher {
  const paths = controlPaths(dataDir);
  let busy = false;
  const poll = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      const kill = takeJson<KillRequest>(paths.killRequest);
      if (kill) {
        await engine.command({ type: "kill", reason: kill.reason || "mm kill" });
        const deadline = clock.now() + replyWithinMs;
        while (engine.openOrderCount() > 0 && clock.now() < deadline) await new Promise<void>((r) => clock.setTimeout(r, 25));
        const reply: KillReply = { state: engine.riskState(), openOrders: engine.openOrderCount(), ts: clock.now() };
        writeJsonAtomic(paths.killReply, reply);
      }
      const resume = takeJson<ResumeRequest>(paths.resumeRequest);
      if (resume) {
        const r = await engine.command({ type: "resume", force: resume.force === true });
        const reply: ResumeReply = { ok: r.ok, message: r.message, state: engine.riskState(), ts: clock.now() };
        writeJsonAtomic(paths.resumeReply, reply);
      }
    } finally {
      busy = false;
    }
  };
  const timer: TimerHandle = clock.setInterval(() => void poll(), pollMs);
  return { stop: () => clock.clearInterval(timer) };
}
