// Turns measurements into the `--json` figures (the contract: msgsPerSec, ratioToBaseline, p50Us, p99Us, dashboardToHeadless) and console lines.
import { DELAY_RATE, type LoopbackRun } from "./loopback.js";
import type { MemoryResult } from "./memory.js";
import { quantile } from "./stats.js";
import type { CaptureResult, ThroughputResult } from "./throughput.js";

export type Figures = Record<string, unknown>;

const perSec = (frames: number, ns: number): number => Math.round((frames * 1e9) / ns);
const ratio = (a: number, b: number): number => Math.round((a / b) * 1000) / 1000;
const median = (xs: number[]): number => quantile([...xs].sort((a, b) => a - b), 0.5);
const nsPer = (ns: number, frames: number): number => Math.round((ns / frames) * 10) / 10;

/** The targets of the issue, checked against the figures (ratios hold on any machine). */
export const TARGETS = { book: 0.85, pipeline: 0.6, pipelineP99Us: 50, dashboardToHeadless: 0.8, loopDelayP99Ms: 20, memoryGrowthPct: 10 } as const;

export function throughputFigures(r: ThroughputResult, c: CaptureResult | null): { baseline: Figures; book: Figures; pipeline: Figures } {
  const base = perSec(r.frames, r.baselineNs);
  const book = perSec(r.frames, r.bookNs);
  const pipe = perSec(r.frames, r.pipelineNs);
  const lat = r.pipeline.latency.summary();
  const timers = r.pipeline.timers.summary();
  const cap = c && { base: perSec(c.repeated, c.baselineNs), book: perSec(c.repeated, c.bookNs) };
  return {
    baseline: {
      msgsPerSec: base,
      nsPerMsg: nsPer(r.baselineNs, r.frames),
      ...r.baselineLatency.summary(),
      frames: r.frames,
      ...(cap && c ? { captures: { msgsPerSec: cap.base, frames: c.frames, repeatedTo: c.repeated } } : {}),
    },
    book: {
      msgsPerSec: book,
      ratioToBaseline: ratio(book, base),
      nsPerMsg: nsPer(r.bookNs, r.frames),
      topChecks: r.book.topChecks,
      topMismatches: r.book.topMismatches,
      rejections: r.book.rejections,
      ...(cap ? { captures: { msgsPerSec: cap.book, ratioToBaseline: ratio(cap.book, cap.base) } } : {}),
    },
    pipeline: {
      msgsPerSec: pipe,
      ratioToBaseline: ratio(pipe, base),
      nsPerMsg: nsPer(r.pipelineNs, r.frames),
      ...lat,
      timers: { count: r.pipeline.timers.count, p50Us: timers.p50Us, p99Us: timers.p99Us, maxUs: timers.maxUs },
      ...r.pipeline.counters,
    },
  };
}

export interface LoopDelayFigure {
  mode: "dashboard";
  rate: number;
  /** Each run's p99 and CPU steal, in the order run. */
  p99MsRuns: number[];
  cpuStealPctRuns: (number | null)[];
  /** The figure checked against the target. */
  medianP99Ms: number;
}

/** The loop-delay target's point: the median p99 of every dashboard run at 5,000 msgs/s; null without one. */
export function loopDelayFigure(runs: LoopbackRun[]): LoopDelayFigure | null {
  const at = runs.filter((r) => r.mode === "dashboard" && r.rate === DELAY_RATE);
  if (at.length === 0) return null;
  const p99s = at.map((r) => r.eventLoopDelayP99Ms);
  return { mode: "dashboard", rate: DELAY_RATE, p99MsRuns: p99s, cpuStealPctRuns: at.map((r) => r.cpuStealPct), medianP99Ms: median(p99s) };
}

export interface MaxRatePair {
  headless: number;
  dashboard: number;
  /** dashboard / headless delivered msgs/s. */
  ratio: number;
  cpuStealPct: { headless: number | null; dashboard: number | null };
}

/** The maximum-rate runs paired by repeat (each headless run with the dashboard run right after it). */
export function maxRatePairs(runs: LoopbackRun[]): MaxRatePair[] {
  const pairs: MaxRatePair[] = [];
  for (const h of runs.filter((r) => r.mode === "headless" && r.rate === "max")) {
    const d = runs.find((r) => r.mode === "dashboard" && r.rate === "max" && r.repeat === h.repeat);
    if (d && h.msgsPerSec > 0) pairs.push({ headless: h.msgsPerSec, dashboard: d.msgsPerSec, ratio: ratio(d.msgsPerSec, h.msgsPerSec), cpuStealPct: { headless: h.cpuStealPct, dashboard: d.cpuStealPct } });
  }
  return pairs;
}

export function loopbackFigures(runs: LoopbackRun[]): Figures {
  const key = (rate: number | "max"): string => (rate === "max" ? "max" : `r${rate}`);
  const byMode = (mode: LoopbackRun["mode"]): Figures => Object.fromEntries(runs.filter((r) => r.mode === mode && r.repeat === 0).map((r) => [key(r.rate), { ...r }]));
  const pairs = maxRatePairs(runs);
  return {
    headless: byMode("headless"),
    dashboard: byMode("dashboard"),
    /** The median of the pairs' ratios. */
    dashboardToHeadless: pairs.length > 0 ? median(pairs.map((p) => p.ratio)) : null,
    maxRatePairs: pairs,
    loopDelay: loopDelayFigure(runs),
  };
}

export function memoryFigures(m: MemoryResult): Figures {
  return { ...m };
}

const mark = (ok: boolean): string => (ok ? "meets" : "MISSES");

/** The figure for JSON.parse of a typical price_change frame on the machine its absolute targets were set on, us. */
const TYPICAL_PARSE_US = 2;

/** One line per target: the figure, the target, and whether it is met. */
export function targetLines(f: { baseline: Figures; book: Figures; pipeline: Figures; loopback?: Figures; memory?: Figures }): string[] {
  const lines: string[] = [];
  const b = f.book.ratioToBaseline as number;
  const p = f.pipeline.ratioToBaseline as number;
  const p99 = f.pipeline.p99Us as number;
  lines.push(`  book/baseline ${b} (target >= ${TARGETS.book}): ${mark(b >= TARGETS.book)}`);
  lines.push(`  pipeline/baseline ${p} (target >= ${TARGETS.pipeline}): ${mark(p >= TARGETS.pipeline)}`);
  lines.push(`  pipeline p99 ${p99} us (target <= ${TARGETS.pipelineP99Us} us): ${mark(p99 <= TARGETS.pipelineP99Us)}`);
  // The 50 us assumes ~2 us per typical price_change JSON.parse; this machine's own figure scales it.
  const parseP50 = f.baseline.p50Us as number;
  const parseP99 = f.baseline.p99Us as number;
  const scaled = Math.round((TARGETS.pipelineP99Us * parseP50) / TYPICAL_PARSE_US);
  lines.push(`    JSON.parse alone of the same frames: p50 ${parseP50} us, p99 ${parseP99} us; scaled to this machine (typical frame ${parseP50} us vs ${TYPICAL_PARSE_US} us) the target is ${scaled} us: ${mark(p99 <= scaled)}`);
  if (f.loopback) {
    const ratioDh = f.loopback.dashboardToHeadless as number | null;
    const pairs = (f.loopback.maxRatePairs as MaxRatePair[]).map((p) => `${p.dashboard}/${p.headless} = ${p.ratio}`).join(", ");
    lines.push(
      `  dashboard/headless at max rate, median of ${(f.loopback.maxRatePairs as MaxRatePair[]).length} pairs ${ratioDh} (${pairs}) (target >= ${TARGETS.dashboardToHeadless}): ` +
        mark(ratioDh !== null && ratioDh >= TARGETS.dashboardToHeadless),
    );
    const d = f.loopback.loopDelay as LoopDelayFigure | null;
    if (d) {
      const steal = d.cpuStealPctRuns.map((x) => (x === null ? "n/a" : `${x}%`)).join(", ");
      lines.push(
        `  loop delay p99 at ${d.rate.toLocaleString("en-US")} msgs/s with the dashboard, median of ${d.p99MsRuns.length} runs ${d.medianP99Ms} ms ` +
          `(runs ${d.p99MsRuns.join(", ")} ms; CPU steal ${steal}) (target <= ${TARGETS.loopDelayP99Ms} ms): ${mark(d.medianP99Ms <= TARGETS.loopDelayP99Ms)}`,
      );
    }
  }
  if (f.memory) {
    const g = f.memory.rssGrowthPct as number;
    lines.push(`  RSS growth minute 2 -> last ${g}% (target < ${TARGETS.memoryGrowthPct}%): ${mark(g < TARGETS.memoryGrowthPct)}`);
  }
  return lines;
}
