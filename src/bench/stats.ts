// Small statistics for the benchmarks: percentiles of recorded latencies.

/** The q-quantile (0..1) of ascending-sorted values, nearest rank; NaN when empty. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(q * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

/** Latencies in microseconds, kept in a growable typed array (no allocation per sample). */
export class LatencyRecorder {
  private data = new Float64Array(1 << 16);
  private n = 0;

  get count(): number {
    return this.n;
  }

  record(us: number): void {
    if (this.n === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.n++] = us;
  }

  /** p50, p99, p99.9 and max in microseconds, rounded to 0.1 us. */
  summary(): { p50Us: number; p99Us: number; p999Us: number; maxUs: number } {
    const sorted = this.data.slice(0, this.n).sort();
    const r = (x: number): number => Math.round(x * 10) / 10;
    return { p50Us: r(quantile(sorted, 0.5)), p99Us: r(quantile(sorted, 0.99)), p999Us: r(quantile(sorted, 0.999)), maxUs: r(quantile(sorted, 1)) };
  }
}
