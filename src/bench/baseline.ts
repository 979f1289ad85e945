// Section 1, `baseline`: JSON.parse of every frame and nothing else; the ceiling every other section is compared with.
import type { ChunkVariant } from "./interleave.js";

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
