// The feed connection state machine: transition(state, event) -> {state, effects}; a shell runs the effects on a clock.
import { backoffDelay } from "./backoff.js";
import { closeMeaning, describeClose } from "./close-codes.js";
import type { FeedEffect, FeedMachineEvent, FeedMachineState, FeedPhase, FeedTimer, FeedTimings, TokenState, Transition } from "./machine-types.js";
import { activeTokens, allResolved, allSynced, overdueTokens, unsyncAll, withToken } from "./token-sync.js";

const CONNECTED_TIMERS: FeedTimer[] = ["ping", "pong", "watchdog", "stable", "connect"];

/** How often the watchdog checks staleness and overdue snapshots. */
export function watchdogMs(t: FeedTimings): number {
  return Math.max(10, Math.floor(Math.min(t.staleMs, t.pingMs) / 4));
}

export function initialFeedState(timings: FeedTimings, tokens: string[] = [], now = 0): FeedMachineState {
  const table = new Map<string, TokenState>();
  for (const id of tokens) table.set(id, { sync: "unsynced", requestedAt: null });
  return {
    timings,
    phase: "idle",
    reason: "not started",
    since: now,
    attempt: 0,
    openedAt: null,
    downSince: null,
    lastFrameAt: null,
    pingSentAt: null,
    restFallback: false,
    tokens: table,
  };
}

export const isConnected = (phase: FeedPhase): boolean => phase === "syncing" || phase === "live" || phase === "stale";

function enter(s: FeedMachineState, phase: FeedPhase, reason: string, now: number, effects: FeedEffect[], patch: Partial<FeedMachineState> = {}): Transition {
  const changed = phase !== s.phase || reason !== s.reason;
  const state: FeedMachineState = { ...s, ...patch, phase, reason, since: phase !== s.phase ? now : s.since };
  if (changed) effects.push({ type: "phase", phase, reason });
  return { state, effects };
}

const stay = (state: FeedMachineState, effects: FeedEffect[] = []): Transition => ({ state, effects });

/** While connected: syncing until every active token is synced (or the stale limit passes), then live; stale is left by the caller. */
function settle(s: FeedMachineState, now: number, effects: FeedEffect[], patch: Partial<FeedMachineState> = {}): Transition {
  const next = { ...s, ...patch };
  if (allResolved(next.tokens)) return stopSocket(next, now, "all subscribed assets resolved", effects);
  if (next.phase === "live") return stay(next, effects);
  if (allSynced(next.tokens)) return enter(next, "live", "all books synced", now, effects);
  const opened = next.openedAt ?? now;
  if (now - opened >= next.timings.staleMs) return enter(next, "live", `live; ${countUnsynced(next)} token(s) still syncing`, now, effects);
  return enter(next, "syncing", next.phase === "syncing" ? next.reason : "waiting for snapshots", now, effects);
}

function countUnsynced(s: FeedMachineState): number {
  let n = 0;
  for (const t of s.tokens.values()) if (t.sync === "unsynced") n++;
  return n;
}

function stopTimers(effects: FeedEffect[], timers: FeedTimer[]): void {
  for (const timer of timers) effects.push({ type: "stop_timer", timer });
}

/** The terminal state for this connection (explicit stop, or nothing left to follow). */
function stopSocket(s: FeedMachineState, now: number, reason: string, effects: FeedEffect[]): Transition {
  if (isConnected(s.phase) || s.phase === "connecting") effects.push({ type: "close", code: 1000, reason });
  stopTimers(effects, [...CONNECTED_TIMERS, "reconnect", "rest_fallback"]);
  if (s.restFallback) effects.push({ type: "rest_fallback", active: false });
  return enter(s, "stopped", reason, now, effects, { openedAt: null, pingSentAt: null, restFallback: false });
}

/** The socket is gone (or never came up): schedule a reconnect with full jitter; books become unsynced. */
function backoff(s: FeedMachineState, now: number, rand: number, reason: string, closeSocket: boolean, minDelay = 0): Transition {
  const effects: FeedEffect[] = [];
  if (closeSocket) effects.push({ type: "close", code: 4000, reason });
  stopTimers(effects, CONNECTED_TIMERS);
  const t = s.timings;
  const delay = Math.max(minDelay, backoffDelay(s.attempt, t.backoffBaseMs, t.backoffMaxMs, rand));
  effects.push({ type: "start_timer", timer: "reconnect", ms: delay, repeat: false });
  let tokens = s.tokens;
  let downSince = s.downSince;
  if (downSince === null) {
    downSince = now;
    const wasSynced = [...s.tokens].filter(([, v]) => v.sync === "synced").map(([id]) => id);
    if (wasSynced.length) effects.push({ type: "invalidate", tokens: wasSynced, reason });
    tokens = unsyncAll(s.tokens, null);
    effects.push({ type: "start_timer", timer: "rest_fallback", ms: t.restFallbackAfterMs, repeat: false });
  }
  return enter(s, "backoff", `${reason}; retry in ${delay} ms`, now, effects, {
    attempt: s.attempt + 1,
    openedAt: null,
    pingSentAt: null,
    lastFrameAt: null,
    downSince,
    tokens,
  });
}

function connect(s: FeedMachineState, now: number, reason: string, effects: FeedEffect[]): Transition {
  effects.push({ type: "connect" }, { type: "start_timer", timer: "connect", ms: s.timings.connectTimeoutMs, repeat: false });
  return enter(s, "connecting", reason, now, effects);
}

function onOpen(s: FeedMachineState, now: number): Transition {
  const t = s.timings;
  const effects: FeedEffect[] = [
    { type: "stop_timer", timer: "connect" },
    { type: "stop_timer", timer: "rest_fallback" },
    { type: "start_timer", timer: "ping", ms: t.pingMs, repeat: true },
    { type: "start_timer", timer: "watchdog", ms: watchdogMs(t), repeat: true },
    { type: "start_timer", timer: "stable", ms: t.stableResetMs, repeat: false },
  ];
  if (s.restFallback) effects.push({ type: "rest_fallback", active: false });
  const tokens = unsyncAll(s.tokens, now);
  const active = activeTokens(tokens);
  if (active.length) effects.push({ type: "subscribe", tokens: active, initial: true });
  const next: FeedMachineState = { ...s, tokens, openedAt: now, downSince: null, lastFrameAt: now, pingSentAt: null, restFallback: false };
  if (!active.length) return enter(next, "live", "connected; no tokens yet", now, effects);
  return enter(next, "syncing", `connected; waiting for ${active.length} snapshot(s)`, now, effects);
}

function onTimerConnected(s: FeedMachineState, timer: FeedTimer, now: number, rand: number): Transition {
  const t = s.timings;
  switch (timer) {
    case "ping": {
      const effects: FeedEffect[] = [{ type: "ping" }];
      if (s.pingSentAt !== null) return stay(s, effects);
      effects.push({ type: "start_timer", timer: "pong", ms: t.pongTimeoutMs, repeat: false });
      return stay({ ...s, pingSentAt: now }, effects);
    }
    case "pong":
      return backoff(s, now, rand, `no PONG within ${t.pongTimeoutMs} ms`, true);
    case "connect":
      return stay(s);
    case "stable":
      return stay({ ...s, attempt: 0 });
    case "watchdog": {
      const effects: FeedEffect[] = [];
      let tokens = s.tokens;
      for (const id of overdueTokens(s.tokens, now - t.staleMs)) {
        effects.push({ type: "resync", token: id, reason: `no snapshot within ${t.staleMs} ms` });
        tokens = withToken(tokens, id, { sync: "unsynced", requestedAt: now });
      }
      const last = s.lastFrameAt ?? s.openedAt ?? now;
      if (s.phase !== "stale" && now - last >= t.staleMs) {
        return enter({ ...s, tokens }, "stale", `no frame and no PONG for ${now - last} ms (limit ${t.staleMs} ms)`, now, effects);
      }
      if (s.phase === "syncing") return settle(s, now, effects, { tokens });
      return stay({ ...s, tokens }, effects);
    }
    case "reconnect":
    case "rest_fallback":
      return stay(s);
  }
}

/**
 * The state with a new lastFrameAt, every field named: this runs for every frame, and V8 builds a spread of an object
 * that was itself built by a spread ~20x slower than a literal (the feed's largest cost after parsing, pipeline profile).
 */
function withLastFrame(s: FeedMachineState, lastFrameAt: number): FeedMachineState {
  return {
    timings: s.timings,
    phase: s.phase,
    reason: s.reason,
    since: s.since,
    attempt: s.attempt,
    openedAt: s.openedAt,
    downSince: s.downSince,
    lastFrameAt,
    pingSentAt: s.pingSentAt,
    restFallback: s.restFallback,
    tokens: s.tokens,
  };
}

/** Liveness came back on a stale connection. */
function alive(s: FeedMachineState, now: number, patch: Partial<FeedMachineState>, effects: FeedEffect[] = []): Transition {
  if (s.phase !== "stale") return stay({ ...s, ...patch }, effects);
  const next = { ...s, ...patch };
  const phase: FeedPhase = allSynced(next.tokens) ? "live" : "syncing";
  return phase === "live" ? enter(next, "live", "frames flowing again", now, effects) : settle({ ...next, phase: "syncing" }, now, effects);
}

function onTokens(s: FeedMachineState, event: Extract<FeedMachineEvent, { type: "subscribe" | "unsubscribe" }>): Transition {
  const effects: FeedEffect[] = [];
  const connected = isConnected(s.phase);
  const tokens = new Map(s.tokens);
  const changed: string[] = [];
  for (const id of event.tokens) {
    if (event.type === "subscribe" && !tokens.has(id)) {
      tokens.set(id, { sync: "unsynced", requestedAt: connected ? event.now : null });
      changed.push(id);
    } else if (event.type === "unsubscribe" && tokens.delete(id)) changed.push(id);
  }
  if (connected && changed.length) {
    effects.push(event.type === "subscribe" ? { type: "subscribe", tokens: changed, initial: false } : { type: "unsubscribe", tokens: changed });
  }
  const next = { ...s, tokens };
  if (connected && event.type === "subscribe" && changed.length && s.phase === "live") return stay(next, effects);
  return connected ? settle(next, event.now, effects) : stay(next, effects);
}

function onTokenEvent(s: FeedMachineState, event: Extract<FeedMachineEvent, { type: "snapshot" | "desync" | "epoch" | "no_books" | "resolved" }>): Transition {
  const now = event.now;
  switch (event.type) {
    case "snapshot": {
      const cur = s.tokens.get(event.token);
      if (!cur) return stay(s);
      // A fresh book for a token already synced while live (a book after a trade) changes nothing: skip copying the table.
      if (cur.sync === "synced" && s.phase === "live") return stay(s);
      return settle(s, now, [], { tokens: withToken(s.tokens, event.token, { sync: "synced", requestedAt: null }) });
    }
    case "desync":
    case "epoch": {
      const cur = s.tokens.get(event.token);
      if (!cur || cur.sync === "resolved") return stay(s);
      const reason = event.type === "epoch" ? "tick size change: new epoch" : event.reason;
      const effects: FeedEffect[] = [{ type: "invalidate", tokens: [event.token], reason }];
      // A resync already in flight answers this too.
      if (cur.sync === "unsynced" && cur.requestedAt !== null) return stay(s, effects);
      effects.push({ type: "resync", token: event.token, reason });
      return stay({ ...s, tokens: withToken(s.tokens, event.token, { sync: "unsynced", requestedAt: now }) }, effects);
    }
    case "no_books": {
      const tokens = new Map(s.tokens);
      for (const [id, t] of tokens) if (t.sync === "unsynced" && t.requestedAt !== null) tokens.set(id, { sync: "resolved", requestedAt: null });
      return settle(s, now, [], { tokens });
    }
    case "resolved": {
      const tokens = new Map(s.tokens);
      for (const id of event.tokens) if (tokens.has(id)) tokens.set(id, { sync: "resolved", requestedAt: null });
      return settle(s, now, [], { tokens });
    }
  }
}

export function transition(s: FeedMachineState, event: FeedMachineEvent): Transition {
  if (s.phase === "stopped") return stay(s);
  const now = event.now;
  if (event.type === "stop") return stopSocket(s, now, event.reason, []);
  if (event.type === "subscribe" || event.type === "unsubscribe") return onTokens(s, event);
  switch (s.phase) {
    case "idle":
      return event.type === "start" ? connect({ ...s, downSince: now }, now, "connecting", [{ type: "start_timer", timer: "rest_fallback", ms: s.timings.restFallbackAfterMs, repeat: false }]) : stay(s);
    case "connecting":
      switch (event.type) {
        case "open":
          return onOpen(s, now);
        case "close":
          return backoff(s, now, event.rand, describeClose(event.code, event.reason), false);
        case "error":
          return backoff(s, now, event.rand, `connect failed: ${event.message}`, true);
        case "timer":
          if (event.timer === "connect") return backoff(s, now, event.rand, `no connection within ${s.timings.connectTimeoutMs} ms`, true);
          if (event.timer === "rest_fallback") return stay({ ...s, restFallback: true }, [{ type: "rest_fallback", active: true }]);
          return stay(s);
        default:
          return stay(s);
      }
    case "backoff":
      if (event.type !== "timer") return stay(s);
      if (event.timer === "reconnect") return connect(s, now, `reconnecting (attempt ${s.attempt})`, []);
      if (event.timer === "rest_fallback") return stay({ ...s, restFallback: true }, [{ type: "rest_fallback", active: true }]);
      return stay(s);
    case "syncing":
    case "live":
    case "stale":
      switch (event.type) {
        case "frame":
          return s.phase === "stale" ? alive(s, now, { lastFrameAt: now }) : stay(withLastFrame(s, now));
        case "pong":
          return alive(s, now, { lastFrameAt: now, pingSentAt: null }, [{ type: "stop_timer", timer: "pong" }]);
        case "timer":
          return onTimerConnected(s, event.timer, now, event.rand);
        case "close": {
          const min = closeMeaning(event.code) === "slow_consumer" ? s.timings.backoffBaseMs : 0;
          return backoff(s, now, event.rand, describeClose(event.code, event.reason), false, min);
        }
        case "error":
          return backoff(s, now, event.rand, `socket error: ${event.message}`, true);
        case "snapshot":
        case "desync":
        case "epoch":
        case "no_books":
        case "resolved":
          return onTokenEvent(s, event);
        case "start":
        case "open":
          return stay(s);
      }
  }
}
