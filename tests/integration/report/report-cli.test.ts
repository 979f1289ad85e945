// `mm report`, `mm export` and `mm repair` as a user runs them: the built CLI against a data dir written by the store.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../../src/adapters/clock/fake-clock.js";
import { openFileStore } from "../../../src/adapters/store/file-store.js";
import type { Fill } from "../../../src/ports/order-gateway.js";
import { buildReport } from "../../../src/cli/report/report-model.js";
import { formatReport } from "../../../src/cli/report/format-report.js";
import { loadAccount } from "../../../src/cli/report/load-account.js";

const MM = fileURLToPath(new URL("../../../bin/mm.js", import.meta.url));
const S = 1_000_000;
let dir: string;

function mm(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [MM, ...args], { timeout: 20_000 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === "number" ? err.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

const fill = (id: string, tokenId: string, outcome: "YES" | "NO", side: "BUY" | "SELL", price: number, size: number, fee = 0): Fill => ({
  id,
  orderId: `o-${id}`,
  market: "0xcond",
  tokenId,
  outcome,
  side,
  price,
  size: size * S,
  fee,
  liquidity: fee > 0 ? "taker" : "maker",
  ts: 0,
  status: "CONFIRMED",
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "mm-report-"));
  const clock = new FakeClock(Date.parse("2026-03-01T12:00:00Z"));
  const logger = { debug() {}, info() {}, warn() {}, error() {} };
  const store = await openFileStore({ dataDir: dir, clock, logger, startingCash: 10_000 * S, stateWriteMs: 250, equityCurvePoints: 50 });
  store.recordGatewayEvent({ type: "fill", fill: fill("f1", "yes", "YES", "BUY", 5000, 100), ts: 0 });
  store.recordGatewayEvent({ type: "fill", fill: fill("f2", "yes", "YES", "SELL", 5500, 40, 12_345), ts: 0 });
  store.recordGatewayEvent({ type: "fill", fill: fill("f3", "no", "NO", "BUY", 4000, 10), ts: 0 });
  store.updateMark("yes", { mid: 5200, bid: 5100 }, clock.now());
  store.updateMark("no", { mid: 4800, bid: 4700 }, clock.now());
  store.recordRisk({ state: "REDUCING", reason: "position limit" });
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("mm report / export / repair", () => {
  it("report --json gives the account as decimal strings", async () => {
    const { code, stdout, stderr } = await mm("report", "--json", "--data-dir", dir);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    // cash: 10000 - 50 + 22 - 0.012345 - 4 = 9967.987655
    expect(r.cash).toBe("9967.987655");
    expect(r.positions).toEqual({
      yes: { market: "0xcond", outcome: "YES", shares: "60", avgCost: "0.5", mark: "0.52" },
      no: { market: "0xcond", outcome: "NO", shares: "10", avgCost: "0.4", mark: "0.48" },
    });
    // 10 pairs at $1 + 50 YES at 0.52 = 36; cost 30 + 4 = 34
    expect(r.equity).toBe("10003.987655");
    expect(r.pnl).toEqual({ realized: "2", unrealized: "2", fees: "0.012345", total: "3.987655" });
    expect(r.fills).toBe(3);
    expect(r.openOrders).toBe(0);
    expect(r.risk).toEqual({ state: "REDUCING", reason: "position limit" });
  });

  it("report prints a readable summary", async () => {
    const stdout = formatReport(buildReport((await loadAccount(dir)).state), dir);
    expect(stdout).toContain("Cash:             $9967.99");
    expect(stdout).toContain("total $3.99");
    expect(stdout).toContain("Risk:             REDUCING (position limit)");
  });

  it("export --csv writes the fills", async () => {
    const file = join(dir, "fills.csv");
    const { code, stdout } = await mm("export", "--csv", file, "--data-dir", dir);
    expect(code).toBe(0);
    expect(stdout).toBe(`wrote 3 fills to ${file}\n`);
    const rows = readFileSync(file, "utf8").trim().split("\n");
    expect(rows[0]).toBe("seq,ts,fill_id,order_id,market,token,outcome,side,price,size,fee,liquidity");
    expect(rows[2]).toBe("3,2026-03-01T12:00:00.000Z,f2,o-f2,0xcond,yes,YES,SELL,0.55,40,0.012345,taker");
  });

  it("a damaged state.json stops with the file name and mm repair; repair rebuilds it", async () => {
    const copy = mkdtempSync(join(tmpdir(), "mm-report-bad-"));
    try {
      writeFileSync(join(copy, "ledger.jsonl"), readFileSync(join(dir, "ledger.jsonl")));
      writeFileSync(join(copy, "state.json"), "{ not json");
      const bad = await mm("report", "--json", "--data-dir", copy);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain(join(copy, "state.json"));
      expect(bad.stderr).toContain(`mm repair --data-dir ${copy}`);
      const fixed = await mm("repair", "--data-dir", copy);
      expect(fixed.code).toBe(0);
      expect(fixed.stdout).toContain("from 5 ledger entries");
      const r = JSON.parse((await mm("report", "--json", "--data-dir", copy)).stdout);
      expect(r.cash).toBe("9967.987655");
      expect(r.positions.yes.shares).toBe("60");
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it("says what to do when the data dir is wrong or empty", async () => {
    await expect(loadAccount(join(dir, "nope"))).rejects.toThrow(/does not exist; pass the --data-dir/);
    const empty = mkdtempSync(join(tmpdir(), "mm-report-empty-"));
    await expect(loadAccount(empty)).rejects.toThrow(/holds no account yet/);
    rmSync(empty, { recursive: true, force: true });
  });
});
