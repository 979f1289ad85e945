// mm record on the embedded exchange as a user runs it, then mm inspect, mm backtest (twice) and a sweep on the file.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const MM = fileURLToPath(new URL("../../../bin/mm.js", import.meta.url));
const MARKET = "will-it-rain-in-london-tomorrow";
const SETS = ["--set", "risk.reduceBeforeEndMs=0", "--set", "strategy.stopBeforeEndMs=0"];

function mm(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [MM, ...args], { timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : typeof err.code === "number" ? err.code : -1, stdout, stderr });
    });
  });
}

describe("mm record -> inspect -> backtest", () => {
  const file = join(mkdtempSync(join(tmpdir(), "mm-record-")), "demo.jsonl");
  let recorded: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    recorded = await mm("record", "--demo", "--market", MARKET, "--out", file, "--duration", "2", "--demo-rate", "2000");
  }, 120_000);

  it("records a meta line, the socket's open, what was sent and received, and an end, with progress on stderr", () => {
    expect(recorded.code, recorded.stderr).toBe(0);
    expect(recorded.stderr).toMatch(/mm: recording .*: \d+ frames, [\d.]+ KB, \d+ s/);
    const lines = readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { dir: string; markets?: { slug: string }[] });
    expect(lines[0].dir).toBe("meta");
    expect(lines[0].markets?.map((m) => m.slug)).toEqual([MARKET]);
    expect(lines[1].dir).toBe("open");
    expect(lines.some((l) => l.dir === "sent")).toBe(true);
    expect(lines.filter((l) => l.dir === "recv").length).toBeGreaterThan(20);
    expect(lines[lines.length - 1].dir).toBe("end");
  });

  it("mm inspect finds no invalid frame and checks book hashes from the meta line", async () => {
    const { code, stdout, stderr } = await mm("inspect", file, "--json");
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as { frames: number; invalid: number; hash_checks: number; hash_mismatches: number };
    expect(report.frames).toBeGreaterThan(20);
    expect(report.invalid).toBe(0);
    expect(report.hash_checks).toBeGreaterThan(0);
    expect(report.hash_mismatches).toBe(0);
  }, 120_000);

  it("mm backtest --json is byte-identical across runs", async () => {
    const a = await mm("backtest", file, "--json", ...SETS);
    const b = await mm("backtest", file, "--json", ...SETS);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const report = JSON.parse(a.stdout) as { markets: number; markets_from: string; messages: number };
    expect(report).toMatchObject({ markets: 1, markets_from: "meta" });
    expect(a.stderr).toMatch(/msg\/s/);
  }, 120_000);

  it("a sweep prints one row per combination, best total P&L first", async () => {
    const { code, stdout, stderr } = await mm("backtest", file, "--json", ...SETS, "--sweep", "strategy.halfSpreadTicks=1,3", "--workers", "2");
    expect(code, stderr).toBe(0);
    expect(stderr).toContain("2/2");
    const rows = JSON.parse(stdout) as { params: Record<string, string>; report: { pnl: { total: string } } }[];
    expect(rows.map((r) => r.params["strategy.halfSpreadTicks"]).sort()).toEqual(["1", "3"]);
    expect(Number(rows[0].report.pnl.total)).toBeGreaterThanOrEqual(Number(rows[1].report.pnl.total));
  }, 120_000);

  it("a bad sweep key stops before any thread starts, naming the fix", async () => {
    const { code, stderr } = await mm("backtest", file, "--sweep", "strategy.nope=1,2");
    expect(code).toBe(2);
    expect(stderr).toContain("unknown setting");
  }, 120_000);
});
