// A Clock decorator that times every timer callback: the engine's timer work (requotes, watch ticks, order acks) in the pipeline benchmark.
import { performance } from "node:perf_hooks";
import type { Clock } from "../ports/clock.js";
import { LatencyRecorder } from "./stats.js";

export interface TimedClock extends Clock {
  /** The synchronous part of each timer callback, us (an async callback's later steps run as microtasks, untimed). */
  readonly callbacks: LatencyRecorder;
}

export function timedClock(inner: Clock): TimedClock {
  const callbacks = new LatencyRecorder();
  const timed =
    (fn: () => void): (() => void) =>
    () => {
      const t0 = performance.now();
      fn();
      callbacks.record((performance.now() - t0) * 1000);
    };
  return {
    callbacks,
    now: () => inner.now(),
    setTimeout: (fn, ms) => inner.setTimeout(timed(fn), ms),
    setInterval: (fn, ms) => inner.setInterval(timed(fn), ms),
    clearTimeout: (h) => inner.clearTimeout(h),
    clearInterval: (h) => inner.clearInterval(h),
  };
}
