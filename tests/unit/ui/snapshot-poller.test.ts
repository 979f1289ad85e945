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

  it("slows down when frames are costly, within 2-5 Hz, and speeds up again", () => {
    const info = market();
    const poller = new SnapshotPoller({ snapshot: () => snapshot(info) }, new FakeClock(0), 200);
    expect(poller.periodMs()).toBe(200);
    poller.noteFrameCost(10);
    expect(poller.periodMs()).toBe(200);
    poller.noteFrameCost(30);
    poller.noteFrameCost(30);
    poller.noteFrameCost(30);
    expect(poller.periodMs()).toBeGreaterThan(200);
    for (let i = 0; i < 10; i++) poller.noteFrameCost(400);
    expect(poller.periodMs()).toBe(500);
    for (let i = 0; i < 30; i++) poller.noteFrameCost(5);
    expect(poller.periodMs()).toBe(200);
  });

  it("stretches the timer as frames get costly", () => {
    const info = market();
    const clock = new FakeClock(0);
    let current = snapshot(info);
    const poller = new SnapshotPoller({ snapshot: () => current }, clock, 200);
    let notified = 0;
    poller.subscribe(() => notified++);
    for (let i = 0; i < 10; i++) poller.noteFrameCost(40);
    clock.advance(200); // the first timer was set before the cost was known
    current = snapshot(info, { paused: true });
    clock.advance(399);
    expect(notified).toBe(0);
    clock.advance(1);
    expect(notified).toBe(1);
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
