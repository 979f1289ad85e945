// Which markets a recording holds: its meta line when it has one, else what its frames show (flags fill in what they do not).
import { fromMetaMarket, parseMetaMarket } from "../adapters/recording/recording-meta.js";
import { readRecordingEntries, type RecordingEntry } from "../adapters/recording/read-recording.js";
import { FrameMarkets, type MarketDefaults } from "../adapters/recording/frame-markets.js";
import type { MarketInfo } from "../domain/market.js";

export type { MarketDefaults };

export interface RecordingScan {
  markets: MarketInfo[];
  /** "meta" when the recording names its markets, else "frames". */
  from: "meta" | "frames";
  /** The session's start: the meta line's time, else the first timed entry's, else null. */
  start: number | null;
  /** The recording has connection marks: its socket is down until the first open mark. */
  marks: boolean;
}

const TIMESTAMP = /"timestamp"\s*:\s*"?(\d{10,16})/;

/** A frame's own exchange time (ms), for recordings whose lines carry none; null when it shows none. */
export function embeddedTime(text: string): number | null {
  const m = TIMESTAMP.exec(text);
  return m ? Number(m[1]) : null;
}

/** When an entry happened: its recorded time, else the frame's own timestamp. */
export function entryTime(e: RecordingEntry): number | null {
  if (e.t !== null) return e.t;
  return e.dir === "recv" || e.dir === "sent" ? embeddedTime(e.text) : null;
}

/** Reads the recording once to learn its markets and start (stops after the meta line's next entry when there is one). */
export async function scanRecording(path: string, defaults: MarketDefaults): Promise<RecordingScan> {
  let meta: MarketInfo[] | null = null;
  let start: number | null = null;
  let marks = false;
  const frames = new FrameMarkets();
  let first = true;
  for await (const e of readRecordingEntries(path)) {
    if (first && e.dir === "meta") {
      meta = e.markets.map((m, i) => fromMetaMarket(parseMetaMarket(m, i)));
      start = e.t;
      first = false;
      continue;
    }
    first = false;
    if (meta !== null) {
      marks = e.dir === "open";
      break;
    }
    start ??= entryTime(e);
    if (e.dir === "recv") frames.add(e.text);
  }
  if (meta !== null) return { markets: meta, from: "meta", start, marks };
  return { markets: frames.markets(defaults), from: "frames", start, marks: false };
}
