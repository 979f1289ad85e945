// Micro-benchmark of the hot path: JSON.parse alone vs parse+validate vs parse+validate+book apply, on a generated stream and the real captures.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFrame } from "../adapters/polymarket/parse/parse-frame.js";
import { readRecordingLines } from "../adapters/recording/read-recording.js";
import { packageRoot } from "../cli/package-info.js";
import { BookSet } from "../domain/book/book-set.js";
import { OrderBook } from "../domain/book/order-book.js";
import type { MarketEvent } from "../domain/events.js";
import type { Side } from "../domain/market.js";
import { fastestNs, perSecond, round, type BenchSection, type SectionResult } from "./measure.js";
import { generateStream } from "./price-change-stream.js";

const MARKETS = 24;
const FRAMES = 20_000;

/** Results flow into this so the JIT cannot drop the measured work. */
let sink = 0;

function marketEvents(frames: readonly string[]): MarketEvent[] {
  const out: MarketEvent[] = [];
  for (const f of frames) for (const e of parseFrame(f).events) if (e.type !== "text" && e.type !== "order" && e.type !== "trade") out.push(e);
  return out;
}

function jsonParseAll(frames: readonly string[]): void {
  for (let i = 0; i < frames.length; i++) {
    const c = frames[i].charCodeAt(0);
    if (c === 123 || c === 91) sink += JSON.parse(frames[i]) === null ? 1 : 0;
  }
}

function parseAll(frames: readonly string[]): void {
  for (let i = 0; i < frames.length; i++) sink += parseFrame(frames[i]).events.length;
}

function applyAll(books: BookSet, events: readonly MarketEvent[]): void {
  for (let i = 0; i < events.length; i++) sink += books.apply(events[i]).topChecks;
}

function parseApplyAll(books: BookSet, frames: readonly string[]): void {
  for (let i = 0; i < frames.length; i++) {
    const events = parseFrame(frames[i]).events;
    for (let j = 0; j < events.length; j++) {
      const e = events[j];
      if (e.type !== "text" && e.type !== "order" && e.type !== "trade") sink += books.apply(e).topMismatches;
    }
  }
}

/** The real WebSocket captures beside the repo (../shared/fixtures/polymarket), if present. */
function captureFrames(): string[] {
  const dir = join(packageRoot, "..", "shared", "fixtures", "polymarket");
  const frames: string[] = [];
  for (const sub of ["nslaughter", "polybotv2"]) {
    const folder = join(dir, sub);
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder).filter((f) => f.endsWith(".jsonl")).sort()) {
      for (const r of readRecordingLines(readFileSync(join(folder, file), "utf8").split("\n"))) if (r.dir === "recv") frames.push(r.text);
    }
  }
  return frames;
}

function runBookBench(): SectionResult {
  const stream = generateStream(MARKETS, FRAMES);
  const frames = stream.changes;
  const snapshots = marketEvents(stream.snapshots);
  const changes = marketEvents(frames);
  // Pre-extracted deltas for the bare OrderBook cost.
  const deltas = changes.flatMap((e) => (e.type === "price_change" ? e.changes : []));
  const sides: Side[] = deltas.map((d) => d.side);
  const prices = deltas.map((d) => d.price);
  const sizes = deltas.map((d) => d.size);
  // One BookSet, reset by re-applying the opening snapshots: allocating 48 fresh books per run would time the GC, not the books.
  const books = new BookSet();
  applyAll(books, snapshots);
  const rawBooks = deltas.map((d) => books.book(d.assetId) as OrderBook);
  const freshBooks = (): void => applyAll(books, snapshots);

  const t = fastestNs({
    json: { run: () => jsonParseAll(frames) },
    parse: { run: () => parseAll(frames) },
    parseApply: { setup: freshBooks, run: () => parseApplyAll(books, frames) },
    apply: { setup: freshBooks, run: () => applyAll(books, changes) },
    raw: {
      setup: freshBooks,
      run: () => {
        for (let i = 0; i < rawBooks.length; i++) if (rawBooks[i].applyDelta(sides[i], prices[i], sizes[i])) sink++;
      },
    },
  });
  const n = frames.length;
  const jsonNs = t.json / n;
  const parseNs = t.parse / n;
  const fullNs = t.parseApply / n;
  const applyNs = t.apply / deltas.length;
  const rawNs = t.raw / deltas.length;
  const pct = (x: number, base: number): number => round((x / base - 1) * 100);
  const fmt = (ns: number): string => `${round(ns).toFixed(1).padStart(8)} ns/msg ${perSecond(ns).toLocaleString("en-US").padStart(10)} msg/s`;
  const lines = [
    `generated stream: ${MARKETS} markets (${stream.tokens} tokens, ticks 0.01 and 0.001), ${n} price_change frames, ${deltas.length} deltas`,
    `  JSON.parse only           ${fmt(jsonNs)}`,
    `  parse + validate          ${fmt(parseNs)}   +${pct(parseNs, jsonNs)}% over JSON.parse`,
    `  parse + validate + apply  ${fmt(fullNs)}   +${pct(fullNs, jsonNs)}% over JSON.parse`,
    `  BookSet.apply             ${round(applyNs).toFixed(1).padStart(8)} ns/delta (with the top check)`,
    `  OrderBook.applyDelta      ${round(rawNs).toFixed(1).padStart(8)} ns/delta`,
  ];
  const figures: SectionResult["figures"] = {
    markets: MARKETS,
    tokens: stream.tokens,
    frames: n,
    deltas: deltas.length,
    json_parse_ns_per_msg: round(jsonNs),
    parse_ns_per_msg: round(parseNs),
    parse_overhead_pct: pct(parseNs, jsonNs),
    parse_apply_ns_per_msg: round(fullNs),
    parse_apply_overhead_pct: pct(fullNs, jsonNs),
    parse_apply_msgs_per_s: perSecond(fullNs),
    book_set_apply_ns_per_delta: round(applyNs),
    order_book_ns_per_delta: round(rawNs),
  };

  const real = captureFrames();
  if (real.length > 0) {
    // The captures are small: repeat them so each timed run is long enough to measure.
    const repeated = Array.from({ length: Math.ceil(5_000 / real.length) }, () => real).flat();
    const r = fastestNs({ json: { run: () => jsonParseAll(repeated) }, parseApply: { run: () => parseApplyAll(new BookSet(), repeated) } }, 5);
    const realJson = r.json / repeated.length;
    const realFull = r.parseApply / repeated.length;
    figures.captures = { frames: real.length, json_parse_ns_per_msg: round(realJson), parse_apply_ns_per_msg: round(realFull), parse_apply_overhead_pct: pct(realFull, realJson) };
    lines.push(
      `real captures: ${real.length} frames (many are large book snapshots), repeated to ${repeated.length}`,
      `  JSON.parse only           ${fmt(realJson)}`,
      `  parse + validate + apply  ${fmt(realFull)}   +${pct(realFull, realJson)}% over JSON.parse`,
    );
  } else lines.push("real captures: not found beside the repo (../shared/fixtures/polymarket), skipped");
  if (sink === -1) lines.push("");
  return { figures, lines };
}

export const bookBench: BenchSection = { name: "book", title: "Hot path: parse, validate, apply to books", run: runBookBench };
