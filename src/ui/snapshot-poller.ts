// Reads the engine's immutable snapshot on a timer (never per market message) and hands it to React as an external store.
import type { Clock, TimerHandle } from "../ports/clock.js";
import type { EngineHandle, EngineSnapshot } from "../engine/snapshot.js";

/** About 5 Hz: inside ARCHITECTURE.md's 4-10 Hz band. */
export const UI_REFRESH_MS = 200;
/** The slowest the screen may refresh when frames are expensive (2 Hz). */
export const UI_SLOWEST_MS = 500;
/** Frames may use at most this share of the (single, shared) event loop: the engine comes first. */
export const UI_CPU_SHARE = 0.1;

/** What the dashboard reads snapshots through (a React external store): the local poller, or the screen worker's copy of the host's. */
export interface SnapshotStore {
  get(): EngineSnapshot;
  subscribe(listener: () => void): () => void;
  /** Reads a fresh snapshot now (after a user command). */
  refresh(): void;
  /** What the last frame cost (render plus terminal output), ms. */
  noteFrameCost(ms: number): void;
}

export class SnapshotPoller implements SnapshotStore {
  private current: EngineSnapshot;
  private listeners = new Set<() => void>();
  private timer: TimerHandle | null = null;
  /** Smoothed cost of one frame, ms. */
  private frameMs = 0;

  constructor(
    private readonly engine: Pick<EngineHandle, "snapshot">,
    private readonly clock: Clock,
    private readonly baseMs = UI_REFRESH_MS,
  ) {
    this.current = engine.snapshot();
  }

  /** The last snapshot read (the same object until the next tick, as useSyncExternalStore requires). */
  get = (): EngineSnapshot => this.current;

  /** Adds a listener; the timer runs only while someone listens. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.timer === null) this.schedule();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer !== null) {
        this.clock.clearTimeout(this.timer);
        this.timer = null;
      }
    };
  };

  /**
   * The period to the next read: the base rate, stretched when frames are costly so that drawing takes at most
   * UI_CPU_SHARE of the time, but never slower than UI_SLOWEST_MS.
   */
  periodMs(): number {
    return Math.round(Math.min(Math.max(this.baseMs, UI_SLOWEST_MS), Math.max(this.baseMs, this.frameMs / UI_CPU_SHARE)));
  }

  /** Tells the poller what the last frame cost (render plus terminal output), ms. */
  noteFrameCost(ms: number): void {
    this.frameMs = this.frameMs === 0 ? ms : this.frameMs * 0.7 + ms * 0.3;
  }

  /** Reads a fresh snapshot now (after a user command, so its effect shows at once) and notifies when it changed. */
  refresh(): void {
    const next = this.engine.snapshot();
    if (next === this.current) return;
    this.current = next;
    for (const listener of [...this.listeners]) listener();
  }

  private schedule(): void {
    this.timer = this.clock.setTimeout(() => {
      this.refresh();
      if (this.listeners.size > 0) this.schedule();
      else this.timer = null;
    }, this.periodMs());
  }
}
