// Where the real Polymarket captures live (shared/ sits beside the repo), and helpers to read their frames.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readRecordingLines } from "../../src/adapters/recording/read-recording.js";

export const fixturesDir = new URL("../../../shared/fixtures/polymarket/", import.meta.url);

export const fixturePath = (relative: string): string => fileURLToPath(new URL(relative, fixturesDir));

export const readFixture = (relative: string): string => readFileSync(new URL(relative, fixturesDir), "utf8");

/** The received frames of a capture or raw-lines file, in order. */
export function receivedFrames(relative: string): string[] {
  const out: string[] = [];
  for (const record of readRecordingLines(readFixture(relative).split("\n"))) if (record.dir === "recv") out.push(record.text);
  return out;
}

/** Every WebSocket capture file (JSONL) in the fixtures. */
export const CAPTURE_FILES = [
  "nslaughter/settled-subscription--repro.jsonl",
  "nslaughter/stream-duplicates--long-run.jsonl",
  "nslaughter/stream-idle-close--repro.jsonl",
  "polybotv2/ws_market_frames_2025-12-23.jsonl",
  "polybotv2/ws_user_order_placement_2025-12-23.jsonl",
  "polybotv2/ws_user_trade_2025-12-23.jsonl",
] as const;

/** The single pretty-printed WebSocket messages (keys re-sorted, so not wire-exact, but real). */
export const MESSAGE_FILES = [
  "nautilus/py_ws_messages_book.json",
  "nautilus/py_ws_messages_last_trade_price.json",
  "nautilus/py_ws_messages_order_cancel.json",
  "nautilus/py_ws_messages_order_placement.json",
  "nautilus/py_ws_messages_tick_size_change.json",
  "nautilus/py_ws_messages_user_trade1.json",
  "nautilus/py_ws_messages_user_trade2.json",
] as const;
