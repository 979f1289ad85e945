// The dashboard on its screen thread: both halves joined by a MessageChannel, as the worker and the engine's thread are joined in `mm`.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { EventEmitter } from "node:events";
import { stripVTControlCharacters } from "node:util";
import { MessageChannel } from "node:worker_threads";
import { FakeClock } from "../../../src/adapters/clock/fake-clock.js";
import type { HostMessage, ScreenInit, ScreenMessage } from "../../../src/ui/remote/protocol.js";
import { RemoteHost } from "../../../src/ui/remote/remote-host.js";
import { serveScreen } from "../../../src/ui/remote/serve-screen.js";
import { market, snapshot, ScriptedEngine, ScriptedHost } from "./fixtures.js";

/** The real terminal: what the screen wrote, the keys a person types, and its size. */
class Terminal {
  readonly stdout = Object.assign(new EventEmitter(), {
    columns: 120,
    rows: 36,
    text: "",
    write: (data: string) => {
      this.stdout.text += data;
      return true;
    },
  });
  readonly stdin = Object.assign(new EventEmitter(), {
    isTTY: true,
    raw: [] as boolean[],
    setRawMode: (on: boolean) => this.stdin.raw.push(on),
    setEncoding: () => undefined,
    resume: () => undefined,
    pause: () => undefined,
  });
  type(keys: string): void {
    this.stdin.emit("data", keys);
  }
}

// Ink reads CI when it loads and then draws only the last frame; the screen worker clears it first, and so does this test.
let runScreen: (typeof import("../../../src/ui/remote/screen.js"))["runScreen"];
beforeAll(async () => {
  process.env.CI = "false";
  process.env.CONTINUOUS_INTEGRATION = "false";
  ({ runScreen } = await import("../../../src/ui/remote/screen.js"));
});

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

/**
 * Polls (on real time: the two halves talk through a real MessageChannel) until `ok` holds. The limit only stops a
 * broken test: the first frame loads React and Ink, which took over 2 s while the whole suite loaded both cores.
 */
async function until(ok: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (ok()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function start(marketRef: string | null) {
  const info = market({ slug: "m", question: "Will the screen thread draw this?" });
  const engine = new ScriptedEngine(snapshot(info));
  const host = new ScriptedHost([info], engine);
  const terminal = new Terminal();
  const clock = new FakeClock(0);
  const channel = new MessageChannel();
  channels.push(channel);
  const served = serveScreen(channel.port1, host, terminal, clock, 200);
  const init: ScreenInit = { marketRef, source: host.source(), columns: terminal.stdout.columns, rows: terminal.stdout.rows, colorLevel: 0 };
  const exits: ScreenMessage[] = [];
  channel.port1.on("message", (m: ScreenMessage) => {
    if (m.type === "exit") exits.push(m);
  });
  const screen = runScreen(channel.port2, init, false);
  return { info, engine, host, terminal, clock, served, screen, exits };
}

describe("the screen thread", { timeout: 60_000 }, () => {
  it("draws the open market, follows the host's snapshots, sends keys as commands, and quits safely", async () => {
    const t = start("m");
    await until(() => t.terminal.stdout.text.includes("Will the screen thread draw this?"), "the dashboard");
    expect(t.host.calls).toEqual(["resolve m", "open m"]);
    expect(t.terminal.stdin.raw).toEqual([true]);

    // The host side polls the engine on its clock (once the screen watches it) and sends what changed.
    await until(() => t.clock.pending() > 0, "the host polling the engine");
    t.engine.current = { ...t.engine.current, feed: { ...t.engine.current.feed, msgsPerSec: 7777 } };
    t.terminal.stdout.text = "";
    t.clock.advance(500); // at most 2 Hz when frames are costly
    await until(() => t.terminal.stdout.text.includes("7777 msg/s"), "the next snapshot drawn");

    t.terminal.type("p");
    await until(() => t.engine.commands.length === 1, "the pause command");
    expect(t.engine.commands).toEqual([{ type: "pause" }]);

    t.terminal.type("q");
    await t.screen;
    expect(t.host.calls).toContain("shutdown");
    await until(() => t.exits.length > 0, "the screen's exit");
    expect(t.exits).toEqual([{ type: "exit", error: null }]);
    t.served.stop();
    expect(t.terminal.stdin.raw).toEqual([true, false]);
  });

  it("redraws at the terminal's new size", async () => {
    const t = start("m");
    await until(() => t.terminal.stdout.text.includes("DRY-RUN"), "the dashboard");
    const widest = () => Math.max(...stripVTControlCharacters(t.terminal.stdout.text).split("\n").map((l) => Array.from(l).length));
    expect(widest()).toBeLessThanOrEqual(120);
    t.terminal.stdout.text = "";
    t.terminal.stdout.columns = 160;
    t.terminal.stdout.rows = 48;
    t.terminal.stdout.emit("resize");
    await until(() => widest() > 120, "a wider frame");
    expect(widest()).toBeLessThanOrEqual(160);
    t.terminal.type("q");
    await t.screen;
    t.served.stop();
  });

  it("shows the picker from the host's markets", async () => {
    const t = start(null);
    await until(() => t.terminal.stdout.text.includes("Will the screen thread draw this?"), "the picker");
    expect(t.host.calls).toEqual(["list"]);
    t.terminal.type("q");
    await t.screen;
    t.served.stop();
  });

  it("reports a crash inside React as the error that ended the UI", async () => {
    const t = start("m");
    await until(() => t.terminal.stdout.text.includes("DRY-RUN"), "the dashboard");
    await until(() => t.clock.pending() > 0, "the host polling the engine");
    // The next snapshot breaks rendering: the header reads the feed of a snapshot that has none.
    t.engine.current = { ...t.engine.current, feed: undefined as unknown as typeof t.engine.current.feed };
    t.clock.advance(500);
    await t.screen;
    await until(() => t.exits.length > 0, "the screen's exit");
    const [exit] = t.exits;
    expect(exit.type === "exit" && exit.error?.message).toMatch(/undefined/);
    t.served.stop();
  });
});

describe("RemoteHost", () => {
  it("turns calls into messages, resolves and rejects them from replies, and keeps the source the host last gave", async () => {
    const sent: ScreenMessage[] = [];
    const host = new RemoteHost({ postMessage: (m) => sent.push(m) }, "https://gamma.example");
    const listed = host.listMarkets();
    const resolved = host.resolveMarket("nope");
    expect(sent).toEqual([
      { type: "call", id: 1, call: { method: "listMarkets" } },
      { type: "call", id: 2, call: { method: "resolveMarket", ref: "nope" } },
    ]);
    const info = market();
    host.receive({ type: "reply", id: 2, ok: false, error: "no market matches nope", source: "demo (embedded exchange)" });
    host.receive({ type: "reply", id: 1, ok: true, value: [info], source: "demo (embedded exchange)" } as Extract<HostMessage, { type: "reply" }>);
    await expect(resolved).rejects.toThrow("no market matches nope");
    await expect(listed).resolves.toEqual([info]);
    expect(host.source()).toBe("demo (embedded exchange)");
  });

  it("reads an opened engine's snapshots as they arrive and watches it only while someone listens", async () => {
    const sent: ScreenMessage[] = [];
    const host = new RemoteHost({ postMessage: (m) => sent.push(m) }, "src");
    const info = market();
    const opening = host.openMarket(info);
    const first = snapshot(info);
    host.receive({ type: "reply", id: 1, ok: true, value: { engine: 7, snapshot: first }, source: "src" });
    const handle = await opening;
    const store = host.snapshotsOf(handle);
    expect(store.get()).toBe(first);
    let seen = 0;
    const off = store.subscribe(() => seen++);
    const next = snapshot(info, { paused: true });
    host.receive({ type: "snapshot", engine: 7, snapshot: next });
    host.receive({ type: "snapshot", engine: 8, snapshot: first });
    expect(seen).toBe(1);
    expect(handle.snapshot()).toBe(next);
    store.refresh();
    store.noteFrameCost(12);
    off();
    expect(sent.slice(1)).toEqual([
      { type: "watch", engine: 7, on: true },
      { type: "refresh", engine: 7 },
      { type: "frame_cost", engine: 7, ms: 12 },
      { type: "watch", engine: 7, on: false },
    ]);
    expect(() => host.snapshotsOf({ snapshot: () => first, subscribe: () => () => undefined, command: handle.command })).toThrow("not opened through the screen's host");
  });
});
