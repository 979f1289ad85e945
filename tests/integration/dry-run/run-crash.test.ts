// The crash test of issue 5: `mm run --headless --demo` with fast order flow is SIGKILLed at random moments 20 times and
// restarted each time; every restart must load, and `mm report --json` must equal what the ledger's fills imply.
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { recover } from "../../../src/adapters/store/recovery.js";
import { parseSize, parseUsd } from "../../../src/domain/units.js";
import { fromLedgerText } from "./ledger-check.js";

const MM = fileURLToPath(new URL("../../../bin/mm.js", import.meta.url));
const MARKET = "will-it-rain-in-london-tomorrow";
const KILLS = 20;

/** Starts `mm run`, waits until it quotes (its first order line: the store loaded, orders were restored), then SIGKILLs it after `ms`. */
function runUntilKilled(dir: string, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = ["run", "--headless", "--demo", "--market", MARKET, "--data-dir", dir, "--status-ms", "200", "--demo-rate", "2000", "--set", "strategy.halfSpreadTicks=1"];
    const child = spawn(process.execPath, [MM, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let started = false;
    const guard = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.stderr.on("data", (d) => (err += d));
    child.stdout.on("data", (d) => {
      out += d;
      if (!started && out.includes('"type":"order"')) {
        started = true;
        setTimeout(() => child.kill("SIGKILL"), ms);
      }
    });
    child.on("exit", (code, signal) => {
      clearTimeout(guard);
      if (started && signal === "SIGKILL") resolve();
      else reject(new Error(`mm run did not start (exit ${code} ${signal}): ${err.slice(-800)}`));
    });
  });
}

function reportJson(dir: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [MM, "report", "--json", "--data-dir", dir], { timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`mm report failed: ${stderr}`));
      else resolve(JSON.parse(stdout));
    });
  });
}

const cents = (micro: bigint): bigint => (micro >= 0n ? (micro + 5_000n) / 10_000n : -((-micro + 5_000n) / 10_000n));

describe("mm run crash safety", () => {
  it(`SIGKILLed ${KILLS} times at random moments: every restart loads and the report matches the ledger`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "mm-run-crash-"));
    let seed = 20_261_122;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    try {
      let lastSeq = 0;
      for (let i = 0; i < KILLS; i++) {
        await runUntilKilled(dir, Math.floor(rand() * 1000));
        const r = await recover(dir, 0);
        expect(r.warnings.filter((w) => !w.includes("truncated last line"))).toEqual([]);
        expect(r.state.lastSeq).toBeGreaterThanOrEqual(lastSeq);
        lastSeq = r.state.lastSeq;
      }
      expect(lastSeq).toBeGreaterThan(2 * KILLS); // every run placed orders before it was killed
      const ledger = readFileSync(join(dir, "ledger.jsonl"), "utf8");
      const expected = fromLedgerText(ledger);
      const report = await reportJson(dir);
      expect(cents(BigInt(parseUsd(report.cash as string) ?? NaN))).toBe(cents(expected.cash));
      const positions = report.positions as Record<string, { shares: string }>;
      for (const [token, shares] of Object.entries(expected.shares)) {
        expect(BigInt(parseSize(positions[token]?.shares ?? "0") ?? NaN)).toBe(shares);
      }
      expect(Object.keys(positions).length).toBe(Object.values(expected.shares).filter((s) => s !== 0n).length);
      expect(report.fills).toBe(ledger.split("\n").filter((l) => l.includes('"type":"fill"')).length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
