// The recording format mm writes: meta line, frames and connection marks read back in order, usable without its end, and the meta codec.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readRecordingEntryLines, readRecordingLines } from "../../../src/adapters/recording/read-recording.js";
import { fromMetaMarket, parseMetaMarket, toMetaMarket } from "../../../src/adapters/recording/recording-meta.js";
import { RecordingWriter } from "../../../src/adapters/recording/write-recording.js";
import { market } from "../quoting/market-fixture.js";

const tmp = (): string => join(mkdtempSync(join(tmpdir(), "mm-rec-")), "r.jsonl");

describe("RecordingWriter", () => {
  it("writes a meta line, then frames and marks, each on disk as soon as it is written", () => {
    const path = tmp();
    const m = market();
    const w = new RecordingWriter(path, [m], 1000);
    w.opened(1001);
    w.frame(1002, "sent", '{"assets_ids":["111"],"type":"market"}');
    w.frame(1003, "recv", "PONG");
    // Read before close: a killed recorder leaves exactly this.
    const early = [...readRecordingEntryLines(readFileSync(path, "utf8").split("\n"))];
    expect(early.map((e) => e.dir)).toEqual(["meta", "open", "sent", "recv"]);
    w.closed(1004, 1006, "gone");
    w.failed(1005, "ECONNREFUSED");
    w.end(1006);
    const text = readFileSync(path, "utf8");
    expect(w.progress).toEqual({ frames: 2, bytes: Buffer.byteLength(text) });
    const entries = [...readRecordingEntryLines(text.split("\n"))];
    expect(entries.slice(1)).toEqual([
      { t: 1001, dir: "open" },
      { t: 1002, dir: "sent", text: '{"assets_ids":["111"],"type":"market"}' },
      { t: 1003, dir: "recv", text: "PONG" },
      { t: 1004, dir: "close", code: 1006, reason: "gone" },
      { t: 1005, dir: "error", message: "ECONNREFUSED" },
      { t: 1006, dir: "end" },
    ]);
    const meta = entries[0];
    expect(meta.dir).toBe("meta");
    if (meta.dir === "meta") expect(fromMetaMarket(parseMetaMarket(meta.markets[0], 0))).toMatchObject({ conditionId: m.conditionId, yesTokenId: m.yesTokenId, tickSize: m.tickSize, minSize: m.minSize, negRisk: m.negRisk });
    // Readers that want frames only still get frames only.
    expect([...readRecordingLines(text.split("\n"))].map((r) => r.dir)).toEqual(["sent", "recv"]);
  });
});

describe("meta markets", () => {
  it("round-trip tick, sizes and reward amounts exactly", () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 10, 25, 50, 100, 1000), fc.integer({ min: 1, max: 1e12 }), fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 1e12 }), fc.boolean(), (tick, minSize, rewardMin, daily, negRisk) => {
        const m = { ...market(), tickSize: tick, minSize, negRisk, rewards: { maxSpreadCents: 3.5, minSize: rewardMin, dailyRate: daily } };
        const back = fromMetaMarket(parseMetaMarket(JSON.parse(JSON.stringify(toMetaMarket(m))), 0));
        expect(back).toMatchObject({ tickSize: tick, minSize, negRisk, rewards: m.rewards });
      }),
    );
  });

  it("names the bad field of a damaged meta line", () => {
    const bad = { ...toMetaMarket(market()), tickSize: "cheap" };
    expect(() => parseMetaMarket(bad, 2)).toThrow("markets[2].tickSize: not a decimal price");
  });
});
