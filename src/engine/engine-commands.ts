// What each user command does to a running engine (kill, resume, pause, spread and size nudges, stop) and the line it answers with.
import type { QuoteParams } from "../domain/quoting/params.js";
import type { RiskManager } from "./risk-manager.js";
import type { CommandResult, EngineCommand } from "./snapshot.js";

/** The parts of the engine a command may touch. */
export interface CommandContext {
  risk: RiskManager;
  equity(): number;
  params: QuoteParams;
  setParams(params: QuoteParams): void;
  setPaused(paused: boolean): void;
  /** Asks every market for a requote (or a pull). */
  requestAll(): void;
  stop(): Promise<void>;
}

export async function runEngineCommand(cmd: EngineCommand, c: CommandContext): Promise<CommandResult> {
  switch (cmd.type) {
    case "kill":
      c.risk.kill(cmd.reason);
      return { ok: true, message: `HALTED (${cmd.reason}): every open order cancelled` };
    case "resume":
      return c.risk.reset(cmd.force, c.equity());
    case "pause":
      c.setPaused(true);
      c.requestAll();
      return { ok: true, message: "paused: quotes pulled, feed still running" };
    case "unpause":
      c.setPaused(false);
      c.requestAll();
      return { ok: true, message: "quoting resumed" };
    case "adjust_spread": {
      const h = Math.max(0.5, Math.min(100, c.params.halfSpreadTicks + cmd.deltaTicks));
      c.setParams({ ...c.params, halfSpreadTicks: h });
      c.requestAll();
      return { ok: true, message: `half-spread ${h} ticks` };
    }
    case "adjust_size": {
      const step = Math.max(10_000, Math.round(c.params.orderSize / 40_000) * 10_000);
      const size = Math.max(10_000, c.params.orderSize + cmd.direction * step);
      c.setParams({ ...c.params, orderSize: size });
      c.requestAll();
      return { ok: true, message: `order size ${size / 1_000_000} shares` };
    }
    case "stop":
      await c.stop();
      return { ok: true, message: "stopped: orders cancelled, state flushed" };
  }
}
