// Reads the engine's immutable snapshot on a timer (never per market message) and hands it to React as an external store.
import type { Clock, TimerHandle } from "../ports/clock.js";
import type { EngineHandle, EngineSnapshot } from "../engine/snapshot.js";

/** About 5 Hz: inside ARCHITECTURE.md's 4-10 Hz band. */
export const UI_REFRESH_MS = 200;

export class SnapshotPoller {
  private current: EngineSnapshot;
  private listeners = new Set<() => void>();
  private timer: TimerHandle | null = null;

  constructor(
    private readonly engine: Pick<EngineHandle, "snapshot">,
    private readonly clock: Clock,
    private readonly intervalMs = UI_REFRESH_MS,
  ) {
    this.current = engine.snapshot();
  }

  /** The last snapshot read (the same object until the next tick, as useSyncExternalStore requires). */
  get = (): EngineSnapshot => this.current;

  /** Adds a listener; the timer runs only while someone listens. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.timer === null) this.timer = this.clock.setInterval(() => this.refresh(), this.intervalMs);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer !== null) {
        this.clock.clearInterval(this.timer);
        this.timer = null;
      }
    };
  };

  /** Reads a fresh snapshot now (after a user command, so its effect shows at once) and notifies when it changed. */
  refresh(): void {
    const next = this.engine.snapshot();
    if (next === this.current) return;
    this.current = next;
    for (const listener of [...this.listeners]) listener();
  }
}
