// The fault matrix: each fault, what the feed must do about it, and a runner that repeats it with seeded random timing.
import { expect } from "vitest";
import { sleep, waitFor, type Harness } from "./harness.js";

export type Expectation =
  /** The feed leaves `live` within limitMs. */
  | "leave_live"
  /** Some token is marked unsynced within limitMs. */
  | "unsync"
  /** Nothing visible: the feed stays live. */
  | "harmless"
  /** May or may not be noticed at once (a deep skipped delta, a corrupted hash on a level nobody checks); books must still end equal. */
  | "eventual";

export interface Scenario {
  name: string;
  expect: Expectation;
  limitMs: number;
  inject(h: Harness, rng: () => number): void;
  /** Keep the flow running this long after the fault before pausing it for the comparison. */
  flowAfterMs?: number;
}

/** Scheduling slack on a loaded 2-core machine (the limits themselves are the feed's settings). */
const SLACK_MS = 1500;

export interface ScenarioResult {
  runs: number;
  /** Runs where the fault was noticed (left live, or a token unsynced). */
  noticed: number;
  /** Slowest fault-to-notice time seen, ms. */
  worstNoticeMs: number;
}

const left = (h: Harness, mark: number): boolean => h.notices.slice(mark).some((n) => n.notice.type === "feed_state" && n.notice.state !== "live");
const unsynced = (h: Harness, mark: number): boolean =>
  left(h, mark) || h.notices.slice(mark).some((n) => (n.notice.type === "sync" && !n.notice.synced) || n.notice.type === "tick_size");

export async function runScenario(h: Harness, sc: Scenario, runs: number, rng: () => number): Promise<ScenarioResult> {
  const result: ScenarioResult = { runs, noticed: 0, worstNoticeMs: 0 };
  for (let run = 0; run < runs; run++) {
    h.setFlowing(true);
    await waitFor(() => h.allSyncedLive(), 8000, `${sc.name} run ${run}: live and synced before the fault`);
    await sleep(Math.floor(rng() * 80));
    const mark = h.notices.length;
    const invalidBefore = h.feed.health().invalidFrames;
    sc.inject(h, rng);
    switch (sc.expect) {
      case "leave_live":
        result.worstNoticeMs = Math.max(result.worstNoticeMs, await waitFor(() => left(h, mark), sc.limitMs + SLACK_MS, `${sc.name} run ${run}: leaving live`));
        result.noticed++;
        break;
      case "unsync":
        result.worstNoticeMs = Math.max(result.worstNoticeMs, await waitFor(() => unsynced(h, mark), sc.limitMs + SLACK_MS, `${sc.name} run ${run}: token unsynced`));
        result.noticed++;
        break;
      case "harmless":
        await sleep(sc.limitMs);
        expect(left(h, mark), `${sc.name} run ${run}: a harmless fault made the feed leave live`).toBe(false);
        if (sc.name === "garbage frames") expect(h.feed.health().invalidFrames).toBeGreaterThan(invalidBefore);
        break;
      case "eventual":
        break;
    }
    await sleep(sc.flowAfterMs ?? 0);
    h.setFlowing(false);
    await waitFor(async () => h.allSyncedLive() && (await h.booksEqualRest()), 8000, `${sc.name} run ${run}: back to live with books equal to REST /book`, 25);
    if (sc.expect === "eventual" && unsynced(h, mark)) result.noticed++;
    expect(h.violations, `${sc.name} run ${run}`).toEqual([]);
  }
  h.exchange.admin.clear();
  return result;
}

export const connectionFaults: Scenario[] = [
  { name: "abrupt drop", expect: "leave_live", limitMs: 100, inject: (h) => h.exchange.admin.dropAll() },
  { name: "close 1000", expect: "leave_live", limitMs: 100, inject: (h) => h.exchange.admin.closeAll(1000) },
  { name: "close 1013", expect: "leave_live", limitMs: 100, inject: (h) => h.exchange.admin.closeAll(1013) },
  {
    name: "refused connections",
    expect: "leave_live",
    limitMs: 100,
    inject: (h, rng) => {
      h.exchange.admin.refuseConnections(200 + Math.floor(rng() * 500));
      h.exchange.admin.dropAll();
    },
  },
  // No frame and no PONG: the PONG timeout (ping + timeout) or the stale limit notices it.
  { name: "silent stall", expect: "leave_live", limitMs: 600, inject: (h) => h.exchange.admin.stall(1500) },
  // Every frame (PONG included) arrives later than the PONG timeout allows.
  { name: "slow delivery", expect: "leave_live", limitMs: 600, inject: (h, rng) => h.exchange.admin.slow(350 + Math.floor(rng() * 250), 800) },
];

export const frameFaults: Scenario[] = [
  { name: "garbage frames", expect: "harmless", limitMs: 100, inject: (h, rng) => h.exchange.admin.garbage(1 + Math.floor(rng() * 5)) },
  { name: "duplicated frames", expect: "harmless", limitMs: 150, flowAfterMs: 100, inject: (h, rng) => h.exchange.admin.duplicate(1 + Math.floor(rng() * 10)) },
  { name: "skipped delta", expect: "eventual", limitMs: 0, flowAfterMs: 250, inject: (h) => h.exchange.admin.skipDelta(1) },
  { name: "corrupted hash", expect: "eventual", limitMs: 0, flowAfterMs: 150, inject: (h) => h.exchange.admin.corruptHash(1) },
  { name: "tick size change", expect: "unsync", limitMs: 50, inject: (h, rng) => h.exchange.admin.tickSizeChange(h.tokenIds[Math.floor(rng() * h.tokenIds.length)]) },
];
