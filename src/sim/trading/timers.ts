// Timers for the trading side: the exchange's Clock when it has one, else unref'd Node timers; all cleared on close.
import type { Clock } from "../../ports/clock.js";

export interface Timers {
  after(ms: number, fn: () => void): void;
  every(ms: number, fn: () => void): void;
  clearAll(): void;
}

export function createTimers(clock: Clock | undefined): Timers {
  const cancels = new Set<() => void>();
  if (clock) {
    return {
      after(ms, fn) {
        const h = clock.setTimeout(() => {
          cancels.delete(cancel);
          fn();
        }, ms);
        const cancel = () => clock.clearTimeout(h);
        cancels.add(cancel);
      },
      every(ms, fn) {
        const h = clock.setInterval(fn, ms);
        cancels.add(() => clock.clearInterval(h));
      },
      clearAll() {
        for (const c of cancels) c();
        cancels.clear();
      },
    };
  }
  return {
    after(ms, fn) {
      const t = setTimeout(() => {
        cancels.delete(cancel);
        fn();
      }, ms);
      t.unref();
      const cancel = () => clearTimeout(t);
      cancels.add(cancel);
    },
    every(ms, fn) {
      const t = setInterval(fn, ms);
      t.unref();
      cancels.add(() => clearInterval(t));
    },
    clearAll() {
      for (const c of cancels) c();
      cancels.clear();
    },
  };
}
