// The on-disk store: ledger lines, coalesced state.json, recovery past a crash, torn ledger tails, damaged state and repair.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FakeClock } from "../../../src/adapters/clock/fake-clock.js";
import { openFileStore, type FileStore } from "../../../src/adapters/store/file-store.js";
import { recover } from "../../../src/adapters/store/recovery.js";
import { repairState } from "../../../src/adapters/store/repair.js";
import { StateFileError } from "../../../src/adapters/store/state-file.js";
import { replayLedger } from "../../../src/domain/ledger/ledger-state.js";
import { parseLedger } from "../../../src/domain/ledger/ledger-entry.js";
import type { Logger } from "../../../src/ports/logger.js";
import type { Fill } from "../../../src/ports/order-gateway.js";

const USD = 1_000_000;
let dir: string;
let warnings: string[];
const logger: Logger = { debug() {}, info() {}, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "mm-store-"));
  warnings = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function open(clock = new FakeClock(Date.parse("2026-01-01T00:00:00Z"))): Promise<FileStore> {
  return openFileStore({ dataDir: dir, clock, logger, startingCash: 10_000 * USD, stateWriteMs: 250, equityCurvePoints: 100 });
}

function fill(n: number, side: "BUY" | "SELL" = "BUY"): Fill {
  return { id: `f${n}`, orderId: "o1", market: "m", tokenId: "yes", outcome: "YES", side, price: 5300, size: 10 * USD, fee: 0, liquidity: "maker", ts: 0, status: "CONFIRMED" };
}

const ledgerText = (): string => readFileSync(join(dir, "ledger.jsonl"), "utf8");
const stateJson = (): { lastSeq: number; marks: Record<string, unknown>; portfolio: { cash: number } } => JSON.parse(readFileSync(join(dir, "state.json"), "utf8"));

describe("file store", () => {
  it("opens a new account, writes fill lines in the ledger format, and reloads the same state", async () => {
    const store = await open();
    store.recordGatewayEvent({ type: "fill", fill: fill(1), ts: 0 });
    await store.close();
    const lines = ledgerText().trim().split("\n").map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ seq: 1, type: "account_opened", cash: "10000" });
    expect(lines[1]).toEqual({ seq: 2, ts: "2026-01-01T00:00:00.000Z", type: "fill", fillId: "f1", orderId: "o1", market: "m", token: "yes", outcome: "YES", side: "BUY", price: "0.53", size: "10", fee: "0", liquidity: "maker" });
    const again = await open();
    expect(again.state().portfolio.cash).toBe(10_000 * USD - 5_300_000);
    expect(again.state().lastSeq).toBe(2);
    await again.close();
  });

  it("coalesces state.json writes but writes at once after a fill", async () => {
    const clock = new FakeClock(0);
    const store = await open(clock);
    await store.flush();
    store.updateMark("yes", { mid: 5000, bid: 4900 }, 0);
    await new Promise((r) => setImmediate(r));
    expect(stateJson().marks.yes).toBeUndefined();
    clock.advance(250);
    await vi.waitFor(() => expect(stateJson().marks.yes).toEqual({ mid: 5000, bid: 4900 }));
    store.recordGatewayEvent({ type: "fill", fill: fill(1), ts: 0 });
    await vi.waitFor(() => expect(stateJson().lastSeq).toBe(2));
    await store.close();
  });

  it("recovers ledger entries written after the last state.json (a crash between the two)", async () => {
    const store = await open();
    store.recordGatewayEvent({ type: "fill", fill: fill(1), ts: 0 });
    await store.close();
    // A run that appended two more lines and died before writing state.json:
    appendFileSync(join(dir, "ledger.jsonl"), ledgerText().split("\n")[1].replace('"seq":2', '"seq":3').replace('"f1"', '"f2"') + "\n");
    appendFileSync(join(dir, "ledger.jsonl"), JSON.stringify({ seq: 4, ts: "2026-01-01T00:00:01.000Z", type: "risk", state: "HALTED", reason: "kill" }) + "\n");
    const r = await recover(dir, 0);
    expect(r.replayed).toBe(2);
    expect(r.state.portfolio.positions.yes.shares).toBe(20 * USD);
    expect(r.state.risk.state).toBe("HALTED");
    expect(r.state.portfolio).toEqual(replayLedger(parseLedger(ledgerText()).entries).portfolio);
  });

  it("rebuilds from the ledger alone when state.json is missing", async () => {
    const store = await open();
    store.recordGatewayEvent({ type: "fill", fill: fill(1), ts: 0 });
    await store.close();
    rmSync(join(dir, "state.json"));
    const r = await recover(dir, 1);
    expect(r.fresh).toBe(false);
    expect(r.replayed).toBe(2);
    expect(r.state.portfolio.startingCash).toBe(10_000 * USD);
    expect(r.state.portfolio.cash).toBe(10_000 * USD - 5_300_000);
    expect(r.state.drawdown).toEqual({ peak: 10_000 * USD, max: 0 });
  });

  it("ignores a truncated last ledger line with a warning and appends on a clean line", async () => {
    const store = await open();
    store.recordGatewayEvent({ type: "fill", fill: fill(1), ts: 0 });
    await store.close();
    appendFileSync(join(dir, "ledger.jsonl"), '{"seq":3,"ts":"2026-01-01T00:00:0');
    const again = await open();
    expect(warnings.some((w) => w.includes("truncated last line"))).toBe(true);
    again.recordGatewayEvent({ type: "fill", fill: fill(2, "SELL"), ts: 0 });
    await again.close();
    const parsed = parseLedger(ledgerText());
    expect(parsed.truncatedTail).toBeNull();
    expect(parsed.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(replayLedger(parsed.entries).portfolio.positions).toEqual({});
  });

  it("stops on a damaged state.json, naming the file and mm repair; repair rebuilds it from the ledger", async () => {
    const store = await open();
    store.recordGatewayEvent({ type: "fill", fill: fill(1), ts: 0 });
    store.recordRisk({ state: "HALTED", reason: "kill switch" });
    await store.close();
    writeFileSync(join(dir, "state.json"), '{"version":1,"lastSeq":');
    await expect(open()).rejects.toThrow(StateFileError);
    await expect(open()).rejects.toThrow(/state\.json is damaged .*mm repair --data-dir/);
    const result = await repairState(dir, 0);
    expect(result.entries).toBe(3);
    expect(result.movedTo && existsSync(result.movedTo)).toBe(true);
    const again = await open();
    expect(again.state().risk.state).toBe("HALTED");
    expect(again.state().portfolio.positions.yes.shares).toBe(10 * USD);
    await again.close();
  });

  it("keeps queue positions, marks, markouts and the equity curve in state.json", async () => {
    const clock = new FakeClock(0);
    const store = await open(clock);
    store.recordGatewayEvent({ type: "acknowledged", order: { id: "o1", clientId: "c1", market: "m", tokenId: "yes", outcome: "YES", side: "BUY", price: 5300, size: 20 * USD, filled: 0, queueAhead: 50 * USD, createdAt: 0 }, ts: 0 });
    store.noteOrders([{ id: "o1", clientId: "c1", market: "m", tokenId: "yes", outcome: "YES", side: "BUY", price: 5300, size: 20 * USD, filled: 0, queueAhead: 12 * USD, createdAt: 0 }]);
    store.recordGatewayEvent({ type: "fill", fill: fill(1), ts: 0 });
    clock.advance(5_000);
    store.updateMark("yes", { mid: 5400, bid: 5350 }, clock.now());
    store.sampleEquity(clock.now());
    await store.close();
    const again = await open();
    const s = again.state();
    expect(s.orders.o1.queueAhead).toBe(12 * USD);
    expect(s.orders.o1.filled).toBe(10 * USD);
    expect(s.markouts.counts[0]).toBe(1);
    expect(s.markouts.sums[0]).toBe(100);
    expect(s.equityCurve.at(-1)?.equity).toBe(10_000 * USD + 100_000);
    await again.close();
  });
});
