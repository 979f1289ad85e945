import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../../../src/backtest/virtual-time.js";
import { startHarness, type Harness } from "./harness.js";
import { connectionFaults, runScenario } from "./scenarios.js";

const RUNS = 20;

describe("feed fault matrix: connection faults", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(41);
  });
  afterAll(async () => {
    await h.close();
  });

  for (const [i, sc] of connectionFaults.entries()) {
    it(`${sc.name}: leaves live within its limit and recovers with exact books (${RUNS} runs)`, { timeout: 60_000 }, async () => {
      const r = await runScenario(h, sc, RUNS, seededRandom(1000 + i));
      console.log(`[fault-matrix] ${sc.name}: noticed ${r.noticed}/${r.runs}, slowest notice ${r.worstNoticeMs} ms`);
      expect(r.noticed).toBe(RUNS);
    });
  }

  it("fell back to REST while connections were refused", () => {
    expect(h.notices.some((n) => n.notice.type === "snapshot" && n.notice.source === "rest")).toBe(true);
  });
});
