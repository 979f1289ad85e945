// The ledger file: each line is on disk (written) when append returns; fills are synced in the background, coalesced; close syncs and closes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LedgerFile, readLedger } from "../../../src/adapters/store/ledger-file.js";
import type { LedgerEntry } from "../../../src/domain/ledger/ledger-entry.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "mm-ledger-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const risk = (seq: number): LedgerEntry => ({ seq, ts: "2026-01-01T00:00:00.000Z", type: "risk", state: "ACTIVE", reason: `line ${seq}` }) as LedgerEntry;

describe("LedgerFile", () => {
  it("has every urgent line in the file the moment append returns, with many appends sharing background syncs, and close ends it", async () => {
    const path = join(dir, "ledger.jsonl");
    const file = LedgerFile.open(path, readLedger(path));
    const errors: Error[] = [];
    file.onSyncError = (e) => errors.push(e);
    for (let i = 1; i <= 200; i++) {
      file.append(risk(i), true);
      expect(readFileSync(path, "utf8").split("\n").length - 1).toBe(i); // written before acknowledging, sync or not
    }
    await new Promise<void>((r) => setTimeout(r, 20)); // background syncs run on the thread pool meanwhile
    file.append(risk(201), true);
    file.close();
    file.close(); // a second close is a no-op
    expect(() => file.append(risk(202), true)).toThrow(/closed/);
    await new Promise<void>((r) => setTimeout(r, 20)); // a sync running at close lets the fd go when it ends
    const read = readLedger(path);
    expect(read.warning).toBeNull();
    expect(read.entries.map((e) => e.seq)).toEqual(Array.from({ length: 201 }, (_, i) => i + 1));
    expect(errors).toEqual([]);
  });
});
