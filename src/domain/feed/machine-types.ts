// The feed connection state machine's states, input events and output effects (one WebSocket connection and its tokens).

export type FeedPhase = "idle" | "connecting" | "syncing" | "live" | "stale" | "backoff" | "stopped";

/** unsynced: waiting for a snapshot; synced: the book follows the stream; resolved: the exchange has no book for it any more. */
export type TokenSync = "unsynced" | "synced" | "resolved";

export interface TokenState {
  sync: TokenSync;
  /** When the snapshot for this token was last requested (subscribe or resync), null when none is pending. */
  requestedAt: number | null;
}

/** The timing settings the machine needs (a subset of FeedSettings). */
export interface FeedTimings {
  pingMs: number;
  pongTimeoutMs: number;
  staleMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  stableResetMs: number;
  connectTimeoutMs: number;
  restFallbackAfterMs: number;
}

export interface FeedMachineState {
  readonly timings: FeedTimings;
  readonly phase: FeedPhase;
  readonly reason: string;
  /** When the current phase was entered. */
  readonly since: number;
  /** Consecutive failed connection attempts (reset after a stable period). */
  readonly attempt: number;
  /** When the socket was opened (null while down). */
  readonly openedAt: number | null;
  /** When the socket went down (or the feed started), null while connected. */
  readonly downSince: number | null;
  /** Last frame or PONG on the current connection. */
  readonly lastFrameAt: number | null;
  /** A PING awaiting its PONG. */
  readonly pingSentAt: number | null;
  readonly restFallback: boolean;
  readonly tokens: ReadonlyMap<string, TokenState>;
}

export type FeedTimer = "ping" | "pong" | "reconnect" | "connect" | "watchdog" | "stable" | "rest_fallback";

/** Every event carries the time it happened; those that may schedule a reconnect carry a random number in [0, 1) for the jitter. */
export type FeedMachineEvent =
  | { type: "start"; now: number }
  | { type: "stop"; now: number; reason: string }
  | { type: "open"; now: number }
  | { type: "close"; now: number; code: number; reason: string; rand: number }
  | { type: "error"; now: number; message: string; rand: number }
  /** Any frame received (valid or not): the connection is alive. */
  | { type: "frame"; now: number }
  | { type: "pong"; now: number }
  | { type: "timer"; now: number; timer: FeedTimer; rand: number }
  /** A fresh snapshot for the token was applied. */
  | { type: "snapshot"; now: number; token: string }
  /** The token's book disagrees with the exchange (top check, unknown-token delta, hash, REST spot check). */
  | { type: "desync"; now: number; token: string; reason: string }
  /** tick_size_change: a new epoch, the book is void until a fresh snapshot. */
  | { type: "epoch"; now: number; token: string }
  /** The server answered a subscription with `[]`: the pending tokens have no book (settled). */
  | { type: "no_books"; now: number }
  | { type: "resolved"; now: number; tokens: string[] }
  | { type: "subscribe"; now: number; tokens: string[] }
  | { type: "unsubscribe"; now: number; tokens: string[] };

export type FeedEffect =
  | { type: "connect" }
  | { type: "close"; code: number; reason: string }
  /** initial: the opening subscription of a connection; otherwise an `operation: subscribe` on the open socket. */
  | { type: "subscribe"; tokens: string[]; initial: boolean }
  | { type: "unsubscribe"; tokens: string[] }
  /** Fetch a fresh snapshot for this token alone (the others keep streaming). */
  | { type: "resync"; token: string; reason: string }
  | { type: "ping" }
  | { type: "start_timer"; timer: FeedTimer; ms: number; repeat: boolean }
  | { type: "stop_timer"; timer: FeedTimer }
  /** These tokens' books are no longer in sync: mark them so until a snapshot arrives. */
  | { type: "invalidate"; tokens: string[]; reason: string }
  | { type: "rest_fallback"; active: boolean }
  /** The phase or its reason changed (emit a health/state line). */
  | { type: "phase"; phase: FeedPhase; reason: string };

export interface Transition {
  state: FeedMachineState;
  effects: FeedEffect[];
}
