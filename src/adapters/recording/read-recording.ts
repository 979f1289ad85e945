// Reads a WebSocket recording (mm's own JSONL, a capture JSONL, raw frame lines, or one pretty-printed frame) into {t, dir, text} records, line by line.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

export type RecordDir = "recv" | "sent";

/** A WebSocket frame received or sent. */
export interface RecordingRecord {
  /** ms since the epoch; null for plain frame lines, which carry no time. */
  t: number | null;
  dir: RecordDir;
  /** The raw frame text. */
  text: string;
}

/** mm's first line: the recorded markets' metadata (`markets` is checked by whoever uses it). */
export interface MetaRecord {
  t: number;
  dir: "meta";
  markets: unknown[];
}

/** mm's connection marks: the market socket opened, closed with a code, or failed. */
export type MarkRecord =
  | { t: number; dir: "open" }
  | { t: number; dir: "close"; code: number; reason: string }
  | { t: number; dir: "error"; message: string }
  /** The recorded session ended here (a replay stops its clock at this time). */
  | { t: number; dir: "end" };

/** Everything a recording holds, in order: frames plus mm's meta line and connection marks. */
export type RecordingEntry = RecordingRecord | MetaRecord | MarkRecord;

export interface RecordingStats {
  /** Non-blank lines read. */
  lines: number;
  /** Records produced (received and sent frames). */
  records: number;
  /** Lines that are not frames: capture notes, open/close/environment records, mm records with another dir (mm's meta/open/close lines are still yielded). */
  skipped: number;
}

/** A pretty-printed JSON document (e.g. a saved frame) is buffered whole up to this size, then read as plain lines. */
const MAX_DOCUMENT_CHARS = 64 * 1024 * 1024;

export const emptyStats = (): RecordingStats => ({ lines: 0, records: 0, skipped: 0 });

function isDir(v: unknown): v is RecordDir {
  return v === "recv" || v === "sent";
}

/** mm's meta, open, close, error and end lines; null for anything else. */
function markOf(t: number, o: Record<string, unknown>): MetaRecord | MarkRecord | null {
  switch (o.dir) {
    case "meta":
      return Array.isArray(o.markets) ? { t, dir: "meta", markets: o.markets } : null;
    case "open":
      return { t, dir: "open" };
    case "close":
      return typeof o.code === "number" ? { t, dir: "close", code: o.code, reason: typeof o.reason === "string" ? o.reason : "" } : null;
    case "error":
      return { t, dir: "error", message: typeof o.message === "string" ? o.message : "" };
    case "end":
      return { t, dir: "end" };
    default:
      return null;
  }
}

/**
 * Turns lines into records. Each line is one of:
 * - mm's format `{"t": ms, "dir": "recv"|"sent", "text": frame}`, and its `{"t", "dir": "meta", "markets": [...]}` first line
 *   and `{"t", "dir": "open"}` / `{"t", "dir": "close", "code", "reason"}` / `{"t", "dir": "error", "message"}` / `{"t", "dir": "end"}` marks;
 * - a capture record `{"t": seconds, "kind": "recv"|"sent"|"note"|..., "text"?: frame}` (non-frame kinds are skipped);
 * - anything else: the line itself is a received frame.
 * A file whose first line is not JSON but opens an object or array (`{`, `[`) is one pretty-printed frame.
 */
export class RecordingDecoder {
  readonly stats: RecordingStats = emptyStats();
  private first = true;
  private document: string[] | null = null;
  private documentChars = 0;

  /** The records for one line (usually zero or one; more when a buffered document turns out not to be one). */
  push(rawLine: string): RecordingEntry[] {
    const line = rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine;
    if (this.document !== null) {
      this.document.push(line);
      this.documentChars += line.length + 1;
      return this.documentChars > MAX_DOCUMENT_CHARS ? this.flushDocumentAsLines() : [];
    }
    if (line.trim().length === 0) return [];
    this.stats.lines++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      const opener = line.trimStart().charCodeAt(0);
      if (this.first && (opener === 123 || opener === 91)) {
        this.first = false;
        this.document = [line];
        this.documentChars = line.length + 1;
        return [];
      }
      this.first = false;
      return [this.record(null, "recv", line)];
    }
    this.first = false;
    return this.decodeValue(value, line);
  }

  /** Call after the last line: emits a buffered pretty-printed document. */
  end(): RecordingEntry[] {
    if (this.document === null) return [];
    const text = this.document.join("\n").trimEnd();
    try {
      JSON.parse(text);
    } catch {
      return this.flushDocumentAsLines();
    }
    this.document = null;
    // The whole document was counted as its first line; count it as one frame line.
    return [this.record(null, "recv", text)];
  }

  private flushDocumentAsLines(): RecordingEntry[] {
    const lines = this.document ?? [];
    this.document = null;
    const out: RecordingEntry[] = [this.record(null, "recv", lines[0] ?? "")];
    for (let i = 1; i < lines.length; i++) for (const r of this.push(lines[i])) out.push(r);
    return out;
  }

  private decodeValue(value: unknown, line: string): RecordingEntry[] {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return [this.record(null, "recv", line)];
    const o = value as Record<string, unknown>;
    if (typeof o.dir === "string" && typeof o.text === "string" && typeof o.t === "number") {
      if (isDir(o.dir)) return [this.record(o.t, o.dir, o.text)];
      this.stats.skipped++;
      return [];
    }
    const mark = typeof o.t === "number" && typeof o.dir === "string" ? markOf(o.t, o) : null;
    if (mark) {
      this.stats.skipped++;
      return [mark];
    }
    if (typeof o.kind === "string") {
      if (isDir(o.kind) && typeof o.text === "string") return [this.record(typeof o.t === "number" ? Math.round(o.t * 1000) : null, o.kind, o.text)];
      this.stats.skipped++;
      return [];
    }
    return [this.record(null, "recv", line)];
  }

  private record(t: number | null, dir: RecordDir, text: string): RecordingRecord {
    this.stats.records++;
    return { t, dir, text };
  }
}

const isFrame = (e: RecordingEntry): e is RecordingRecord => e.dir === "recv" || e.dir === "sent";

/** Every entry (frames, meta line, connection marks) from lines already in memory. */
export function* readRecordingEntryLines(lines: Iterable<string>, stats?: RecordingStats): Generator<RecordingEntry> {
  const decoder = new RecordingDecoder();
  try {
    for (const line of lines) yield* decoder.push(line);
    yield* decoder.end();
  } finally {
    if (stats) Object.assign(stats, decoder.stats);
  }
}

/** Records from lines already in memory (tests, small files). */
export function* readRecordingLines(lines: Iterable<string>, stats?: RecordingStats): Generator<RecordingRecord> {
  for (const e of readRecordingEntryLines(lines, stats)) if (isFrame(e)) yield e;
}

/** Streams every entry of a recording file (frames, meta line, connection marks). Rejects with the fs error (e.g. ENOENT) if the file cannot be read. */
export async function* readRecordingEntries(path: string, stats?: RecordingStats): AsyncGenerator<RecordingEntry> {
  const decoder = new RecordingDecoder();
  const input = createReadStream(path, { encoding: "utf8" });
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) yield* decoder.push(line);
    yield* decoder.end();
  } finally {
    lines.close();
    input.destroy();
    if (stats) Object.assign(stats, decoder.stats);
  }
}

/** Streams a recording file's frames line by line (files can be large). Rejects with the fs error (e.g. ENOENT) if the file cannot be read. */
export async function* readRecordingFile(path: string, stats?: RecordingStats): AsyncGenerator<RecordingRecord> {
  for await (const e of readRecordingEntries(path, stats)) if (isFrame(e)) yield e;
}
