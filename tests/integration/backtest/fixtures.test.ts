// mm backtest on every real capture in the fixtures: it completes, and two runs give byte-identical reports.
import { describe, expect, it } from "vitest";
import { scanRecording } from "../../../src/backtest/recording-markets.js";
import { runBacktest } from "../../../src/backtest/runner.js";
import { loadSettings } from "../../../src/cli/config.js";
import { CAPTURE_FILES, MESSAGE_FILES, fixturePath } from "../../helpers/fixtures.js";

const settings = loadSettings();

describe("backtest on the real captures", () => {
  it.each([...CAPTURE_FILES, ...MESSAGE_FILES])("%s completes and is deterministic", async (file) => {
    const a = await runBacktest({ path: fixturePath(file), settings, defaults: {} });
    const b = await runBacktest({ path: fixturePath(file), settings, defaults: {} });
    expect(JSON.stringify(a.report)).toBe(JSON.stringify(b.report));
    expect(a.report.invalid).toBe(0);
  });

  it("learns the markets the frames show, with the tick their prices sit on", async () => {
    const dup = await runBacktest({ path: fixturePath("nslaughter/stream-duplicates--long-run.jsonl"), settings, defaults: {} });
    expect(dup.report.markets).toBe(2);
    expect(dup.report.markets_from).toBe("frames");
    const scan = await scanRecording(fixturePath("nslaughter/stream-duplicates--long-run.jsonl"), {});
    expect(scan.markets.map((m) => m.tickSize)).toEqual([10, 10]);
    const flagged = await scanRecording(fixturePath("nslaughter/stream-duplicates--long-run.jsonl"), { tickSize: 1, negRisk: true });
    expect(flagged.markets.every((m) => m.tickSize === 1 && m.negRisk)).toBe(true);
    const poly = await runBacktest({ path: fixturePath("polybotv2/ws_market_frames_2025-12-23.jsonl"), settings, defaults: {} });
    expect(poly.report.markets).toBe(1);
    expect(poly.report.messages).toBe(3);
  });
});
