// The recording reader: mm's JSONL, capture JSONL, raw frame lines and a pretty-printed frame, from memory and streamed from disk.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emptyStats, readRecordingFile, readRecordingLines, type RecordingRecord } from "../../../src/adapters/recording/read-recording.js";
import { fixturePath, readFixture } from "../../helpers/fixtures.js";

const read = (lines: string[]) => {
  const stats = emptyStats();
  const records = [...readRecordingLines(lines, stats)];
  return { records, stats };
};

async function readFile(path: string): Promise<{ records: RecordingRecord[]; stats: ReturnType<typeof emptyStats> }> {
  const stats = emptyStats();
  const records: RecordingRecord[] = [];
  for await (const r of readRecordingFile(path, stats)) records.push(r);
  return { records, stats };
}

describe("readRecordingLines", () => {
  it("reads mm's own format", () => {
    const { records, stats } = read([
      JSON.stringify({ t: 1700000000123, dir: "sent", text: '{"type":"market"}' }),
      JSON.stringify({ t: 1700000000200, dir: "recv", text: "PONG" }),
      JSON.stringify({ t: 1700000000300, dir: "note", text: "reconnecting" }),
      "",
    ]);
    expect(records).toEqual([
      { t: 1700000000123, dir: "sent", text: '{"type":"market"}' },
      { t: 1700000000200, dir: "recv", text: "PONG" },
    ]);
    expect(stats).toEqual({ lines: 3, records: 2, skipped: 1 });
  });

  it("reads the capture form (t in seconds) and skips its notes, open and close records", () => {
    const { records, stats } = read(readFixture("nslaughter/settled-subscription--repro.jsonl").split("\n"));
    expect(records.map((r) => r.dir)).toEqual(["sent", "recv", "sent", "recv"]);
    expect(records[1].t).toBe(1791129700364);
    expect(records[3].text).toBe("[]\n");
    expect(stats).toEqual({ lines: 12, records: 4, skipped: 8 });
  });

  it("reads plain lines as received frames with no time", () => {
    const { records } = read(["PONG", '{"event_type":"book"}', "garbage {", "[1,2"]);
    expect(records).toEqual([
      { t: null, dir: "recv", text: "PONG" },
      { t: null, dir: "recv", text: '{"event_type":"book"}' },
      { t: null, dir: "recv", text: "garbage {" },
      { t: null, dir: "recv", text: "[1,2" },
    ]);
  });

  it("reads a pretty-printed JSON file as one frame", () => {
    const text = readFixture("nautilus/py_ws_messages_tick_size_change.json");
    expect(read(text.split("\n")).records).toEqual([{ t: null, dir: "recv", text: text.replace(/\n$/, "") }]);
  });

  it("reads a file that opens like a document but is not one as plain lines", () => {
    const { records } = read(["{", '  "a": ', "PONG"]);
    expect(records.map((r) => r.text)).toEqual(["{", '  "a": ', "PONG"]);
  });

  it("strips CR line endings", () => {
    expect(read(["PONG\r"]).records[0].text).toBe("PONG");
  });
});

describe("readRecordingFile", () => {
  it("streams a capture from disk", async () => {
    const { records, stats } = await readFile(fixturePath("nslaughter/stream-idle-close--repro.jsonl"));
    expect(records.filter((r) => r.dir === "recv")).toHaveLength(16);
    expect(records.filter((r) => r.dir === "sent").map((r) => r.text)).toContain("PING");
    expect(stats.skipped).toBe(5); // a note, two opens, two closes
  });

  it("streams a large file line by line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mm-rec-"));
    const path = join(dir, "big.jsonl");
    const line = JSON.stringify({ t: 1, dir: "recv", text: "PONG" });
    writeFileSync(path, (line + "\n").repeat(20_000));
    const { stats } = await readFile(path);
    expect(stats).toEqual({ lines: 20_000, records: 20_000, skipped: 0 });
  });

  it("rejects with ENOENT for a missing file", async () => {
    await expect(readFile("/nonexistent/mm.jsonl")).rejects.toMatchObject({ code: "ENOENT" });
  });
});
