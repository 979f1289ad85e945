// Pure policy for the live gateway's failures: classify an error, decide retry and backoff, and gate order traffic after 425/429.

/** What went wrong with one request, as far as the retry policy cares. */
export type ErrorClass =
  | { kind: "restarting" } // HTTP 425: the matching engine is restarting
  | { kind: "rate_limited" } // HTTP 429
  | { kind: "server"; status: number } // 5xx
  | { kind: "timeout" }
  | { kind: "network"; detail: string } // refused, reset, DNS: the request may not have arrived
  | { kind: "auth"; status: number } // 401/403: credentials wrong
  | { kind: "tick_size" } // price off the market's tick grid
  | { kind: "post_only_cross" } // a post-only order would have crossed
  | { kind: "balance" } // not enough balance or allowance
  | { kind: "rejected"; status: number | null }; // any other refusal of this request

export interface ErrorFacts {
  status?: number | null;
  message: string;
  /** Our own timer fired before the exchange answered. */
  timedOut?: boolean;
}

const NETWORK = /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|EPIPE|socket hang up|Network Error/i;

export function classifyError(facts: ErrorFacts): ErrorClass {
  const msg = facts.message;
  if (facts.timedOut || /ETIMEDOUT|ECONNABORTED|timeout of \d+ms exceeded/i.test(msg)) return { kind: "timeout" };
  const status = facts.status ?? null;
  if (status === 425) return { kind: "restarting" };
  if (status === 429) return { kind: "rate_limited" };
  if (status !== null && status >= 500) return { kind: "server", status };
  if (status === 401 || status === 403) return { kind: "auth", status };
  if (/MIN_TICK_SIZE|invalid tick size|tick size|breaks minimum tick/i.test(msg)) return { kind: "tick_size" };
  if (/INVALID_POST_ONLY_ORDER|post[- ]only.*cross|would cross/i.test(msg)) return { kind: "post_only_cross" };
  if (/not enough balance|allowance|insufficient/i.test(msg)) return { kind: "balance" };
  if (status === null && NETWORK.test(msg)) return { kind: "network", detail: msg };
  return { kind: "rejected", status };
}

/** The errors worth sending the same request again for. */
export function isTransient(cls: ErrorClass): boolean {
  switch (cls.kind) {
    case "server":
    case "timeout":
    case "network":
    case "rate_limited":
      return true;
    case "restarting":
    case "auth":
    case "tick_size":
    case "post_only_cross":
    case "balance":
    case "rejected":
      return false;
  }
}

/** A refusal that only means "not now" (the exchange restarting, or rate limiting): the order is not wrong, so it is no error. */
export function isBackoff(cls: ErrorClass): boolean {
  return cls.kind === "restarting" || cls.kind === "rate_limited";
}

/**
 * A post-only GTC/GTD order refused because it would have crossed: the book moved between quote and arrival (normal market
 * making), so, like a backoff, it is no error. (A post-only FOK/FAK is refused with the same code, and that is a real error.)
 */
export function isPostOnlyCross(cls: ErrorClass, req: { postOnly: boolean; type: string }): boolean {
  return cls.kind === "post_only_cross" && req.postOnly && (req.type === "GTC" || req.type === "GTD");
}

export interface BackoffSettings {
  maxRetries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  postOnlyWindowMs: number;
}

/** Exponential backoff with jitter: base x 2^attempt, capped, times a factor in [0.5, 1) from `random` in [0, 1). */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: number): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.max(1, Math.round(raw * (0.5 + random / 2)));
}

export interface RetryDecision {
  retry: boolean;
  delayMs: number;
  /** Counts toward the engine's error-rate limit (only failures after retries, and credential failures). */
  countsAsError: boolean;
}

/** After the `attempt`-th failure (0-based) of an idempotent request: retry, after how long, and whether it is an error. */
export function decideRetry(cls: ErrorClass, attempt: number, s: BackoffSettings, random: number): RetryDecision {
  const delayMs = backoffMs(attempt, s.backoffBaseMs, s.backoffMaxMs, random);
  if (isTransient(cls) && attempt < s.maxRetries) return { retry: true, delayMs, countsAsError: false };
  switch (cls.kind) {
    case "server":
    case "timeout":
    case "network":
    case "auth":
      return { retry: false, delayMs: 0, countsAsError: true };
    case "rate_limited":
    case "restarting":
    case "tick_size":
    case "post_only_cross":
    case "balance":
    case "rejected":
      return { retry: false, delayMs: 0, countsAsError: false };
  }
}

/** Whether order traffic may flow: paused after 425/429, post-only only for a while after a 425. */
export interface GateState {
  pausedUntil: number;
  pauseReason: string | null;
  postOnlyUntil: number;
  /** Consecutive 425s / 429s: each one doubles the pause. */
  strikes: number;
}

export const openGate: GateState = { pausedUntil: 0, pauseReason: null, postOnlyUntil: 0, strikes: 0 };

/** The 425 pause starts at a second (the restart takes ~90 s; we probe with doubling pauses). */
const RESTART_PAUSE_BASE_MS = 1000;

export function gateAfterError(gate: GateState, cls: ErrorClass, now: number, s: BackoffSettings, random: number): GateState {
  switch (cls.kind) {
    case "restarting": {
      const pause = backoffMs(gate.strikes, Math.max(RESTART_PAUSE_BASE_MS, s.backoffBaseMs), s.backoffMaxMs, random);
      return {
        pausedUntil: now + pause,
        pauseReason: "exchange restarting (HTTP 425)",
        postOnlyUntil: now + pause + s.postOnlyWindowMs,
        strikes: gate.strikes + 1,
      };
    }
    case "rate_limited": {
      const pause = backoffMs(gate.strikes, s.backoffBaseMs, s.backoffMaxMs, random);
      return { ...gate, pausedUntil: now + pause, pauseReason: "rate limited (HTTP 429)", strikes: gate.strikes + 1 };
    }
    case "server":
    case "timeout":
    case "network":
    case "auth":
    case "tick_size":
    case "post_only_cross":
    case "balance":
    case "rejected":
      return gate;
  }
}

/** An answer from the order endpoints ends the pause streak (the post-only window stays). */
export function gateAfterSuccess(gate: GateState): GateState {
  return gate.strikes === 0 && gate.pauseReason === null ? gate : { ...gate, strikes: 0, pauseReason: null };
}

export type GateCheck = { ok: true } | { ok: false; reason: string; retryAt: number };

export function checkGate(gate: GateState, now: number, postOnly: boolean): GateCheck {
  if (now < gate.pausedUntil) return { ok: false, reason: `${gate.pauseReason ?? "paused"}; backing off ${gate.pausedUntil - now} ms`, retryAt: gate.pausedUntil };
  if (!postOnly && now < gate.postOnlyUntil) return { ok: false, reason: "only post-only orders are accepted after an exchange restart", retryAt: gate.postOnlyUntil };
  return { ok: true };
}
