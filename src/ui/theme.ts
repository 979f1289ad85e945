// Colours and labels for states shown on screen (Ink drops all colour when chalk's level is 0, e.g. under NO_COLOR).
import type { RiskState } from "../engine/snapshot.js";

export type Colour = "green" | "yellow" | "red" | "cyan" | "gray" | "magenta" | "white" | "blue";

/** The feed state as the header shows it ("backoff" reads as RECONNECTING). */
export function feedLabel(state: string): string {
  return state === "backoff" ? "RECONNECTING" : state.toUpperCase();
}

export function feedColour(state: string): Colour {
  switch (state) {
    case "live":
      return "green";
    case "stale":
    case "backoff":
    case "connecting":
    case "subscribing":
    case "syncing":
      return "yellow";
    case "idle":
    case "stopped":
      return "gray";
    default:
      return "red";
  }
}

export function riskColour(state: RiskState): Colour {
  switch (state) {
    case "ACTIVE":
      return "green";
    case "REDUCING":
      return "yellow";
    case "HALTED":
      return "red";
  }
}

export function levelColour(level: "info" | "warn" | "error"): Colour {
  switch (level) {
    case "info":
      return "cyan";
    case "warn":
      return "yellow";
    case "error":
      return "red";
  }
}

/** Green for gains, red for losses, default for zero. */
export function pnlColour(micro: number): Colour | undefined {
  if (Math.round(micro / 10_000) > 0) return "green";
  if (Math.round(micro / 10_000) < 0) return "red";
  return undefined;
}

/** Usage colour: green below 60%, yellow below 90%, red from 90%. */
export function usageColour(used: number, limit: number): Colour {
  const ratio = limit > 0 ? used / limit : used > 0 ? 1 : 0;
  if (ratio >= 0.9) return "red";
  if (ratio >= 0.6) return "yellow";
  return "green";
}
