// Runs benchmark variants chunk by chunk over one stream, interleaved (so machine load hits them alike), keeping each chunk's fastest round.

export interface ChunkVariant {
  /** Fresh state before each round (untimed). */
  reset(): void | Promise<void>;
  /** Processes frames [from, to): timed. */
  run(from: number, to: number): void | Promise<void>;
  /** After each round (untimed), with the round's total ns for this variant. */
  done?(roundNs: number): void | Promise<void>;
}

export interface InterleaveOptions {
  frames: number;
  chunk: number;
  rounds: number;
  /** Called after each chunk (for progress lines). */
  progress?: (round: number, frame: number) => void;
}

/**
 * Total ns per variant: for each chunk, the fastest of `rounds` runs, summed. On a shared machine interference only
 * ever adds time, so the fastest run of each chunk is the best estimate of the work itself.
 */
export async function interleavedChunks<K extends string>(variants: Record<K, ChunkVariant>, o: InterleaveOptions): Promise<Record<K, number>> {
  const keys = Object.keys(variants) as K[];
  const chunks = Math.ceil(o.frames / o.chunk);
  const best = {} as Record<K, Float64Array>;
  for (const k of keys) best[k] = new Float64Array(chunks).fill(Infinity);
  for (let r = 0; r < o.rounds; r++) {
    const roundNs = {} as Record<K, number>;
    for (const k of keys) {
      await variants[k].reset();
      roundNs[k] = 0;
    }
    for (let c = 0; c < chunks; c++) {
      const from = c * o.chunk;
      const to = Math.min(o.frames, from + o.chunk);
      for (const k of keys) {
        const start = process.hrtime.bigint();
        await variants[k].run(from, to);
        const ns = Number(process.hrtime.bigint() - start);
        roundNs[k] += ns;
        if (ns < best[k][c]) best[k][c] = ns;
      }
      o.progress?.(r, to);
    }
    for (const k of keys) await variants[k].done?.(roundNs[k]);
  }
  const total = {} as Record<K, number>;
  for (const k of keys) total[k] = best[k].reduce((a, b) => a + b, 0);
  return total;
}
