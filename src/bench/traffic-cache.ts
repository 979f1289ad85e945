// Keeps generated traffic in a file under the OS temp dir, so repeated `npm run bench` runs skip the generator's hashing (a minute or more).
import { closeSync, existsSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateTraffic, TRAFFIC_DEFAULTS, type FrameKind, type Traffic, type TrafficOptions } from "./generator.js";
import type { MarketInfo } from "../domain/market.js";

/** Bump whenever the generator's output changes for the same options, so stale files are never read. */
export const GENERATOR_VERSION = 1;

interface Header {
  version: number;
  options: TrafficOptions;
  markets: MarketInfo[];
  opening: string;
  openingTs: number;
  counts: Record<FrameKind, number>;
  entries: number;
  frames: number;
}

export function cachePath(o: TrafficOptions, dir = tmpdir()): string {
  return join(dir, `mm-bench-traffic-v${GENERATOR_VERSION}-s${o.seed}-m${o.markets}-f${o.frames}-g${o.meanGapMs}-t${o.startTs}.txt`);
}

/** Writes the traffic as a JSON header line, then one `timestamp<TAB>frame` line per frame (frames are single-line ASCII JSON). */
export function writeTraffic(path: string, options: TrafficOptions, t: Traffic): void {
  const header: Header = { version: GENERATOR_VERSION, options, markets: t.markets, opening: t.opening, openingTs: t.openingTs, counts: t.counts, entries: t.entries, frames: t.frames.length };
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, "w");
  try {
    writeSync(fd, JSON.stringify(header) + "\n");
    let chunk = "";
    for (let i = 0; i < t.frames.length; i++) {
      chunk += t.timestamps[i] + "\t" + t.frames[i] + "\n";
      if (chunk.length > 1 << 22) {
        writeSync(fd, chunk, null, "latin1");
        chunk = "";
      }
    }
    writeSync(fd, chunk, null, "latin1");
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** Reads a file written by writeTraffic; null when it is missing or from another generator version. */
export function readTraffic(path: string): Traffic | null {
  if (!existsSync(path)) return null;
  const buf = readFileSync(path);
  const first = buf.indexOf(10);
  if (first < 0) return null;
  const header = JSON.parse(buf.toString("utf8", 0, first)) as Header;
  if (header.version !== GENERATOR_VERSION) return null;
  const frames: string[] = new Array(header.frames);
  const timestamps = new Float64Array(header.frames);
  let at = first + 1;
  for (let i = 0; i < header.frames; i++) {
    const tab = buf.indexOf(9, at);
    const end = buf.indexOf(10, tab);
    if (tab < 0 || end < 0) return null;
    timestamps[i] = Number(buf.toString("latin1", at, tab));
    frames[i] = buf.toString("latin1", tab + 1, end);
    at = end + 1;
  }
  return { markets: header.markets, opening: header.opening, openingTs: header.openingTs, frames, timestamps, counts: header.counts, entries: header.entries };
}

/** The traffic for `options`, from the cache file when one exists, else generated and cached. */
export function loadTraffic(options: Partial<TrafficOptions>, dir = tmpdir()): { traffic: Traffic; cached: boolean; path: string } {
  const o = { ...TRAFFIC_DEFAULTS, ...options };
  const path = cachePath(o, dir);
  const hit = readTraffic(path);
  if (hit) return { traffic: hit, cached: true, path };
  const traffic = generateTraffic(o);
  writeTraffic(path, o, traffic);
  return { traffic, cached: false, path };
}
