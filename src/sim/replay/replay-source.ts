// Replays a recording's received frames to each market-channel subscriber at a speed, and describes the recorded markets for REST.
import { readRecordingEntries } from "../../adapters/recording/read-recording.js";
import { fromMetaMarket, parseMetaMarket } from "../../adapters/recording/recording-meta.js";
import type { MarketInfo } from "../../domain/market.js";
import type { Clock, TimerHandle } from "../../ports/clock.js";
import type { MarketConnection } from "../ws/market-connection.js";
import { marketsFromFrames, marketsFromMeta } from "./recorded-markets.js";
import type { SimMarket } from "../markets/sim-market.js";

interface Frame {
  /** ms after the first frame. */
  at: number;
  text: string;
}

export interface ReplaySource {
  markets: SimMarket[];
  /** Starts sending the recording to a connection (once per connection). */
  stream(conn: MarketConnection): void;
  stop(): void;
}

/** Frames sent per timer callback when replaying as fast as possible. */
const BURST = 256;

export async function startReplay(path: string, speed: number, clock: Clock): Promise<ReplaySource> {
  if (!Number.isFinite(speed) || speed < 0) throw new Error(`invalid replay speed ${speed}: use 0 (as fast as possible) or a positive factor (1 = real time)`);
  const frames: Frame[] = [];
  let first: number | null = null;
  let last = 0;
  let meta: MarketInfo[] | null = null;
  try {
    for await (const record of readRecordingEntries(path)) {
      if (record.dir === "meta") meta = record.markets.map((m, i) => fromMetaMarket(parseMetaMarket(m, i)));
      if (record.dir !== "recv") continue;
      if (record.t !== null && first === null) first = record.t;
      const at = record.t !== null && first !== null ? Math.max(last, record.t - first) : last;
      last = at;
      frames.push({ at, text: record.text });
    }
  } catch (err) {
    throw new Error(`cannot read the replay file ${path}: ${(err as Error).message}; pass an existing recording (JSONL)`);
  }
  const timers = new Set<TimerHandle>();
  const streaming = new WeakSet<MarketConnection>();

  const stream = (conn: MarketConnection): void => {
    if (streaming.has(conn)) return;
    streaming.add(conn);
    const start = clock.now();
    let i = 0;
    const pump = (): void => {
      if (conn.socket.readyState !== conn.socket.OPEN) return;
      const elapsed = clock.now() - start;
      let sent = 0;
      while (i < frames.length && (speed === 0 ? sent < BURST : frames[i].at / speed <= elapsed)) {
        conn.send(frames[i++].text);
        sent++;
      }
      if (i >= frames.length) return;
      const wait = speed === 0 ? 0 : Math.max(0, frames[i].at / speed - (clock.now() - start));
      const handle = clock.setTimeout(() => {
        timers.delete(handle);
        pump();
      }, wait);
      timers.add(handle);
    };
    pump();
  };

  return {
    markets: meta ? marketsFromMeta(meta, frames.map((f) => f.text), clock.now()) : marketsFromFrames(frames.map((f) => f.text), clock.now()),
    stream,
    stop: () => {
      for (const t of timers) clock.clearTimeout(t);
      timers.clear();
    },
  };
}
