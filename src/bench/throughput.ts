// Sections 1-3 together: baseline, book and pipeline interleaved chunk by chunk over the same generated stream, plus baseline and book on the real captures.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readRecordingLines } from "../adapters/recording/read-recording.js";
import { packageRoot } from "../cli/package-info.js";
import type { Settings } from "../domain/settings/schema.js";
import { jsonParseVariant, parseLatency } from "./baseline.js";
import { bookVariant, type BookCounters } from "./book.js";
import type { Traffic } from "./generator.js";
import { interleavedChunks } from "./interleave.js";
import { pipelineVariant, type PipelineRound } from "./pipeline.js";
import type { LatencyRecorder } from "./stats.js";

export interface ThroughputOptions {
  rounds: number;
  chunk: number;
  settings: Settings;
  log: (line: string) => void;
}

export interface ThroughputResult {
  frames: number;
  baselineNs: number;
  bookNs: number;
  pipelineNs: number;
  book: BookCounters;
  /** The pipeline round that ran fastest in total (its latencies and what the engine did). */
  pipeline: PipelineRound;
  /** JSON.parse alone, per frame, us. */
  baselineLatency: LatencyRecorder;
}

export async function runThroughput(t: Traffic, o: ThroughputOptions): Promise<ThroughputResult> {
  const book: BookCounters = { rejections: 0, topChecks: 0, topMismatches: 0, unsyncedDeltas: 0 };
  const rounds: PipelineRound[] = [];
  const pipeline = pipelineVariant({ ...t, settings: o.settings }, rounds);
  const n = t.frames.length;
  let lastShown = -1;
  const total = await interleavedChunks(
    {
      baseline: jsonParseVariant(t.frames),
      book: bookVariant(t.markets, t.opening, t.frames, book),
      pipeline,
    },
    {
      frames: n,
      chunk: o.chunk,
      rounds: o.rounds,
      progress: (round, frame) => {
        const pct = Math.floor((frame / n) * 4);
        if (pct === lastShown && frame < n) return;
        lastShown = frame < n ? pct : -1;
        o.log(`  round ${round + 1}/${o.rounds}: ${frame.toLocaleString("en-US")} of ${n.toLocaleString("en-US")} frames`);
      },
    },
  );
  const fastest = rounds.reduce((a, b) => (b.ns < a.ns ? b : a));
  return { frames: n, baselineNs: total.baseline, bookNs: total.book, pipelineNs: total.pipeline, book, pipeline: fastest, baselineLatency: parseLatency(t.frames) };
}

/** Received frames of the real WebSocket captures (../shared/fixtures/polymarket), oldest first; empty when they are not beside the repo. */
export function captureFrames(): string[] {
  const dir = join(packageRoot, "..", "shared", "fixtures", "polymarket");
  const frames: string[] = [];
  for (const sub of ["nslaughter", "polybotv2"]) {
    const folder = join(dir, sub);
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder).filter((f) => f.endsWith(".jsonl") && !f.startsWith("ws_user")).sort()) {
      for (const r of readRecordingLines(readFileSync(join(folder, file), "utf8").split("\n"))) if (r.dir === "recv") frames.push(r.text);
    }
  }
  return frames;
}

export interface CaptureResult {
  frames: number;
  repeated: number;
  baselineNs: number;
  bookNs: number;
}

/** Baseline and book on the captures, repeated to `target` frames (they are few, many of them large book snapshots). */
export async function runCaptures(frames: string[], target: number, rounds: number): Promise<CaptureResult | null> {
  // Text frames (PONG) are not JSON: the baseline parses JSON only, so both sections see the same JSON frames.
  const json = frames.filter((f) => /^\s*[[{]/.test(f));
  if (json.length === 0) return null;
  const repeated: string[] = [];
  while (repeated.length < target) repeated.push(...json);
  const counters: BookCounters = { rejections: 0, topChecks: 0, topMismatches: 0, unsyncedDeltas: 0 };
  const total = await interleavedChunks(
    { baseline: jsonParseVariant(repeated), book: bookVariant([], null, repeated, counters) },
    { frames: repeated.length, chunk: 2_000, rounds },
  );
  return { frames: json.length, repeated: repeated.length, baselineNs: total.baseline, bookNs: total.book };
}
