// One market-channel WebSocket run by the pure feed machine: executes its effects (socket, timers, subscriptions) on a Clock.
import { initialFeedState, transition } from "../../domain/feed/feed-machine.js";
import type { FeedEffect, FeedMachineEvent, FeedMachineState, FeedPhase, FeedTimer, FeedTimings } from "../../domain/feed/machine-types.js";
import type { Clock, TimerHandle } from "../../ports/clock.js";
import type { Transport, TransportFactory } from "../../ports/market-data.js";

/** What the connection reports to the feed that owns the books. */
export interface ConnectionHooks {
  onText(conn: FeedConnection, text: string, now: number): void;
  onPhase(conn: FeedConnection, phase: FeedPhase, reason: string): void;
  onInvalidate(conn: FeedConnection, tokens: string[], reason: string): void;
  onResync(conn: FeedConnection, token: string, reason: string): void;
  onRestFallback(conn: FeedConnection, active: boolean): void;
}

export interface ConnectionOptions {
  id: number;
  url: string;
  timings: FeedTimings;
  clock: Clock;
  transport: TransportFactory;
  /** Uniform in [0, 1): the backoff jitter. */
  random: () => number;
  hooks: ConnectionHooks;
}

export class FeedConnection {
  readonly id: number;
  state: FeedMachineState;
  /** Connect attempts after the first (reconnects). */
  reconnects = 0;
  private connects = 0;
  private transport: Transport | null = null;
  private readonly timers = new Map<FeedTimer, { handle: TimerHandle; repeat: boolean }>();
  private readonly queue: FeedMachineEvent[] = [];
  private dispatching = false;

  constructor(private readonly opts: ConnectionOptions) {
    this.id = opts.id;
    this.state = initialFeedState(opts.timings, [], opts.clock.now());
  }

  get phase(): FeedPhase {
    return this.state.phase;
  }

  /** Tokens this connection carries (resolved ones included). */
  tokenCount(): number {
    return this.state.tokens.size;
  }

  /** Feeds one event to the machine and runs its effects; events raised while effects run are queued, never nested. */
  dispatch(event: FeedMachineEvent): void {
    this.queue.push(event);
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      for (let e = this.queue.shift(); e !== undefined; e = this.queue.shift()) {
        const r = transition(this.state, e);
        this.state = r.state;
        for (const effect of r.effects) this.run(effect);
      }
    } finally {
      this.dispatching = false;
    }
  }

  private now(): number {
    return this.opts.clock.now();
  }

  private send(text: string): void {
    this.transport?.send(text);
  }

  private run(effect: FeedEffect): void {
    const hooks = this.opts.hooks;
    switch (effect.type) {
      case "connect":
        this.openSocket();
        return;
      case "close":
        this.transport?.close(effect.code, effect.reason);
        this.transport = null;
        return;
      case "subscribe":
        this.send(
          effect.initial
            ? JSON.stringify({ assets_ids: effect.tokens, type: "market", initial_dump: true })
            : JSON.stringify({ operation: "subscribe", assets_ids: effect.tokens }),
        );
        return;
      case "unsubscribe":
        this.send(JSON.stringify({ operation: "unsubscribe", assets_ids: effect.tokens }));
        return;
      case "resync":
        // Unsubscribe then subscribe: the fresh snapshot comes in order on the same stream, after any delta in flight.
        this.send(JSON.stringify({ operation: "unsubscribe", assets_ids: [effect.token] }));
        this.send(JSON.stringify({ operation: "subscribe", assets_ids: [effect.token] }));
        hooks.onResync(this, effect.token, effect.reason);
        return;
      case "ping":
        this.send("PING");
        return;
      case "start_timer":
        this.startTimer(effect.timer, effect.ms, effect.repeat);
        return;
      case "stop_timer":
        this.stopTimer(effect.timer);
        return;
      case "invalidate":
        hooks.onInvalidate(this, effect.tokens, effect.reason);
        return;
      case "rest_fallback":
        hooks.onRestFallback(this, effect.active);
        return;
      case "phase":
        hooks.onPhase(this, effect.phase, effect.reason);
        return;
    }
  }

  private openSocket(): void {
    if (this.connects++ > 0) this.reconnects++;
    this.transport?.close(4000, "replaced");
    let current: Transport | null = null;
    const mine = (): boolean => current !== null && this.transport === current;
    current = this.opts.transport(this.opts.url, {
      onOpen: () => {
        if (mine()) this.dispatch({ type: "open", now: this.now() });
      },
      onText: (text) => {
        if (mine()) this.opts.hooks.onText(this, text, this.now());
      },
      onClose: (code, reason) => {
        if (!mine()) return;
        this.transport = null;
        this.dispatch({ type: "close", now: this.now(), code, reason, rand: this.opts.random() });
      },
      onError: (message) => {
        if (!mine()) return;
        this.dispatch({ type: "error", now: this.now(), message, rand: this.opts.random() });
      },
    });
    this.transport = current;
  }

  private startTimer(timer: FeedTimer, ms: number, repeat: boolean): void {
    this.stopTimer(timer);
    const clock = this.opts.clock;
    const fire = (): void => {
      if (!repeat) this.timers.delete(timer);
      this.dispatch({ type: "timer", now: this.now(), timer, rand: this.opts.random() });
    };
    this.timers.set(timer, { handle: repeat ? clock.setInterval(fire, ms) : clock.setTimeout(fire, ms), repeat });
  }

  private stopTimer(timer: FeedTimer): void {
    const t = this.timers.get(timer);
    if (!t) return;
    if (t.repeat) this.opts.clock.clearInterval(t.handle);
    else this.opts.clock.clearTimeout(t.handle);
    this.timers.delete(timer);
  }

  /** Timers still armed (tests check nothing leaks after stop). */
  armedTimers(): number {
    return this.timers.size;
  }
}
