import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../../../src/backtest/virtual-time.js";
import { startHarness, TEST_FEED, type Harness } from "./harness.js";
import { frameFaults, runScenario } from "./scenarios.js";

const RUNS = 20;

describe("feed fault matrix: frame faults", () => {
  let h: Harness;
  beforeAll(async () => {
    // Frame faults are caught by content checks (hashes, tops, spot checks), not by timing: a dead-socket limit of seconds
    // keeps a loaded CI machine's stalls (hundreds of ms) from reading as a dead socket, which would reconnect.
    h = await startHarness(7, { ...TEST_FEED, pongTimeoutMs: 2000, staleMs: 3000 });
  });
  afterAll(async () => {
    await h.close();
  });

  for (const [i, sc] of frameFaults.entries()) {
    it(`${sc.name}: ${sc.expect === "harmless" ? "stays live" : "is caught"} and ends with exact books (${RUNS} runs)`, { timeout: 60_000 }, async () => {
      const r = await runScenario(h, sc, RUNS, seededRandom(2000 + i));
      console.log(`[fault-matrix] ${sc.name}: noticed ${r.noticed}/${r.runs}, slowest notice ${r.worstNoticeMs} ms`);
      if (sc.expect === "unsync") expect(r.noticed).toBe(RUNS);
    });
  }

  it("caught the skipped deltas and corrupted hashes it could see (resyncs happened, the feed never reconnected for them)", () => {
    const health = h.feed.health();
    expect(health.tokens.reduce((n, t) => n + t.resyncs, 0)).toBeGreaterThan(0);
    expect(health.reconnects).toBe(0);
  });
});
