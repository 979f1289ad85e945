// The append-only JSONL ledger file: reading with torn-tail tolerance, and synchronous appends, fdatasynced in the background for fills and risk events.
import { closeSync, existsSync, fdatasync, fdatasyncSync, fstatSync, ftruncateSync, openSync, readFileSync, writeSync } from "node:fs";
import { formatLedgerLine, parseLedger, type LedgerEntry } from "../../domain/ledger/ledger-entry.js";

export interface LedgerRead {
  entries: LedgerEntry[];
  /** Set when the last line was cut short by a crash (it is ignored). */
  warning: string | null;
  validBytes: number;
  /** The file ends without a newline after a complete entry. */
  missingNewline: boolean;
}

/** Reads and validates a ledger; a missing file is an empty ledger. Throws with the file name on a bad line. */
export function readLedger(path: string): LedgerRead {
  if (!existsSync(path)) return { entries: [], warning: null, validBytes: 0, missingNewline: false };
  const text = readFileSync(path, "utf8");
  try {
    const parsed = parseLedger(text);
    const warning = parsed.truncatedTail === null ? null : `ignored a truncated last line in ${path} (${parsed.truncatedTail.length} bytes, a write cut short by a crash)`;
    const missingNewline = parsed.truncatedTail === null && text.length > 0 && !text.endsWith("\n");
    return { entries: parsed.entries, warning, validBytes: parsed.validBytes, missingNewline };
  } catch (err) {
    throw new Error(`${path}: ${(err as Error).message}`);
  }
}

/**
 * An open ledger for appending. Every line goes out in one write(2) before append() returns, so a killed process never
 * loses an acknowledged line (the page cache survives the process). Fills and risk events are also fdatasync'ed, so
 * they survive a power cut too; order lines are not (losing an order line loses no money: its fill line, if any, is synced).
 * The fdatasync runs off the hot path, on libuv's thread pool: at once when none is running, else once more right after
 * the running one (one sync covers every line written before it starts); close() syncs whatever is left, synchronously.
 */
export class LedgerFile {
  private fd: number | null;
  /** An fdatasync is running on the thread pool. */
  private syncing = false;
  /** A line that needs syncing was written after the running fdatasync started. */
  private syncAgain = false;
  /** close() was called; if an fdatasync was running, the fd is closed when it ends (closing under it could sync a reused fd). */
  private closed = false;
  /** Called with the error of a failed background fdatasync (the line is written; only its power-cut durability is in doubt). */
  onSyncError: (err: Error) => void = () => {};

  private constructor(fd: number) {
    this.fd = fd;
  }

  /** Opens for append, cutting off a torn last line first and closing an unterminated one. */
  static open(path: string, read: LedgerRead): LedgerFile {
    const fd = openSync(path, "a+");
    if (fstatSync(fd).size > read.validBytes) ftruncateSync(fd, read.validBytes);
    const file = new LedgerFile(fd);
    if (read.missingNewline) writeSync(fd, "\n");
    return file;
  }

  append(entry: LedgerEntry, sync: boolean): void {
    if (this.fd === null || this.closed) throw new Error("the ledger is closed");
    const bytes = Buffer.from(formatLedgerLine(entry), "utf8");
    let off = 0;
    while (off < bytes.length) off += writeSync(this.fd, bytes, off, bytes.length - off);
    if (!sync) return;
    if (this.syncing) this.syncAgain = true;
    else this.syncInBackground(this.fd);
  }

  /** Writes are done; syncs what is unsynced before returning and closes (once a running background sync ends). */
  close(): void {
    if (this.fd === null || this.closed) return;
    this.closed = true;
    fdatasyncSync(this.fd);
    this.syncAgain = false;
    if (!this.syncing) {
      closeSync(this.fd);
      this.fd = null;
    }
  }

  private syncInBackground(fd: number): void {
    this.syncing = true;
    this.syncAgain = false;
    fdatasync(fd, (err) => {
      this.syncing = false;
      if (err) this.onSyncError(err);
      if (this.closed) {
        closeSync(fd);
        this.fd = null;
      } else if (this.syncAgain) this.syncInBackground(fd);
    });
  }
}
