// Timing helpers for the benchmarks: variants measured in interleaved rounds (so machine load hits them alike), best run kept.
export interface BenchSection {
  /** Key of this section in `npm run bench -- --json`. */
  name: string;
  title: string;
  run(): Promise<SectionResult> | SectionResult;
}

export interface SectionResult {
  /** Figures for the JSON output (numbers only, units in the key names). */
  figures: Record<string, number | Record<string, number>>;
  /** Human-readable lines for the console. */
  lines: string[];
}

export interface Variant {
  /** Untimed preparation before each timed run (e.g. fresh books). */
  setup?: () => void;
  run: () => void;
}

/** CPU time (user + system) of this process in ns: unlike wall time, it does not count time spent descheduled on a busy machine. */
function cpuNs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}

/**
 * Fastest CPU time in ns of each variant over `rounds` interleaved rounds (after one warm-up round).
 * The minimum, not the median: on a shared machine, interference only ever adds time.
 * CPU time includes V8's helper threads (concurrent GC), so it slightly overstates a garbage-heavy variant.
 */
export function fastestNs<K extends string>(variants: Record<K, Variant>, rounds = 7): Record<K, number> {
  const keys = Object.keys(variants) as K[];
  const best = {} as Record<K, number>;
  for (const k of keys) best[k] = Infinity;
  for (let r = 0; r <= rounds; r++) {
    for (const k of keys) {
      const v = variants[k];
      v.setup?.();
      const start = cpuNs();
      v.run();
      const ns = cpuNs() - start;
      if (r > 0 && ns < best[k]) best[k] = ns;
    }
  }
  return best;
}

export const round = (x: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

export const perSecond = (nsPerOp: number): number => Math.round(1e9 / nsPerOp);
