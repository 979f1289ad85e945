// The real clock: Date.now() and Node's timers behind the Clock port.
import type { Clock, TimerHandle } from "../../ports/clock.js";

export function systemClock(): Clock {
  const timers = new Map<number, NodeJS.Timeout>();
  let next = 1;
  const track = (t: NodeJS.Timeout): TimerHandle => {
    const id = next++;
    timers.set(id, t);
    return { id };
  };
  return {
    now: () => Date.now(),
    setTimeout(fn, ms) {
      let handle: TimerHandle;
      const t = setTimeout(() => {
        timers.delete(handle.id);
        fn();
      }, ms);
      handle = track(t);
      return handle;
    },
    clearTimeout(h) {
      const t = timers.get(h.id);
      if (t) clearTimeout(t);
      timers.delete(h.id);
    },
    setInterval(fn, ms) {
      return track(setInterval(fn, ms));
    },
    clearInterval(h) {
      const t = timers.get(h.id);
      if (t) clearInterval(t);
      timers.delete(h.id);
    },
  };
}
