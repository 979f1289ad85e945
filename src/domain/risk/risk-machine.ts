// The risk state machine: kill switch (latched), reset, and running checks (daily loss, drawdown, error rate).
import type { MicroUsd } from "../units.js";
import type { RiskLimits } from "./limits.js";
import type { RiskState } from "./risk-state.js";

export type KillKind = "user" | "daily_loss" | "drawdown" | "error_rate";

/** The persisted part: a set latch survives restarts and only an explicit reset clears it. */
export interface KillLatch {
  kind: KillKind;
  reason: string;
  at: number;
}

export interface RiskMachineState {
  state: RiskState;
  reason: string | null;
  latch: KillLatch | null;
  cooldownUntil: number | null;
  peakEquity: MicroUsd | null;
  /** UTC day number (ms / 86400000) the daily loss counts from, and the equity at its start. */
  day: number | null;
  dayStartEquity: MicroUsd | null;
}

export type RiskEvent =
  | { type: "kill"; kind: KillKind; reason: string; now: number }
  | { type: "reset"; force: boolean; equity: MicroUsd; now: number }
  | { type: "evaluate"; equity: MicroUsd; errorsPerMinute: number; now: number };

export type RiskEffect =
  | { type: "cancel_all"; reason: string }
  | { type: "persist" }
  | { type: "changed"; state: RiskState; reason: string | null }
  | { type: "refused"; message: string };

export interface RiskTransition {
  machine: RiskMachineState;
  effects: RiskEffect[];
}

export function initialRisk(latch: KillLatch | null): RiskMachineState {
  return {
    state: latch ? "HALTED" : "ACTIVE",
    reason: latch ? latch.reason : null,
    latch,
    cooldownUntil: null,
    peakEquity: null,
    day: null,
    dayStartEquity: null,
  };
}

const DAY_MS = 86_400_000;

/** The loss limit that is breached at `equity`, if any. */
export function lossBreach(m: RiskMachineState, equity: MicroUsd, limits: RiskLimits): { kind: "daily_loss" | "drawdown"; reason: string } | null {
  if (m.dayStartEquity !== null && m.dayStartEquity - equity >= limits.maxDailyLoss) return { kind: "daily_loss", reason: "daily loss limit (risk.maxDailyLossUsd)" };
  if (m.peakEquity !== null && m.peakEquity - equity >= limits.maxDrawdown) return { kind: "drawdown", reason: "drawdown limit (risk.maxDrawdownUsd)" };
  return null;
}

function halt(m: RiskMachineState, kind: KillKind, reason: string, now: number): RiskTransition {
  if (m.state === "HALTED") return { machine: m, effects: [{ type: "cancel_all", reason }] };
  const machine: RiskMachineState = { ...m, state: "HALTED", reason, latch: { kind, reason, at: now }, cooldownUntil: null };
  return { machine, effects: [{ type: "cancel_all", reason }, { type: "persist" }, { type: "changed", state: "HALTED", reason }] };
}

function trackEquity(m: RiskMachineState, equity: MicroUsd, now: number): RiskMachineState {
  const day = Math.floor(now / DAY_MS);
  const fresh = m.day !== day;
  return {
    ...m,
    day,
    dayStartEquity: fresh ? equity : m.dayStartEquity,
    peakEquity: m.peakEquity === null ? equity : Math.max(m.peakEquity, equity),
  };
}

export function transition(m: RiskMachineState, e: RiskEvent, limits: RiskLimits): RiskTransition {
  switch (e.type) {
    case "kill":
      return halt(m, e.kind, e.reason, e.now);
    case "reset": {
      if (m.state !== "HALTED") return { machine: m, effects: [{ type: "refused", message: `not halted (state ${m.state}); nothing to reset` }] };
      const tracked = trackEquity(m, e.equity, e.now);
      const breach = lossBreach(tracked, e.equity, limits);
      if (breach && !e.force) {
        return { machine: m, effects: [{ type: "refused", message: `${breach.reason} is still breached; fix it or reset with --force to accept the loss so far` }] };
      }
      const machine: RiskMachineState = {
        ...tracked,
        state: "ACTIVE",
        reason: null,
        latch: null,
        cooldownUntil: null,
        // A forced reset accepts the loss so far: the limits count from here.
        peakEquity: e.force ? e.equity : tracked.peakEquity,
        dayStartEquity: e.force ? e.equity : tracked.dayStartEquity,
      };
      return { machine, effects: [{ type: "persist" }, { type: "changed", state: "ACTIVE", reason: null }] };
    }
    case "evaluate": {
      const tracked = trackEquity(m, e.equity, e.now);
      if (tracked.state === "HALTED") return { machine: tracked, effects: [] };
      const breach = lossBreach(tracked, e.equity, limits);
      if (breach) return halt(tracked, breach.kind, breach.reason, e.now);
      if (e.errorsPerMinute >= limits.errorKillPerMinute) return halt(tracked, "error_rate", "error rate limit (risk.errorKillPerMinute)", e.now);
      if (e.errorsPerMinute >= limits.errorCooldownPerMinute) {
        const until = e.now + limits.errorCooldownMs;
        const reason = "error-rate cooldown (risk.errorCooldownPerMinute)";
        const machine: RiskMachineState = { ...tracked, state: "REDUCING", reason, cooldownUntil: until };
        return { machine, effects: tracked.state === "REDUCING" ? [] : [{ type: "changed", state: "REDUCING", reason }] };
      }
      if (tracked.state === "REDUCING" && tracked.cooldownUntil !== null && e.now >= tracked.cooldownUntil) {
        const machine: RiskMachineState = { ...tracked, state: "ACTIVE", reason: null, cooldownUntil: null };
        return { machine, effects: [{ type: "changed", state: "ACTIVE", reason: null }] };
      }
      return { machine: tracked, effects: [] };
    }
  }
}
