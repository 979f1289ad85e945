import { afterAll, describe, expect, it } from "vitest";
import { spawn, execFile, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const BIN = fileURLToPath(new URL("../../../bin/mm.js", import.meta.url));
const MARKET = "will-it-rain-in-london-tomorrow";
const dir = mkdtempSync(join(tmpdir(), "mm-run-"));
const run = promisify(execFile);

type Line = Record<string, unknown> & { type: string };

interface Running {
  child: ChildProcess;
  lines: Line[];
  /** Resolves with the first line (from the start) that matches, or rejects after timeoutMs. */
  waitFor(what: string, pred: (l: Line) => boolean, timeoutMs?: number): Promise<Line>;
  exited: Promise<number | null>;
}

function start(): Running {
  const child = spawn(process.execPath, [BIN, "run", "--headless", "--demo", "--market", MARKET, "--data-dir", dir, "--status-ms", "200", "--demo-rate", "200", "--set", "strategy.halfSpreadTicks=1"], { stdio: ["ignore", "pipe", "pipe"] });
  const lines: Line[] = [];
  const waiters: { pred: (l: Line) => boolean; resolve: (l: Line) => void }[] = [];
  let buf = "";
  child.stdout!.on("data", (d: Buffer) => {
    buf += d.toString();
    let nl: number;
    while ((nl = buf.indexOf("\n")) >= 0) {
      const line = JSON.parse(buf.slice(0, nl)) as Line;
      buf = buf.slice(nl + 1);
      lines.push(line);
      for (const w of [...waiters]) if (w.pred(line)) waiters.splice(waiters.indexOf(w), 1) && w.resolve(line);
    }
  });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    lines,
    exited,
    waitFor(what, pred, timeoutMs = 60_000) {
      const found = lines.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${stderr.slice(-500)}; last line: ${JSON.stringify(lines.at(-1))}`)), timeoutMs);
        waiters.push({ pred, resolve: (l) => (clearTimeout(t), resolve(l)) });
      });
    },
  };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("mm run --headless --demo, mm kill, mm resume", () => {
  it("quotes both sides, halts on `mm kill` with 0 open orders, exits 0 on SIGINT, and comes back HALTED", async () => {
    const first = start();
    try {
      const status = await first.waitFor("two open orders", (l) => l.type === "status" && (l.openOrders as unknown[]).length >= 2);
      const outcomes = new Set((status.openOrders as { outcome: string; side: string; price: string; size: string }[]).map((o) => `${o.outcome}-${o.side}`));
      expect(outcomes.size).toBeGreaterThanOrEqual(2);
      for (const o of status.openOrders as { price: string; size: string }[]) {
        expect(o.price).toMatch(/^0\.\d+$/);
        expect(o.size).toMatch(/^\d+(\.\d+)?$/);
      }
      expect(status.pnl).toMatchObject({ realized: expect.any(String), unrealized: expect.any(String), fees: expect.any(String), total: expect.any(String) });
      expect(status.risk).toEqual({ state: "ACTIVE", reason: null });

      const kill = await run(process.execPath, [BIN, "kill", "--data-dir", dir]);
      expect(kill.stdout).toMatch(/is HALTED after \d+ ms: 0 open orders/);
      await first.waitFor("risk HALTED line", (l) => l.type === "risk" && l.state === "HALTED");
      const halted = await first.waitFor("HALTED status with 0 orders", (l) => l.type === "status" && (l.risk as { state: string }).state === "HALTED" && (l.openOrders as unknown[]).length === 0);
      const placedAfter = first.lines.slice(first.lines.indexOf(halted)).filter((l) => l.type === "order" && l.action === "placed");
      expect(placedAfter).toEqual([]);
      first.child.kill("SIGINT");
      expect(await first.exited).toBe(0);
      expect(first.lines.at(-1)).toMatchObject({ type: "exit", openOrders: 0, risk: "HALTED" });
    } finally {
      first.child.kill("SIGKILL");
    }

    const second = start();
    try {
      const risk = await second.waitFor("first risk line", (l) => l.type === "risk");
      expect(risk).toMatchObject({ state: "HALTED", reason: "mm kill" });
      await second.waitFor("feed live", (l) => l.type === "feed" && l.state === "live");
      await second.waitFor("live status", (l) => l.type === "status" && (l.feed as { state: string }).state === "live");
      expect(second.lines.filter((l) => l.type === "order" && l.action === "placed")).toEqual([]);
      const resume = await run(process.execPath, [BIN, "resume", "--data-dir", dir]);
      expect(resume.stdout).toMatch(/kill switch reset: ACTIVE/);
      await second.waitFor("a placed order after resume", (l) => l.type === "order" && l.action === "placed");
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
      expect(second.lines.at(-1)).toMatchObject({ type: "exit", openOrders: 0, risk: "ACTIVE" });
    } finally {
      second.child.kill("SIGKILL");
    }
  }, 180_000);
});
