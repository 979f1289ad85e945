// Drives a FakeClock step by step: each due timer fires alone and the promises it starts settle before the next step.
import type { FakeClock } from "../adapters/clock/fake-clock.js";

/** Lets every pending promise callback run (one macrotask turn drains the whole microtask queue). */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Moves the clock to `t`, firing due timers in time order; after each firing the promises it started settle. The live
 * session and the backtest both move time this way, so the same frames at the same times give the same decisions.
 */
export async function advanceTo(clock: FakeClock, t: number): Promise<void> {
  for (let next = clock.nextAt(); next !== null && next <= t; next = clock.nextAt()) {
    clock.runUntil(next);
    await settle();
  }
  clock.runUntil(t);
}

/** Keeps firing timers (as advanceTo does) until `done` settles; for shutdowns that wait on the clock. */
export async function driveUntil(clock: FakeClock, done: Promise<unknown>): Promise<void> {
  let finished = false;
  const flag = done.then(
    () => {
      finished = true;
    },
    () => {
      finished = true;
    },
  );
  await settle();
  while (!finished) {
    const next = clock.nextAt();
    if (next === null) {
      await flag;
      break;
    }
    await advanceTo(clock, next);
  }
  await done;
}

/** A small seeded PRNG (mulberry32): the feed's backoff jitter, identical in a live session and its backtest. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
