// A manual clock for tests and backtests: time moves only when advance() or runUntil() is called.
import type { Clock, TimerHandle } from "../../ports/clock.js";

interface Timer {
  id: number;
  at: number;
  every: number | null;
  fn: () => void;
}

export class FakeClock implements Clock {
  private timers = new Map<number, Timer>();
  private nextId = 1;

  constructor(private time = 0) {}

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    return this.add(fn, ms, null);
  }

  setInterval(fn: () => void, ms: number): TimerHandle {
    return this.add(fn, ms, Math.max(1, ms));
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle.id);
  }

  clearInterval(handle: TimerHandle): void {
    this.timers.delete(handle.id);
  }

  /** Moves time forward by ms, firing every timer that falls due, in time order. */
  advance(ms: number): void {
    this.runUntil(this.time + ms);
  }

  /** Moves time to `to` (never backwards), firing due timers in order. */
  runUntil(to: number): void {
    for (;;) {
      const due = this.nextDue();
      if (!due || due.at > to) break;
      this.time = Math.max(this.time, due.at);
      if (due.every === null) this.timers.delete(due.id);
      else due.at += due.every;
      due.fn();
    }
    this.time = Math.max(this.time, to);
  }

  /** When the next timer falls due, or null when none is pending (lets a driver fire timers one at a time). */
  nextAt(): number | null {
    return this.nextDue()?.at ?? null;
  }

  /** Number of pending timers (for tests that check nothing leaks). */
  pending(): number {
    return this.timers.size;
  }

  private add(fn: () => void, ms: number, every: number | null): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { id, at: this.time + Math.max(0, ms), every, fn });
    return { id };
  }

  private nextDue(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers.values()) if (!best || t.at < best.at || (t.at === best.at && t.id < best.id)) best = t;
    return best;
  }
}
