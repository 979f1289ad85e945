// `mm run --record FILE` through the real CLI on the embedded exchange, then `mm backtest`'s runner on FILE: the same fills.
import { afterAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runBacktest } from "../../../src/backtest/runner.js";
import { loadSettings } from "../../../src/cli/config.js";
import { eventLine } from "../../../src/engine/run-lines.js";
import { GammaCatalog } from "../../../src/adapters/polymarket/gamma-catalog.js";
import { startExchange, type Exchange } from "../../../src/sim/exchange.js";

const BIN = fileURLToPath(new URL("../../../bin/mm.js", import.meta.url));
const MARKET = "will-it-rain-in-london-tomorrow";
// Tight quotes and a busy tape, so a few seconds hold fills.
const SETS = ["strategy.halfSpreadTicks=1", "strategy.placement=join", "strategy.levels=1", "risk.reduceBeforeEndMs=0", "strategy.stopBeforeEndMs=0"];
const dir = mkdtempSync(join(tmpdir(), "mm-run-record-"));

type Line = Record<string, unknown> & { type: string };

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `mm run --record` against `ex` until its first fill (plus a second more), then stops it with SIGINT. */
async function recordRun(ex: Exchange, market: string, file: string): Promise<{ lines: Line[]; code: number | null; stderr: string }> {
  const urls = ["--gamma-url", ex.urls.gamma, "--clob-url", ex.urls.clob, "--ws-url", ex.urls.ws];
  const args = [BIN, "run", "--headless", ...urls, "--market", market, "--data-dir", join(dir, "data"), "--record", file, "--status-ms", "500", ...SETS.flatMap((s) => ["--set", s])];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  const lines: Line[] = [];
  let buf = "";
  let stderr = "";
  let stopping: NodeJS.Timeout | null = null;
  const stop = () => child.kill("SIGINT");
  const giveUp = setTimeout(stop, 15_000);
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdout.on("data", (d: Buffer) => {
    buf += d.toString();
    for (let nl = buf.indexOf("\n"); nl >= 0; nl = buf.indexOf("\n")) {
      const line = JSON.parse(buf.slice(0, nl)) as Line;
      buf = buf.slice(nl + 1);
      lines.push(line);
      if (line.type === "fill" && stopping === null) stopping = setTimeout(stop, 1000);
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearTimeout(giveUp);
  if (stopping) clearTimeout(stopping);
  return { lines, code, stderr };
}

describe("mm run --record FILE, then mm backtest FILE", () => {
  it("records the frames the engine consumed, with the meta line first, and the backtest repeats the run's fills", async () => {
    const file = join(dir, "run.jsonl");
    // One market takes the whole busy tape (as in the backtest round trip), so a fill comes within seconds.
    const ex = await startExchange({ port: 0, seed: 7, markets: 1, rate: 1000 });
    let market: string;
    let run: Awaited<ReturnType<typeof recordRun>>;
    try {
      [{ slug: market }] = await new GammaCatalog(ex.urls.gamma).list({ limit: 1 });
      run = await recordRun(ex, market, file);
    } finally {
      await ex.close();
    }
    const { lines, code, stderr } = run;
    expect(code, stderr).toBe(0);
    const liveFills = lines.filter((l) => l.type === "fill");
    expect(liveFills.length, "the run filled within 15 s").toBeGreaterThan(0);

    const entries = readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { dir: string; t: number; markets?: { slug: string }[] });
    expect(entries[0].dir).toBe("meta");
    expect(entries[0].markets?.map((m) => m.slug)).toEqual([market]);
    expect(entries.at(-1)?.dir).toBe("end");
    expect(entries.filter((e) => e.dir === "recv").length).toBeGreaterThan(100);

    const result = await runBacktest({ path: file, settings: loadSettings({ sets: SETS }), defaults: {} });
    const backtestFills = result.events.filter((e) => e.type === "fill").map(eventLine);
    expect(backtestFills).toEqual(liveFills);
    // The orders the run placed before the recording ended, too (stop's own cancels come after it).
    const end = entries.at(-1)!.t;
    const placed = (ls: Record<string, unknown>[]) => ls.filter((l) => l.type === "order" && l.action === "placed" && (l.ts as number) <= end);
    expect(placed(result.events.map(eventLine))).toEqual(placed(lines));
  }, 30_000);

  it("refuses --record with --live, and a FILE it cannot write, with the fix", async () => {
    const run = (extra: string[]) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, "run", "--headless", "--demo", "--market", MARKET, "--data-dir", join(dir, "data2"), ...extra], { stdio: ["ignore", "ignore", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.on("exit", (code) => resolve({ code, stderr }));
      });
    const live = await run(["--record", join(dir, "x.jsonl"), "--live", "--yes"]);
    expect(live.code).not.toBe(0);
    expect(live.stderr).toMatch(/--record .*drop --live/);
    const bad = await run(["--record", join(dir, "no-such-dir", "x.jsonl")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--record .*no-such-dir.*ENOENT.*existing, writable directory/);
  }, 20_000);
});
