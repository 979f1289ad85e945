// A crash inside the UI still cancels every order (host.shutdown) and restores the terminal before the error surfaces.
import { describe, expect, it } from "vitest";
import { EventEmitter } from "node:events";
import React from "react";
import { render } from "ink";
import { App } from "../../../src/ui/App.js";
import { superviseUi } from "../../../src/cli/commands/dashboard.js";
import { FakeClock } from "../../../src/adapters/clock/fake-clock.js";
import { market, settle, snapshot, ScriptedEngine, ScriptedHost, FakeKeys } from "./fixtures.js";

class Tty extends EventEmitter {
  isTTY = true;
  columns = 100;
  rows = 30;
  write = () => true;
}
describe("a crash inside the UI", () => {
  it("shuts the host down (cancel all, flush) and restores the terminal, then reports the error", async () => {
    const info = market({ slug: "m" });
    const engine = new ScriptedEngine(snapshot(info));
    const host = new ScriptedHost([info], engine);
    const clock = new FakeClock(0);
    const stderr = new Tty();
    const app = render(<App host={host} clock={clock} marketRef="m" />, {
      stdout: new Tty() as unknown as NodeJS.WriteStream,
      stderr: stderr as unknown as NodeJS.WriteStream,
      stdin: new FakeKeys() as unknown as NodeJS.ReadStream,
      exitOnCtrlC: false,
      patchConsole: false,
    });
    const order: string[] = [];
    const restored = () => order.push("restore");
    const supervised = superviseUi(app, { shutdown: async () => void order.push("shutdown") }, restored);
    await settle(10);
    expect(host.calls).toContain("open m");
    // The next snapshot breaks rendering: the header reads the feed of a snapshot that has none.
    engine.current = { ...engine.current, feed: undefined as unknown as typeof engine.current.feed };
    clock.advance(1000);
    await expect(supervised).rejects.toThrow();
    expect(order).toEqual(["shutdown", "restore"]);
  });
});
