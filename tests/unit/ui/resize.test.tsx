// The dashboard follows the terminal's size: redrawn on resize, never taller than the screen.
import { describe, expect, it } from "vitest";
import { EventEmitter } from "node:events";
import React from "react";
import { render } from "ink";
import { App } from "../../../src/ui/App.js";
import { FakeClock } from "../../../src/adapters/clock/fake-clock.js";
import { market, snapshot, settle, ScriptedEngine, ScriptedHost, FakeKeys } from "./fixtures.js";

class Tty extends EventEmitter {
  isTTY = true;
  last = "";
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (text: string) => {
    this.last = text;
    return true;
  };
}

describe("resize", () => {
  it("redraws at the new size and keeps the frame shorter than the terminal", async () => {
    const info = market({ slug: "m" });
    const host = new ScriptedHost([info], new ScriptedEngine(snapshot(info)));
    const tty = new Tty(80, 24);
    const app = render(<App host={host} clock={new FakeClock(0)} marketRef="m" />, {
      stdout: tty as unknown as NodeJS.WriteStream,
      stdin: new FakeKeys() as unknown as NodeJS.ReadStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    });
    await settle(10);
    const lines = (text: string) => text.split("\n");
    expect(tty.last).toContain("DRY-RUN");
    expect(lines(tty.last).length).toBeLessThanOrEqual(23);
    expect(Math.max(...lines(tty.last).map((l) => Array.from(l).length))).toBeLessThanOrEqual(80);
    tty.columns = 160;
    tty.rows = 48;
    tty.emit("resize");
    await settle(10);
    expect(lines(tty.last).length).toBeLessThanOrEqual(47);
    expect(lines(tty.last).length).toBeGreaterThan(30);
    expect(Math.max(...lines(tty.last).map((l) => Array.from(l).length))).toBeGreaterThan(120);
    tty.columns = 40;
    tty.rows = 10;
    tty.emit("resize");
    await settle(10);
    expect(tty.last).toContain("too small");
    app.unmount();
  });
});
