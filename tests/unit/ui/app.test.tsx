// The whole TUI driven by keys through ink-testing-library: picker (search, sort, selection), dashboard keys, help, quitting.
import { afterEach, describe, expect, it } from "vitest";
import React from "react";
import { render, cleanup } from "ink-testing-library";
import { App } from "../../../src/ui/App.js";
import { FakeClock } from "../../../src/adapters/clock/fake-clock.js";
import { market, snapshot, settle, ScriptedEngine, ScriptedHost } from "./fixtures.js";

const KEYS = { up: "\u001B[A", down: "\u001B[B", enter: "\r", escape: "\u001B", ctrlC: "\u0003", backspace: "\u007F", pageDown: "\u001B[6~" };
const NOW = Date.UTC(2026, 0, 1);

const btc = market({ question: "Will Bitcoin reach $200k?", slug: "btc", volume24h: 900_000, liquidity: 1_000 });
const fed = market({ question: "Fed cuts rates in March?", slug: "fed", volume24h: 300_000, liquidity: 900_000, rewards: null });
const rain = market({ question: "Rain in London tomorrow?", slug: "rain", volume24h: 10, liquidity: 500 });

function setup(opts: { failList?: string; marketRef?: string; markets?: ReturnType<typeof market>[] } = {}) {
  const engine = new ScriptedEngine(snapshot(fed), (cmd, e) => {
    if (cmd.type === "kill") e.current = { ...e.current, risk: { ...e.current.risk, state: "HALTED", reason: cmd.reason }, openOrders: [] };
    if (cmd.type === "resume") return { ok: false, message: "Refused: the daily loss limit is still breached ($120 of $100); use --force." };
    return { ok: true, message: `done: ${cmd.type}` };
  });
  const host = new ScriptedHost(opts.markets ?? [btc, fed, rain], engine, opts.failList ?? null);
  const clock = new FakeClock(NOW);
  const ui = render(<App host={host} clock={clock} marketRef={opts.marketRef ?? null} size={{ columns: 100, rows: 30 }} />);
  const type = async (...keys: string[]) => {
    for (const k of keys) {
      ui.stdin.write(k);
      await settle();
    }
  };
  return { ui, host, engine, clock, type, frame: () => ui.lastFrame() ?? "" };
}

afterEach(() => cleanup());

describe("App: market picker", () => {
  it("shows a loading state, then the markets by 24h volume", async () => {
    const { frame, ui } = setup();
    expect(ui.frames[0]).toContain("Loading markets from https://gamma.example");
    await settle();
    const out = frame();
    expect(out).toContain("3 of 3 markets");
    expect(out).toContain("sort: 24h volume");
    expect(out.indexOf("Bitcoin")).toBeLessThan(out.indexOf("Fed cuts"));
    expect(out.indexOf("Fed cuts")).toBeLessThan(out.indexOf("Rain"));
    expect(out).toContain("› Will Bitcoin");
  });

  it("searches incrementally, Esc clears, Enter keeps the search", async () => {
    const { frame, type } = setup();
    await settle();
    await type("/", "r");
    expect(frame()).toContain("/r█");
    expect(frame()).toContain("3 of 3 markets");
    await type("a", "i");
    expect(frame()).toContain("1 of 3 markets");
    expect(frame()).toContain("› Rain in London");
    await type(KEYS.backspace);
    expect(frame()).toContain("2 of 3 markets");
    await type(KEYS.escape);
    expect(frame()).toContain("3 of 3 markets");
    await type("/", "f", "e", "d", KEYS.enter);
    expect(frame()).toContain('search: "fed"');
    expect(frame()).toContain("1 of 3 markets");
  });

  it("counts each of several keys that arrive in one read", async () => {
    const { frame, type } = setup();
    await settle();
    await type("ss");
    expect(frame()).toContain("sort: tightest spread");
  });

  it("cycles the sort and the filter", async () => {
    const { frame, type } = setup();
    await settle();
    await type("s");
    expect(frame()).toContain("sort: liquidity");
    expect(frame()).toContain("› Fed cuts");
    await type("f");
    expect(frame()).toContain("filter: rewarded only");
    expect(frame()).toContain("2 of 3 markets");
    expect(frame()).not.toContain("Fed cuts");
  });

  it("moves with arrows and j/k and opens the selected market with Enter", async () => {
    const { frame, type, host } = setup();
    await settle();
    await type(KEYS.down, "j", "k");
    expect(frame()).toContain("› Fed cuts");
    await type(KEYS.enter);
    expect(host.calls).toContain("open fed");
    await settle();
    expect(frame()).toContain("DRY-RUN");
    expect(frame()).toContain("Fed cuts rates in March?");
    expect(frame()).toContain("feed LIVE");
  });

  it("pages through hundreds of markets, rendering only the rows on screen", async () => {
    const many = Array.from({ length: 500 }, (_, i) => market({ question: `Market number ${String(i).padStart(3, "0")}`, volume24h: 1000 - i }));
    const { frame, type } = setup({ markets: many });
    await settle();
    expect(frame()).toContain("500 of 500 markets");
    expect(frame()).not.toContain("Market number 100");
    await type(KEYS.pageDown, KEYS.pageDown);
    const out = frame();
    expect(out).toMatch(/› Market number 0[4-5]\d/);
    expect(out.split("\n").length).toBeLessThanOrEqual(29);
    await type("G");
    expect(frame()).toContain("› Market number 499");
  });
});

describe("App: dashboard keys", () => {
  async function opened() {
    const t = setup({ marketRef: "fed" });
    await settle();
    await settle();
    return t;
  }

  it("--market skips the picker", async () => {
    const { host, frame } = await opened();
    expect(host.calls).toEqual(["resolve fed", "open fed"]);
    expect(frame()).toContain("Our quotes (2)");
  });

  it("redraws on its snapshots only: no once-a-second tick while the dashboard shows", async () => {
    const { ui, clock } = await opened();
    // The snapshot poller's timer is the only one: the loading screens' elapsed-seconds tick stopped with them.
    expect(clock.pending()).toBe(1);
    const frames = ui.frames.length;
    clock.advance(5_000); // the same snapshot all along: nothing to redraw
    await settle();
    expect(ui.frames.length).toBe(frames);
  });

  it("k halts at once: the command goes out and the red HALTED banner shows", async () => {
    const { frame, type, engine } = await opened();
    await type("k");
    expect(engine.commands[0]).toEqual({ type: "kill", reason: "kill switch pressed in the dashboard" });
    expect(frame()).toContain("HALTED: kill switch pressed in the dashboard");
    expect(frame()).toContain("Halted: no quotes.");
  });

  it("r asks y/n; n cancels; y sends resume and shows why it was refused", async () => {
    const { frame, type, engine } = await opened();
    await type("r");
    expect(frame()).toContain("Resume quoting? y/n");
    await type("n");
    expect(engine.commands).toEqual([]);
    await type("r", "y");
    expect(engine.commands).toEqual([{ type: "resume", force: false }]);
    expect(frame()).toContain("Refused: the daily loss limit is still breached");
  });

  it("p, [, ], -, + send pause, spread and size commands", async () => {
    const { type, engine } = await opened();
    await type("p", "[", "]", "-", "+");
    expect(engine.commands).toEqual([
      { type: "pause" },
      { type: "adjust_spread", deltaTicks: -1 },
      { type: "adjust_spread", deltaTicks: 1 },
      { type: "adjust_size", direction: -1 },
      { type: "adjust_size", direction: 1 },
    ]);
  });

  it("re-reads the snapshot on its timer, not per message", async () => {
    const { frame, engine, clock } = await opened();
    engine.current = { ...engine.current, feed: { ...engine.current.feed, state: "stale" } };
    await settle();
    expect(frame()).toContain("feed LIVE");
    clock.advance(500); // the slowest refresh period (2 Hz), whatever frames cost here
    await settle();
    expect(frame()).toContain("feed STALE");
  });

  it("? shows the key table, d the description, m confirms and returns to the picker", async () => {
    const { frame, type, host } = await opened();
    await type("?");
    expect(frame()).toContain("Keys: dashboard");
    expect(frame()).toContain("KILL SWITCH");
    await type(KEYS.escape, "d");
    expect(frame()).toContain("This market resolves YES");
    await type("m");
    expect(frame()).toContain("go back to the market picker? y/n");
    await type("y");
    await settle();
    expect(host.calls).toContain("close");
    expect(frame()).toContain("sort: 24h volume");
  });

  it("q quits safely through the host; a second Ctrl+C forces the exit", async () => {
    const { type, host, frame } = await opened();
    const pending = new Promise<void>(() => {});
    host.shutdown = async () => {
      host.calls.push("shutdown");
      return pending;
    };
    await type(KEYS.ctrlC);
    expect(host.calls).toContain("shutdown");
    expect(frame()).toContain("Quitting safely");
    await type(KEYS.ctrlC);
    expect(host.calls).toContain("force");
  });
});

describe("App: unreachable endpoints", () => {
  it("says which host and what error, and offers the demo on d", async () => {
    const { frame, type, host } = setup({ failList: "GET https://gamma.example/markets failed: connect ECONNREFUSED 127.0.0.1:9" });
    await settle();
    expect(frame()).toContain("Could not reach the exchange.");
    expect(frame()).toContain("ECONNREFUSED");
    expect(frame()).toContain("d  start the offline demo exchange");
    await type("d");
    await settle();
    expect(host.calls).toEqual(["list", "demo", "list"]);
    expect(frame()).toContain("3 of 3 markets");
  });
});
