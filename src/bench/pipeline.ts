// Section 3, `pipeline`: the engine's whole path per frame (feed parse/validate/book/checks, quotable check, quote when the top or
// inventory moved, reconcile, risk, dry-run gateway) on a virtual clock set to each frame's own exchange timestamp.
import { performance } from "node:perf_hooks";
import { FakeClock } from "../adapters/clock/fake-clock.js";
import { createSession, type Session } from "../backtest/session.js";
import { advanceTo, driveUntil, settle } from "../backtest/virtual-time.js";
import type { MarketInfo } from "../domain/market.js";
import type { Settings } from "../domain/settings/schema.js";
import type { Logger } from "../ports/logger.js";
import type { BookSnapshotSource } from "../ports/market-data.js";
import type { ChunkVariant } from "./interleave.js";
import { DirectLink } from "./direct-link.js";
import { LatencyRecorder } from "./stats.js";

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

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
  /** Share of frames after which every market was quotable. */
  quotableShare: number;
}

export interface PipelineRound {
  counters: PipelineCounters;
  latency: LatencyRecorder;
  /** The round's total timed ns. */
  ns: number;
}

export interface PipelineInput {
  markets: MarketInfo[];
  opening: string;
  openingTs: number;
  frames: readonly string[];
  timestamps: Float64Array;
  settings: Settings;
}

function emptyCounters(): PipelineCounters {
  return { ordersPlaced: 0, ordersCancelled: 0, ordersRejected: 0, fills: 0, riskEvents: 0, finalRisk: "ACTIVE", desyncs: 0, reconnects: 0, invalidFrames: 0, quotableShare: 0 };
}

/** True when a timer falls due at or before `t`. */
const due = (clock: FakeClock, t: number): boolean => {
  const next = clock.nextAt();
  return next !== null && next <= t;
};

/**
 * One engine per round, fed frame by frame. A frame's latency covers: timers falling due by its timestamp (throttled requotes,
 * order acks, the watch tick) with the promises they start, the frame itself through feed and engine, and the zero-delay
 * requote it schedules, settled. `rounds` receives each finished round (its latencies and counters).
 */
export function pipelineVariant(input: PipelineInput, rounds: PipelineRound[]): ChunkVariant {
  let session: Session | null = null;
  let clock = new FakeClock(input.openingTs);
  let link = new DirectLink();
  let round: PipelineRound = { counters: emptyCounters(), latency: new LatencyRecorder(), ns: 0 };
  let quotableFrames = 0;
  const tokens = input.markets.flatMap((m) => [m.yesTokenId, m.noTokenId]);
  const allQuotable = (s: Session): boolean => {
    for (let i = 0; i < tokens.length; i++) if (!s.feed.quotable(tokens[i]).ok) return false;
    return true;
  };
  return {
    async reset() {
      clock = new FakeClock(input.openingTs - 1000);
      link = new DirectLink();
      round = { counters: emptyCounters(), latency: new LatencyRecorder(), ns: 0 };
      quotableFrames = 0;
      const s = createSession({ markets: input.markets, settings: input.settings, clock, url: "bench", transport: link.transport, rest: noRest, logger: quiet, source: "bench" });
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
      await s.engine.start();
      await settle();
      await advanceTo(clock, input.openingTs);
      if (!link.deliver(input.opening)) throw new Error("pipeline: the feed did not open its socket");
      await advanceTo(clock, input.openingTs);
      session = s;
    },
    async run(from, to) {
      const s = session;
      if (s === null) throw new Error("pipeline: run before reset");
      const { frames, timestamps } = input;
      const lat = round.latency;
      for (let i = from; i < to; i++) {
        const t0 = performance.now();
        const ts = timestamps[i];
        if (due(clock, ts)) await advanceTo(clock, ts);
        else clock.runUntil(ts);
        link.deliver(frames[i]);
        if (due(clock, ts)) await advanceTo(clock, ts);
        lat.record((performance.now() - t0) * 1000);
        // Sampled, untimed: is every market quotable? (every 64th frame keeps the probe's own cost out of the figures)
        if ((i & 63) === 0 && allQuotable(s)) quotableFrames += 64;
      }
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
      c.quotableShare = Math.min(1, quotableFrames / Math.max(1, input.frames.length));
      await driveUntil(clock, s.engine.stop());
      await s.gateway.close();
      session = null;
      rounds.push(round);
    },
  };
}
