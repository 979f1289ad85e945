// The snapshot poller: reads the engine on its timer only, keeps the same object between ticks, stops when unobserved.
import { describe, expect, it } from "vitest";
import { SnapshotPoller } from "../../../src/ui/snapshot-poller.js";
import { FakeClock } from "../../../src/adapters/clock/fake-clock.js";
import { market, snapshot } from "./fixtures.js";

describe("SnapshotPoller", () => {
  it("reads a snapshot per tick and notifies only when it changed", () => {
    const info = market();
    let current = snapshot(info);
    let reads = 0;
    const engine = { snapshot: () => (reads++, current) };
    const clock = new FakeClock(0);
    const poller = new SnapshotPoller(engine, clock, 200);
    let notified = 0;
    const off = poller.subscribe(() => notified++);
    const first = poller.get();
    expect(poller.get()).toBe(first);
    current = snapshot(info, { paused: true });
    expect(poller.get()).toBe(first); // nothing is read between ticks
    clock.advance(199);
    expect(notified).toBe(0);
    clock.advance(1);
    expect(notified).toBe(1);
    expect(poller.get().paused).toBe(true);
    clock.advance(1000);
    expect(notified).toBe(1); // same object: no re-render
    expect(reads).toBe(1 + 6);
    off();
    expect(clock.pending()).toBe(0);
  });

  it("refresh() reads at once (after a command)", () => {
    const info = market();
    let current = snapshot(info);
    const poller = new SnapshotPoller({ snapshot: () => current }, new FakeClock(0));
    let notified = 0;
    poller.subscribe(() => notified++);
    current = snapshot(info, { risk: { state: "HALTED", reason: "k", limits: [] } });
    poller.refresh();
    expect(notified).toBe(1);
    expect(poller.get().risk.state).toBe("HALTED");
  });
});
