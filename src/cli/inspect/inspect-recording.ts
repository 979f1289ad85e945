// Replays a recording's received frames through the parser and the books and counts what it holds (the logic behind `mm inspect`).
import { bookHash } from "../../adapters/polymarket/book-hash.js";
import { parseFrame } from "../../adapters/polymarket/parse/parse-frame.js";
import { readRecordingEntries, type RecordingRecord, type RecordingStats, emptyStats } from "../../adapters/recording/read-recording.js";
import { parseMetaMarket } from "../../adapters/recording/recording-meta.js";
import { hashMetaFor, type BookHashMeta } from "../../domain/book/book-hash.js";
import { BookSet } from "../../domain/book/book-set.js";
import type { FeedEvent, MarketEvent, RejectionReason } from "../../domain/events.js";

/** The `mm inspect --json` object (field names are a contract). */
export interface InspectReport {
  frames: number;
  invalid: number;
  events: Record<string, number>;
  tokens: number;
  top_checks: number;
  top_mismatches: number;
  hash_checks: number;
  hash_mismatches: number;
}

/** What the table adds to the report: why frames were invalid, and how the file's lines were read. */
export interface InspectDetails {
  rejections: Partial<Record<RejectionReason, number>>;
  firstRejection: string | null;
  recording: RecordingStats;
}

const EVENT_ORDER = ["book", "price_change", "last_trade_price", "tick_size_change", "best_bid_ask", "market_resolved", "new_market", "order", "trade"] as const;

export class RecordingInspector {
  private readonly books = new BookSet();
  private readonly tokens = new Set<string>();
  private readonly eventCounts = new Map<string, number>();
  private frames = 0;
  private invalid = 0;
  private topChecks = 0;
  private topMismatches = 0;
  private hashChecks = 0;
  private hashMismatches = 0;
  /** Per token, from the recording's meta line (the flags win over it). */
  private readonly tokenMeta = new Map<string, Partial<BookHashMeta>>();
  readonly details: InspectDetails = { rejections: {}, firstRejection: null, recording: emptyStats() };

  /** `hashMeta`: the book-hash metadata a frame does not carry (a frame's own tick_size/last_trade_price win). */
  constructor(private readonly hashMeta: Partial<BookHashMeta>) {}

  /** The markets of mm's meta line: each token's min order size, neg-risk and tick size for the book hash. */
  addMeta(markets: readonly unknown[]): void {
    markets.forEach((raw, i) => {
      const m = parseMetaMarket(raw, i);
      const meta: Partial<BookHashMeta> = { minOrderSize: m.minSize, negRisk: m.negRisk, tickSize: m.tickSize };
      this.tokenMeta.set(m.yesTokenId, meta);
      this.tokenMeta.set(m.noTokenId, meta);
    });
  }

  add(record: RecordingRecord): void {
    if (record.dir !== "recv") return;
    this.frames++;
    const parsed = parseFrame(record.text);
    for (const rejection of parsed.rejections) {
      this.invalid++;
      this.details.rejections[rejection.reason] = (this.details.rejections[rejection.reason] ?? 0) + 1;
      this.details.firstRejection ??= rejection.detail;
    }
    for (const event of parsed.events) this.addEvent(event);
  }

  private addEvent(event: FeedEvent): void {
    switch (event.type) {
      case "text":
        return;
      case "order":
      case "trade":
        this.count(event.type);
        return;
      case "book":
      case "price_change":
      case "last_trade_price":
      case "tick_size_change":
      case "best_bid_ask":
      case "market_resolved":
      case "new_market":
        this.count(event.type);
        this.addMarketEvent(event);
        return;
      default: {
        const never: never = event;
        throw new Error(`unhandled event ${(never as { type: string }).type}`);
      }
    }
  }

  private addMarketEvent(event: MarketEvent): void {
    switch (event.type) {
      case "price_change":
        for (const change of event.changes) this.tokens.add(change.assetId);
        break;
      case "market_resolved":
      case "new_market":
        for (const id of event.assetIds) this.tokens.add(id);
        break;
      case "book": {
        this.tokens.add(event.assetId);
        const known = this.tokenMeta.get(event.assetId);
        const meta = hashMetaFor(event, known ? { ...known, ...this.hashMeta } : this.hashMeta);
        if (meta !== null) {
          this.hashChecks++;
          if (bookHash(event, meta) !== event.hash) this.hashMismatches++;
        }
        break;
      }
      case "last_trade_price":
      case "tick_size_change":
      case "best_bid_ask":
        this.tokens.add(event.assetId);
        break;
      default: {
        const never: never = event;
        throw new Error(`unhandled market event ${(never as { type: string }).type}`);
      }
    }
    const result = this.books.apply(event);
    this.topChecks += result.topChecks;
    this.topMismatches += result.topMismatches;
  }

  private count(type: string): void {
    this.eventCounts.set(type, (this.eventCounts.get(type) ?? 0) + 1);
  }

  report(): InspectReport {
    const events: Record<string, number> = {};
    for (const type of EVENT_ORDER) {
      const n = this.eventCounts.get(type);
      if (n !== undefined) events[type] = n;
    }
    return {
      frames: this.frames,
      invalid: this.invalid,
      events,
      tokens: this.tokens.size,
      top_checks: this.topChecks,
      top_mismatches: this.topMismatches,
      hash_checks: this.hashChecks,
      hash_mismatches: this.hashMismatches,
    };
  }
}

/** Inspects a recording file; rejects with the fs error when it cannot be read. */
export async function inspectFile(path: string, hashMeta: Partial<BookHashMeta>): Promise<{ report: InspectReport; details: InspectDetails }> {
  const inspector = new RecordingInspector(hashMeta);
  const stats = emptyStats();
  for await (const entry of readRecordingEntries(path, stats)) {
    if (entry.dir === "meta") inspector.addMeta(entry.markets);
    else if (entry.dir === "recv" || entry.dir === "sent") inspector.add(entry);
  }
  inspector.details.recording = stats;
  return { report: inspector.report(), details: inspector.details };
}
