// Crash safety: a writer recording fast order flow is SIGKILLed at random moments 20 times; every restart must load, and the
// recovered account must equal what the ledger's fill lines imply, to the micro-dollar.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { recover } from "../../../src/adapters/store/recovery.js";
import { fromLedgerText } from "./ledger-check.js";

const WRITER = fileURLToPath(new URL("./crash-writer.mjs", import.meta.url));

/** Runs the writer until it says ready, lets it work for `ms`, then SIGKILLs it. */
function runAndKill(dir: string, seed: number, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, dir, String(seed)], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.on("data", (d: Buffer) => {
      if (d.toString().includes("ready")) setTimeout(() => child.kill("SIGKILL"), ms);
    });
    child.on("exit", (code, signal) => (signal === "SIGKILL" ? resolve() : reject(new Error(`writer exited ${code}: ${stderr}`))));
  });
}

describe("crash recovery", () => {
  it("survives 20 SIGKILLs at random moments with the account equal to the ledger's fills", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mm-crash-"));
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    try {
      let lastSeq = 0;
      for (let i = 0; i < 20; i++) {
        await runAndKill(dir, i + 1, Math.floor(rand() * 120));
        const r = await recover(dir, 0);
        expect(r.warnings.filter((w) => !w.includes("truncated last line"))).toEqual([]);
        expect(r.state.lastSeq).toBeGreaterThanOrEqual(lastSeq);
        lastSeq = r.state.lastSeq;
        const expected = fromLedgerText(readFileSync(join(dir, "ledger.jsonl"), "utf8"));
        expect(BigInt(r.state.portfolio.cash)).toBe(expected.cash);
        for (const [token, shares] of Object.entries(expected.shares)) expect(BigInt(r.state.portfolio.positions[token]?.shares ?? 0)).toBe(shares);
      }
      expect(lastSeq).toBeGreaterThan(100);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
