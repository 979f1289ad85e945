// The real binary trading live against the embedded exchange: quotes, fills through the user channel, kill, SIGTERM, SIGSTOP (dead-man's switch), and no secret anywhere.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Wallet } from "ethers";
import { startExchange, type Exchange } from "../../../src/sim/exchange.js";
import { deriveApiCreds } from "../../../src/adapters/gateway/live/clob-client.js";
import { parseCredentials } from "../../../src/adapters/secrets/credentials.js";
import { taker, takerBuy, until } from "./helpers.js";
import { runCommand } from "../../../src/cli/commands/run.js";

const BIN = join(import.meta.dirname, "../../../bin/mm.js");

interface Run {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  stderr: string[];
  exited: Promise<number | null>;
  dataDir: string;
}

let ex: Exchange;
/** The market furthest from its end date (one near it only reduces). */
const quoted = () => [...ex.markets()].sort((a, b) => Date.parse(b.endDate) - Date.parse(a.endDate))[0];
let wallet: Wallet;
let apiKey: string;
let secret: string;
let passphrase: string;
const outputs: string[] = [];

beforeAll(async () => {
  ex = await startExchange({ port: 0, seed: 4, markets: 3, rate: 40, trading: { heartbeatTimeoutMs: 4000, minedDelayMs: 100, confirmedDelayMs: 100 } });
  wallet = Wallet.createRandom() as unknown as Wallet;
  const api = await deriveApiCreds({ host: ex.urls.clob, chainId: 137, credentials: parseCredentials({ PRIVATE_KEY: wallet.privateKey }) });
  ({ key: apiKey, secret, passphrase } = api);
});

afterAll(async () => {
  await ex?.close();
});

const running: Run[] = [];
afterEach(async () => {
  // A failed test must not leave a quoting mm behind for the next one (they share the wallet).
  for (const r of running.splice(0)) {
    if (r.child.exitCode === null && r.child.signalCode === null) {
      r.child.kill("SIGKILL");
      await r.exited;
    }
  }
  await until(() => open() === 0, "the exchange to drop a killed run's orders", 10_000);
});

/** Sweeps the book up to one of our resting orders, so that it fills (retried: the engine may requote meanwhile). */
async function hitOurOrder(r: Run): Promise<void> {
  const other = await taker(ex);
  for (let attempt = 0; attempt < 5 && !r.lines.some((l) => l.type === "fill"); attempt++) {
    const mine = ex.engine.openOrders(apiKey)[0];
    if (mine) {
      const meta = ex.markets().find((m) => m.meta.conditionId === mine.conditionId)!.meta;
      const isYes = mine.tokenId === meta.yesTokenId;
      const yesPrice = isYes ? mine.price : 10_000 - mine.price;
      const onBids = isYes === (mine.side === "BUY");
      const book = ex.engine.book(mine.conditionId);
      const levels = onBids ? book.bids.levels.filter((l) => l.price >= yesPrice) : book.asks.levels.filter((l) => l.price <= yesPrice);
      const shares = Math.ceil(levels.reduce((n, l) => n + l.total, 0) / 10_000) / 100;
      if (onBids) await takerBuy(other, meta.noTokenId, (10_000 - yesPrice) / 10_000, shares);
      else await takerBuy(other, meta.yesTokenId, yesPrice / 10_000, shares);
    }
    await until(() => r.lines.some((l) => l.type === "fill"), "a fill line", 3000).catch(() => undefined);
  }
}

function run(extra: string[] = []): Run {
  const dataDir = mkdtempSync(join(tmpdir(), "mm-live-"));
  const args = [BIN, "run", "--headless", "--live", "--yes", "--gamma-url", ex.urls.gamma, "--clob-url", ex.urls.clob, "--ws-url", ex.urls.ws, "--market", quoted().slug, "--data-dir", dataDir, "--status-ms", "300", ...extra];
  const child = spawn(process.execPath, args, { cwd: dataDir, env: { ...process.env, PRIVATE_KEY: wallet.privateKey, CLOB_API_KEY: apiKey, CLOB_SECRET: secret, CLOB_PASSPHRASE: passphrase }, stdio: ["ignore", "pipe", "pipe"] });
  const lines: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stdout! }).on("line", (l) => {
    outputs.push(l);
    try {
      lines.push(JSON.parse(l));
    } catch {
      lines.push({ type: "non-json", text: l });
    }
  });
  createInterface({ input: child.stderr! }).on("line", (l) => {
    outputs.push(l);
    stderr.push(l);
  });
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  const handle = { child, lines, stderr, exited, dataDir };
  running.push(handle);
  return handle;
}

const open = () => ex.engine.openOrders(apiKey).length;
const acked = (r: Run) => r.lines.filter((l) => l.type === "order" && l.action === "acknowledged");

async function quoting(r: Run): Promise<void> {
  try {
    await until(() => acked(r).length >= 2 && open() >= 2, "live quotes", 20_000);
  } catch (err) {
    throw new Error(`${(err as Error).message}; stderr: ${r.stderr.slice(-3).join(" | ")}; stdout: ${JSON.stringify(r.lines.slice(-3)).slice(0, 600)}`);
  }
}

describe("mm run --live on the embedded exchange", () => {
  it("refuses --live without --yes in headless mode", async () => {
    const handler = runCommand.handler as (args: unknown) => Promise<void>;
    await expect(handler({ headless: true, live: true, yes: false, market: ["x"], statusMs: 1000 })).rejects.toThrow(/--live --yes/);
  });

  it("quotes, gets a fill through the user channel, and cancels everything on SIGTERM", async () => {
    const r = run();
    await quoting(r);
    expect(r.stderr.join("\n")).toMatch(/LIVE trading/);
    await hitOurOrder(r);
    expect(r.lines.some((l) => l.type === "fill")).toBe(true);
    r.child.kill("SIGTERM");
    expect(await r.exited).toBe(0);
    const exit = r.lines.find((l) => l.type === "exit");
    expect(exit).toMatchObject({ openOrders: 0 });
    expect(open()).toBe(0);
  });

  it("mm kill halts it and leaves 0 open orders on the exchange", async () => {
    const r = run();
    await quoting(r);
    const kill = spawn(process.execPath, [BIN, "kill", "--data-dir", r.dataDir], { stdio: "ignore" });
    await new Promise((res) => kill.on("exit", res));
    await until(() => r.lines.some((l) => l.type === "risk" && l.state === "HALTED"), "HALTED", 5000);
    await until(() => open() === 0, "0 open orders after the kill", 5000);
    r.child.kill("SIGTERM");
    expect(await r.exited).toBe(0);
    expect(open()).toBe(0);
  });

  it("when mm is frozen (SIGSTOP), the exchange's heartbeat switch cancels its orders", async () => {
    const r = run();
    await quoting(r);
    r.child.kill("SIGSTOP");
    try {
      await until(() => open() === 0, "the dead-man's switch", 12_000);
    } finally {
      r.child.kill("SIGKILL");
      await r.exited;
    }
    expect(open()).toBe(0);
  });

  it("no run printed or stored the private key or the API secret", () => {
    const stored: string[] = [];
    for (const dir of readdirSync(tmpdir()).filter((d) => d.startsWith("mm-live-"))) {
      for (const f of readdirSync(join(tmpdir(), dir))) {
        try {
          stored.push(readFileSync(join(tmpdir(), dir, f), "utf8"));
        } catch {
          // a directory or a vanished file
        }
      }
    }
    const text = outputs.join("\n") + stored.join("\n");
    expect(outputs.length).toBeGreaterThan(10);
    for (const s of [wallet.privateKey, wallet.privateKey.slice(2), secret, passphrase]) expect(text).not.toContain(s);
  });
});
