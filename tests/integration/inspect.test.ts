// `mm inspect` as a user runs it: the built CLI on every fixture file, with exact counts.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatReport } from "../../src/cli/inspect/format-report.js";
import { inspectFile, type InspectReport } from "../../src/cli/inspect/inspect-recording.js";
import { MESSAGE_FILES, fixturePath } from "../helpers/fixtures.js";

const MM = fileURLToPath(new URL("../../bin/mm.js", import.meta.url));
/** CLI start-up is CPU-bound: at most 2 at once on this 2-core machine, with room for a loaded one. */
const SLOTS = 2;
const SPAWN_TIMEOUT_MS = 100_000;
let running = 0;
const waiting: (() => void)[] = [];

async function mm(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  if (running >= SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await new Promise((resolve) => {
      execFile(process.execPath, [MM, ...args], { timeout: SPAWN_TIMEOUT_MS }, (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof err.code === "number" ? err.code : -1;
        resolve({ code, stdout, stderr: err?.killed ? `killed after ${SPAWN_TIMEOUT_MS} ms\n${stderr}` : stderr });
      });
    });
  } finally {
    running--;
    waiting.shift()?.();
  }
}

async function inspectJson(...args: string[]): Promise<InspectReport> {
  const { code, stdout, stderr } = await mm("inspect", ...args, "--json");
  expect(stderr).toBe("");
  expect(code, stderr).toBe(0);
  const lines = stdout.trim().split("\n");
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]) as InspectReport;
}

const zero = { invalid: 0, top_checks: 0, top_mismatches: 0, hash_checks: 0, hash_mismatches: 0 };

describe("mm inspect --json on the captures", { timeout: 300_000 }, () => {
  it("gives the exact counts for every capture file", async () => {
    const results = await Promise.all([
      inspectJson(fixturePath("nslaughter/settled-subscription--repro.jsonl")),
      inspectJson(fixturePath("nslaughter/stream-duplicates--long-run.jsonl")),
      inspectJson(fixturePath("nslaughter/stream-idle-close--repro.jsonl")),
      inspectJson(fixturePath("polybotv2/ws_market_frames_2025-12-23.jsonl")),
      inspectJson(fixturePath("polybotv2/ws_user_order_placement_2025-12-23.jsonl")),
      inspectJson(fixturePath("polybotv2/ws_user_trade_2025-12-23.jsonl")),
    ]);
    expect(results).toEqual([
      // The opening array of 2 books, then `[]\n` from the settled-only connection.
      { ...zero, frames: 2, events: { book: 2 }, tokens: 2 },
      // A curated subset with frames missing: an exact book disagrees with the feed on 10 of 12 checks.
      { ...zero, frames: 37, events: { book: 6, price_change: 22, last_trade_price: 1, best_bid_ask: 8 }, tokens: 4, top_checks: 12, top_mismatches: 10 },
      // Two `[]\n` answers and 14 PONGs.
      { ...zero, frames: 16, events: {}, tokens: 0 },
      { ...zero, frames: 3, events: { book: 3, price_change: 1 }, tokens: 2, top_checks: 2, top_mismatches: 0 },
      { ...zero, frames: 1, events: { order: 1 }, tokens: 0 },
      { ...zero, frames: 1, events: { trade: 1 }, tokens: 0 },
    ]);
  });

  it("recomputes book hashes from the metadata flags (a frame's own tick_size/last_trade_price win)", async () => {
    const [polybot, settled, lisnard] = await Promise.all([
      inspectJson(fixturePath("polybotv2/ws_market_frames_2025-12-23.jsonl"), "--min-order-size", "5", "--tick-size", "0.01", "--last-trade-price", "0.500"),
      inspectJson(fixturePath("nslaughter/settled-subscription--repro.jsonl"), "--min-order-size", "5", "--neg-risk"),
      // One last trade price fits only the 2 post-trade books it belongs to; the other 4 books had other last trades.
      inspectJson(fixturePath("nslaughter/stream-duplicates--long-run.jsonl"), "--min-order-size", "5", "--neg-risk", "--tick-size", "0.001", "--last-trade-price", "0.889"),
    ]);
    expect([polybot.hash_checks, polybot.hash_mismatches]).toEqual([3, 0]);
    expect([settled.hash_checks, settled.hash_mismatches]).toEqual([2, 0]);
    expect([lisnard.hash_checks, lisnard.hash_mismatches]).toEqual([6, 4]);
  });

  it("reads each pretty-printed message file as one frame (in process: the same code without 7 CLI start-ups)", async () => {
    const results = await Promise.all(MESSAGE_FILES.map(async (file) => (await inspectFile(fixturePath(file), {})).report));
    expect(results.map((r) => [r.frames, r.invalid, Object.keys(r.events)])).toEqual([
      [1, 0, ["book"]],
      [1, 0, ["last_trade_price"]],
      [1, 0, ["order"]],
      [1, 0, ["order"]],
      [1, 0, ["tick_size_change"]],
      [1, 0, ["trade"]],
      [1, 0, ["trade"]],
    ]);
  });
});

describe("mm inspect as a user meets it", { timeout: 300_000 }, () => {
  it("prints a readable table without --json", async () => {
    const { code, stdout } = await mm("inspect", fixturePath("polybotv2/ws_market_frames_2025-12-23.jsonl"));
    expect(code).toBe(0);
    expect(stdout).toMatch(/frames received\s+3\n/);
    expect(stdout).toMatch(/ {4}book\s+3\n/);
    expect(stdout).toMatch(/top checks\s+2\n/);
    expect(stdout).toMatch(/top mismatches\s+0\n/);
  });

  it("reports a file of garbage (every frame invalid) instead of crashing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mm-inspect-"));
    const path = join(dir, "garbage.jsonl");
    writeFileSync(path, ["\u0000\u0001binary", "{not json", "[1, 2]", "hello", '{"event_type":"book"}', "42"].join("\n"));
    const report = await inspectJson(path);
    expect(report).toEqual({ ...zero, frames: 6, invalid: 7, events: {}, tokens: 0 });
    const inProcess = await inspectFile(path, {});
    expect(inProcess.details.rejections).toEqual({ unknown_text: 3, bad_json: 1, bad_field: 2, missing_field: 1 });
    expect(formatReport(path, inProcess.report, inProcess.details)).toContain("first invalid:");
  });

  it("exits 2 with a clear message for a missing file or a bad flag", async () => {
    const missing = await mm("inspect", "/nonexistent/session.jsonl", "--json");
    expect(missing.code, missing.stderr).toBe(2);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toContain("/nonexistent/session.jsonl does not exist");
    const badTick = await mm("inspect", fixturePath("polybotv2/ws_market_frames_2025-12-23.jsonl"), "--tick-size", "cheap");
    expect(badTick.code, badTick.stderr).toBe(2);
    expect(badTick.stderr).toContain('--tick-size "cheap" is not a tick size');
    const noFile = await mm("inspect");
    expect(noFile.code, noFile.stderr).toBe(2);
  });
});
