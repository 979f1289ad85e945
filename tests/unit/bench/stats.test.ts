// Percentiles and the latency recorder of the benchmarks.
import { describe, expect, it } from "vitest";
import { LatencyRecorder, quantile } from "../../../src/bench/stats.js";

describe("quantile", () => {
  it("takes the nearest rank of sorted values", () => {
    const v = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(v, 0.5)).toBe(50);
    expect(quantile(v, 0.99)).toBe(99);
    expect(quantile(v, 1)).toBe(100);
    expect(quantile(v, 0)).toBe(1);
    expect(quantile(new Float64Array(0), 0.5)).toBeNaN();
  });
});

describe("LatencyRecorder", () => {
  it("grows past its first buffer and summarises every sample", () => {
    const r = new LatencyRecorder();
    const n = 200_000;
    for (let i = n; i >= 1; i--) r.record(i);
    expect(r.count).toBe(n);
    expect(r.summary()).toEqual({ p50Us: 100_000, p99Us: 198_000, p999Us: 199_800, maxUs: 200_000 });
  });
});
