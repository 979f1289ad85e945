// Section 1, `baseline`: JSON.parse of every frame and nothing else; the ceiling every other section is compared with.
import type { ChunkVariant } from "./interleave.js";
import { LatencyRecorder } from "./stats.js";

/** Results flow into this so the JIT cannot drop the measured work. */
let sink = 0;

export function jsonParseVariant(frames: readonly string[]): ChunkVariant {
  return {
    reset() {},
    run(from, to) {
      for (let i = from; i < to; i++) if (JSON.parse(frames[i]) === null) sink++;
    },
  };
}

/**
 * Each frame's JSON.parse alone, timed as the pipeline times a frame: the floor under the pipeline's per-frame latency
 * on this machine (a 200-level book snapshot costs tens of microseconds to JSON.parse by itself).
 */
export function parseLatency(frames: readonly string[]): LatencyRecorder {
  const lat = new LatencyRecorder();
  for (let i = 0; i < frames.length; i++) {
    const t0 = performance.now();
    if (JSON.parse(frames[i]) === null) sink++;
    lat.record((performance.now() - t0) * 1000);
  }
  return lat;
}
