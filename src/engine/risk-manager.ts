// The engine's risk manager: runs the risk machine's effects, counts errors, tracks per-market gates, persists the latch.
import type { MarketInfo } from "../domain/market.js";
import type { MicroUsd } from "../domain/units.js";
import type { RiskLimits } from "../domain/risk/limits.js";
import { ErrorWindow } from "../domain/risk/error-window.js";
import { effectiveState, marketGate, type MarketGate, type RiskState } from "../domain/risk/risk-state.js";
import { initialRisk, transition, type KillKind, type KillLatch, type RiskEvent, type RiskMachineState } from "../domain/risk/risk-machine.js";
import type { RiskLatch } from "../domain/ledger/ledger-state.js";
import type { Clock } from "../ports/clock.js";
import type { Store } from "../ports/store.js";
import type { EngineEvent } from "./engine-events.js";
import type { CommandResult } from "./snapshot.js";

export interface RiskManagerDeps {
  limits: RiskLimits;
  clock: Clock;
  store: Store;
  emit(event: EngineEvent): void;
  /** The kill switch fired: cancel every open order now. */
  cancelAll(reason: string): void;
  /** The state changed: every market requotes under it. */
  changed(): void;
}

/** The kind of a persisted latch, from the setting its reason names (a user kill names none). */
export function latchOf(persisted: RiskLatch, at: number): KillLatch | null {
  if (persisted.state !== "HALTED") return null;
  const reason = persisted.reason ?? "halted";
  const kind: KillKind = /maxDailyLossUsd/.test(reason) ? "daily_loss" : /maxDrawdownUsd/.test(reason) ? "drawdown" : /errorKillPerMinute/.test(reason) ? "error_rate" : "user";
  return { kind, reason, at };
}

export class RiskManager {
  private m: RiskMachineState;
  private readonly errors = new ErrorWindow();
  private readonly gates = new Map<string, MarketGate>();

  constructor(
    private readonly deps: RiskManagerDeps,
    persisted: RiskLatch,
    seed: { peakEquity: MicroUsd | null; dayStartEquity: MicroUsd | null },
  ) {
    const now = deps.clock.now();
    this.m = { ...initialRisk(latchOf(persisted, now)), peakEquity: seed.peakEquity, dayStartEquity: seed.dayStartEquity, day: seed.dayStartEquity === null ? null : Math.floor(now / 86_400_000) };
  }

  get state(): RiskState {
    return this.m.state;
  }

  get reason(): string | null {
    return this.m.reason;
  }

  halted(): boolean {
    return this.m.state === "HALTED";
  }

  machine(): Readonly<RiskMachineState> {
    return this.m;
  }

  /** The account was opened again (a live session rebased on the exchange): peak and day-start equity restart from the next evaluation. */
  rebase(): void {
    this.m = { ...this.m, peakEquity: null, day: null, dayStartEquity: null };
  }

  errorsPerMinute(): number {
    return this.errors.count(this.deps.clock.now());
  }

  recordError(): void {
    this.errors.record(this.deps.clock.now());
  }

  kill(reason: string): void {
    this.run({ type: "kill", kind: "user", reason, now: this.deps.clock.now() });
  }

  reset(force: boolean, equity: MicroUsd): CommandResult {
    const refused = this.run({ type: "reset", force, equity, now: this.deps.clock.now() });
    return refused === null ? { ok: true, message: force ? "kill switch reset (forced): ACTIVE" : "kill switch reset: ACTIVE" } : { ok: false, message: refused };
  }

  evaluate(equity: MicroUsd): void {
    const now = this.deps.clock.now();
    this.run({ type: "evaluate", equity, errorsPerMinute: this.errors.count(now), now });
  }

  /** Recomputes a market's gate (end date, resolution); true when it changed. */
  updateGate(market: MarketInfo, resolved: boolean): boolean {
    const now = this.deps.clock.now();
    const gate = marketGate(market, resolved, this.deps.limits.reduceBeforeEndMs, now);
    const before = this.gates.get(market.conditionId);
    this.gates.set(market.conditionId, gate);
    if (before && before.mode === gate.mode) return false;
    if (!before && gate.mode === "normal") return false;
    const state = gate.mode === "normal" ? "ACTIVE" : gate.mode === "reduce" ? "REDUCING" : "HALTED";
    this.deps.emit({ type: "risk", state, reason: gate.reason, market: market.slug, ts: now });
    return true;
  }

  /** The state a market's orders are checked under. */
  stateFor(conditionId: string): RiskState {
    return effectiveState(this.m.state, this.gates.get(conditionId) ?? { mode: "normal", reason: null });
  }

  /** Returns the refusal message, or null when the event was applied. */
  private run(event: RiskEvent): string | null {
    const before = this.m.state;
    const { machine, effects } = transition(this.m, event, this.deps.limits);
    this.m = machine;
    let refused: string | null = null;
    for (const effect of effects) {
      switch (effect.type) {
        case "cancel_all":
          this.deps.cancelAll(effect.reason);
          break;
        case "persist":
          void this.deps.store.flush();
          break;
        case "changed":
          this.deps.store.recordRisk({ state: effect.state, reason: effect.reason });
          this.deps.emit({ type: "risk", state: effect.state, reason: effect.reason, market: null, ts: event.now });
          break;
        case "refused":
          refused = effect.message;
          break;
      }
    }
    if (machine.state !== before) this.deps.changed();
    return refused;
  }
}
