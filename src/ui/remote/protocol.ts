// The messages between the engine's thread (host side) and the screen's worker thread, which renders the dashboard off the engine's event loop.
import type { MarketInfo } from "../../domain/market.js";
import type { CommandResult, EngineCommand, EngineSnapshot } from "../../engine/snapshot.js";

/** A DashboardHost or EngineHandle call the screen makes; `engine` names a handle the host side opened. */
export type HostCall =
  | { method: "listMarkets" }
  | { method: "resolveMarket"; ref: string }
  | { method: "openMarket"; market: MarketInfo }
  | { method: "closeMarket" }
  | { method: "startDemo" }
  | { method: "shutdown" }
  | { method: "command"; engine: number; command: EngineCommand };

/** What each call resolves with. */
export interface HostResults {
  listMarkets: MarketInfo[];
  resolveMarket: MarketInfo;
  openMarket: { engine: number; snapshot: EngineSnapshot };
  closeMarket: null;
  startDemo: null;
  shutdown: null;
  command: CommandResult;
}

/** Screen -> host. */
export type ScreenMessage =
  | { type: "call"; id: number; call: HostCall }
  | { type: "force_exit" }
  /** The screen listens to (or stops listening to) an engine's snapshots. */
  | { type: "watch"; engine: number; on: boolean }
  /** Read a fresh snapshot now (after a user command). */
  | { type: "refresh"; engine: number }
  /** What the last frame cost the screen, ms (the host's poller slows down when frames are costly). */
  | { type: "frame_cost"; engine: number; ms: number }
  | { type: "stdout"; data: string }
  | { type: "raw_mode"; on: boolean }
  /** The UI ended: normally (error null) or with the error that ended it. */
  | { type: "exit"; error: { message: string; stack: string | null } | null };

/** Host -> screen. */
export type HostMessage =
  | { type: "reply"; id: number; ok: true; value: HostResults[HostCall["method"]]; source: string }
  | { type: "reply"; id: number; ok: false; error: string; source: string }
  | { type: "snapshot"; engine: number; snapshot: EngineSnapshot }
  | { type: "stdin"; data: string }
  | { type: "resize"; columns: number; rows: number }
  | { type: "unmount" };

/** What the worker starts with. */
export interface ScreenInit {
  marketRef: string | null;
  source: string;
  columns: number;
  rows: number;
  /** chalk's colour level on the real terminal (a worker cannot detect it: NO_COLOR and friends are decided by the host). */
  colorLevel: 0 | 1 | 2 | 3;
}

/** The half of a MessagePort (or a worker's parentPort) each side uses. */
export interface Port<In, Out> {
  postMessage(message: Out): void;
  on(event: "message", listener: (message: In) => void): unknown;
  off(event: "message", listener: (message: In) => void): unknown;
}
