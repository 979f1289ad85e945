// Which markets a recording holds: its meta line when it has one, else what its frames show (flags fill in what they do not).
import { fromMetaMarket, parseMetaMarket } from "../adapters/recording/recording-meta.js";
import { readRecordingEntries, type RecordingEntry } from "../adapters/recording/read-recording.js";
import { openMarket, type MarketInfo } from "../domain/market.js";
import { SIZE_SCALE, parsePrice, type Micro, type Pips } from "../domain/units.js";

/** What the flags say about markets a recording does not describe (as in `mm inspect`). */
export interface MarketDefaults {
  tickSize?: Pips;
  minSize?: Micro;
  negRisk?: boolean;
}

export interface RecordingScan {
  markets: MarketInfo[];
  /** "meta" when the recording names its markets, else "frames". */
  from: "meta" | "frames";
  /** The session's start: the meta line's time, else the first timed entry's, else null. */
  start: number | null;
  /** The recording has connection marks: its socket is down until the first open mark. */
  marks: boolean;
}

interface Seen {
  tokens: string[];
  tick: Pips | null;
  prices: Set<string>;
}

/** Ticks from coarse to fine; a market's tick is the coarsest that every price it shows sits on. */
const TICKS: Pips[] = [1000, 100, 10, 1];

function visit(value: unknown, seen: Map<string, Seen>): void {
  if (Array.isArray(value)) {
    for (const v of value) visit(v, seen);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const o = value as Record<string, unknown>;
  if (typeof o.market !== "string" || o.market === "") return;
  let entry = seen.get(o.market);
  if (!entry) seen.set(o.market, (entry = { tokens: [], tick: null, prices: new Set() }));
  const e = entry;
  const add = (id: unknown): void => {
    if (typeof id === "string" && id !== "" && !e.tokens.includes(id)) e.tokens.push(id);
  };
  const price = (p: unknown): void => {
    if (typeof p === "string" && e.prices.size < 10_000) e.prices.add(p);
  };
  if (o.event_type === "new_market" || o.event_type === "market_resolved") return;
  add(o.asset_id);
  if (Array.isArray(o.price_changes)) for (const c of o.price_changes as Record<string, unknown>[]) {
    add(c?.asset_id);
    price(c?.price);
  }
  for (const side of [o.bids, o.asks]) if (Array.isArray(side)) for (const l of side as Record<string, unknown>[]) price(l?.price);
  if (e.tick === null && typeof o.tick_size === "string") e.tick = parsePrice(o.tick_size);
  if (e.tick === null && typeof o.old_tick_size === "string") e.tick = parsePrice(o.old_tick_size);
}

function tickOf(s: Seen): Pips {
  if (s.tick !== null && s.tick > 0) return s.tick;
  const pips = [...s.prices].map(parsePrice).filter((p): p is Pips => p !== null && p > 0);
  return TICKS.find((tick) => pips.every((p) => p % tick === 0)) ?? 1;
}

/** Learns markets from frames: one per condition id whose frames show exactly two tokens; the first token seen is taken as YES. */
export class FrameMarkets {
  private readonly seen = new Map<string, Seen>();

  add(text: string): void {
    const c = text.trimStart().charCodeAt(0);
    if (c !== 123 && c !== 91) return;
    try {
      visit(JSON.parse(text), this.seen);
    } catch {
      // Not JSON: nothing to learn.
    }
  }

  markets(defaults: MarketDefaults): MarketInfo[] {
    const out: MarketInfo[] = [];
    for (const [conditionId, s] of this.seen) {
      if (s.tokens.length !== 2) continue;
      out.push(
        openMarket({
          conditionId,
          question: `Recorded market ${conditionId.slice(0, 10)}`,
          slug: `recorded-${conditionId.slice(2, 10)}`,
          yesTokenId: s.tokens[0],
          noTokenId: s.tokens[1],
          tickSize: defaults.tickSize ?? tickOf(s),
          minSize: defaults.minSize ?? 5 * SIZE_SCALE,
          negRisk: defaults.negRisk ?? false,
        }),
      );
    }
    return out;
  }
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
