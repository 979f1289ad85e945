// The risk states of ARCHITECTURE.md rule 5, per-market gates (end date, resolution) and how they combine.
import type { MarketInfo } from "../market.js";

/** ACTIVE: quote freely; REDUCING: only orders that shrink inventory; HALTED: no new order, cancel all (latched). */
export type RiskState = "ACTIVE" | "REDUCING" | "HALTED";

export type MarketGate = { mode: "normal"; reason: null } | { mode: "reduce"; reason: string } | { mode: "stop"; reason: string };

/** A resolved or closed market stops; one within `reduceBeforeEndMs` of its end date only reduces. */
export function marketGate(market: MarketInfo, resolved: boolean, reduceBeforeEndMs: number, now: number): MarketGate {
  if (resolved || market.closed) return { mode: "stop", reason: "market resolved" };
  if (market.endDate !== null) {
    const end = Date.parse(market.endDate);
    if (Number.isFinite(end) && end - now <= reduceBeforeEndMs) return { mode: "reduce", reason: "market near its end date (risk.reduceBeforeEndMs)" };
  }
  return { mode: "normal", reason: null };
}

/** The state one market's orders are checked under: the worse of the global state and its gate. */
export function effectiveState(global: RiskState, gate: MarketGate): RiskState {
  if (global === "HALTED" || gate.mode === "stop") return "HALTED";
  if (global === "REDUCING" || gate.mode === "reduce") return "REDUCING";
  return "ACTIVE";
}
