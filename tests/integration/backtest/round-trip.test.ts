// The round trip: a dry-run session on the embedded exchange records what its engine consumed; mm backtest on that file gives the same fills.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ClobRest } from "../../../src/adapters/polymarket/clob-rest.js";
import { marketChannelUrl } from "../../../src/adapters/polymarket/endpoints.js";
import { GammaCatalog } from "../../../src/adapters/polymarket/gamma-catalog.js";
import { wsTransport } from "../../../src/adapters/polymarket/ws-transport.js";
import { startLiveSession } from "../../../src/backtest/live-session.js";
import { runBacktest, type BacktestResult } from "../../../src/backtest/runner.js";
import { loadSettings } from "../../../src/cli/config.js";
import type { EngineEvent } from "../../../src/engine/engine-events.js";
import type { Logger } from "../../../src/ports/logger.js";
import type { Fill } from "../../../src/ports/order-gateway.js";
import { startExchange } from "../../../src/sim/exchange.js";

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
// Tight quotes and a busy tape, so a few seconds hold fills.
const SETS = ["strategy.halfSpreadTicks=1", "strategy.placement=join", "strategy.levels=1", "risk.reduceBeforeEndMs=0", "strategy.stopBeforeEndMs=0"];

/** What the engine did before the session ended (stop's own cancels come after the recording's end). */
const beforeEnd = (events: EngineEvent[], end: number): EngineEvent[] => events.filter((e) => e.ts <= end);

describe("record a live dry-run session, then backtest it", () => {
  const dir = mkdtempSync(join(tmpdir(), "mm-roundtrip-"));
  const file = join(dir, "session.jsonl");
  const settings = loadSettings({ sets: SETS });
  let liveFills: Fill[] = [];
  let liveEvents: EngineEvent[] = [];
  let end = 0;
  let first: BacktestResult;

  beforeAll(async () => {
    const ex = await startExchange({ port: 0, seed: 7, markets: 1, rate: 1000 });
    try {
      const [market] = await new GammaCatalog(ex.urls.gamma).list({ limit: 1 });
      const live = await startLiveSession({ markets: [market], settings, url: marketChannelUrl(ex.urls), transport: wsTransport, rest: new ClobRest(ex.urls.clob), recordPath: file, logger: quiet, source: "test" });
      await new Promise((resolve) => setTimeout(resolve, 5000));
      await live.stop();
      const lines = readFileSync(file, "utf8").trim().split("\n");
      end = (JSON.parse(lines[lines.length - 1]) as { t: number }).t;
      liveFills = live.session.fills;
      liveEvents = beforeEnd(live.session.events, end);
    } finally {
      await ex.close();
    }
    first = await runBacktest({ path: file, settings, defaults: {} });
  }, 60_000);

  it("the live session traded", () => {
    expect(liveFills.length).toBeGreaterThan(0);
    expect(first.report.markets_from).toBe("meta");
    expect(first.report.messages).toBeGreaterThan(100);
  });

  it("gives the same fills, orders and risk events as the live session", () => {
    expect(first.fills).toEqual(liveFills);
    expect(beforeEnd(first.events, end)).toEqual(liveEvents);
    expect(first.report.fills).toBe(liveFills.length);
  });

  it("is deterministic: a second run gives the identical report", async () => {
    const again = await runBacktest({ path: file, settings, defaults: {} });
    expect(JSON.stringify(again.report)).toBe(JSON.stringify(first.report));
  });
});
