// Section 3, `pipeline`: the engine's whole path (feed parse/validate/book/checks, quotable check, quote when the top or inventory
// moved, reconcile, risk, dry-run gateway, file store) as `mm run` wires it, flooded with frames back to back on the real clock.
import { performance } from "node:perf_hooks";
import { systemClock } from "../adapters/clock/system-clock.js";
import type { MarketInfo } from "../domain/market.js";
import type { Settings } from "../domain/settings/schema.js";
import type { BookSnapshotSource } from "../ports/market-data.js";
import { DirectLink } from "./direct-link.js";
import { openEngineSession, type EngineSession } from "./engine-session.js";
import type { ChunkVariant } from "./interleave.js";
import { LatencyRecorder } from "./stats.js";
import { timedClock, type TimedClock } from "./timed-clock.js";

/** Frames handed over per event-loop turn, as one socket read delivers a burst; timers and I/O run between bursts. */
const FRAMES_PER_TURN = 32;

/** The benchmark has no REST API: a spot check or fallback fails (a clean stream never needs one; desyncs are counted). */
const noRest: BookSnapshotSource = {
  book: () => Promise.reject(new Error("the benchmark has no REST API")),
  books: () => Promise.reject(new Error("the benchmark has no REST API")),
};

/** What the engine did over a round: evidence that it quoted all along (and did not, say, halt early and idle). */
export interface PipelineCounters {
  ordersPlaced: number;
  ordersCancelled: number;
  ordersRejected: number;
  fills: number;
  riskEvents: number;
  finalRisk: string;
  desyncs: number;
  reconnects: number;
  invalidFrames: number;
  /** Share of sampled moments at which every market was quotable. */
  quotableShare: number;
}

export interface PipelineRound {
  counters: PipelineCounters;
  /** Each frame through feed and engine (the synchronous path, up to the requote it schedules), us. */
  latency: LatencyRecorder;
  /** Each timer callback (throttled requotes with reconcile, risk and gateway; watch ticks; order acks), us. */
  timers: LatencyRecorder;
  /** The round's total timed ns. */
  ns: number;
}

export interface PipelineInput {
  markets: MarketInfo[];
  opening: string;
  frames: readonly string[];
  settings: Settings;
}

function emptyCounters(): PipelineCounters {
  return { ordersPlaced: 0, ordersCancelled: 0, ordersRejected: 0, fills: 0, riskEvents: 0, finalRisk: "ACTIVE", desyncs: 0, reconnects: 0, invalidFrames: 0, quotableShare: 0 };
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** One fresh engine per round; `rounds` receives each finished round. */
export function pipelineVariant(input: PipelineInput, rounds: PipelineRound[]): ChunkVariant {
  let session: EngineSession | null = null;
  let link = new DirectLink();
  let clock: TimedClock = timedClock(systemClock());
  let round: PipelineRound = { counters: emptyCounters(), latency: new LatencyRecorder(), timers: clock.callbacks, ns: 0 };
  let samples = 0;
  let quotableSamples = 0;
  const tokens = input.markets.flatMap((m) => [m.yesTokenId, m.noTokenId]);
  const allQuotable = (s: EngineSession): boolean => {
    for (let i = 0; i < tokens.length; i++) if (!s.feed.quotable(tokens[i]).ok) return false;
    return true;
  };
  return {
    async reset() {
      link = new DirectLink();
      clock = timedClock(systemClock());
      round = { counters: emptyCounters(), latency: new LatencyRecorder(), timers: clock.callbacks, ns: 0 };
      samples = quotableSamples = 0;
      const s = await openEngineSession({ markets: input.markets, settings: input.settings, clock, url: "bench", transport: link.transport, rest: noRest, source: "bench" });
      const c = round.counters;
      s.engine.onEvent((e) => {
        switch (e.type) {
          case "order":
            if (e.action === "placed") c.ordersPlaced++;
            else if (e.action === "cancelled") c.ordersCancelled++;
            else if (e.action === "rejected") c.ordersRejected++;
            return;
          case "fill":
            c.fills++;
            return;
          case "risk":
            c.riskEvents++;
            return;
        }
      });
      await nextTurn();
      if (!link.deliver(input.opening)) throw new Error("pipeline: the feed did not open its socket");
      await nextTurn();
      session = s;
    },
    async run(from, to) {
      const s = session;
      if (s === null) throw new Error("pipeline: run before reset");
      const frames = input.frames;
      const lat = round.latency;
      for (let i = from; i < to; i++) {
        const t0 = performance.now();
        link.deliver(frames[i]);
        lat.record((performance.now() - t0) * 1000);
        if (i % FRAMES_PER_TURN === FRAMES_PER_TURN - 1) {
          await nextTurn();
          // Sampled between bursts, untimed by the latency figures: is every market quotable?
          if (i % (FRAMES_PER_TURN * 64) === FRAMES_PER_TURN - 1) {
            samples++;
            if (allQuotable(s)) quotableSamples++;
          }
        }
      }
      await nextTurn();
    },
    async done(roundNs) {
      const s = session;
      if (s === null) return;
      round.ns = roundNs;
      const c = round.counters;
      const health = s.feed.health();
      c.finalRisk = s.engine.riskState();
      c.desyncs = health.tokens.reduce((n, t) => n + t.desyncs, 0);
      c.reconnects = health.reconnects;
      c.invalidFrames = health.invalidFrames;
      c.quotableShare = Math.round((quotableSamples / Math.max(1, samples)) * 1000) / 1000;
      await s.close();
      session = null;
      rounds.push(round);
    },
  };
}
