// The screen thread: renders the dashboard with Ink into a terminal whose bytes, keys and size travel over a port to the host side.
import { PassThrough, Writable } from "node:stream";
import chalk from "chalk";
import { createElement } from "react";
import { render } from "ink";
import { systemClock } from "../../adapters/clock/system-clock.js";
import { App } from "../App.js";
import type { HostMessage, Port, ScreenInit, ScreenMessage } from "./protocol.js";
import { RemoteHost } from "./remote-host.js";

type ScreenPort = Port<HostMessage, ScreenMessage>;

/** Ink's stdout: what it writes goes to the real terminal on the host side; the size follows the host's resizes. */
export class PortStdout extends Writable {
  readonly isTTY = true;

  constructor(
    private readonly port: Pick<ScreenPort, "postMessage">,
    public columns: number,
    public rows: number,
  ) {
    super({ decodeStrings: false });
  }

  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit("resize");
  }

  override _write(chunk: string | Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.port.postMessage({ type: "stdout", data: typeof chunk === "string" ? chunk : chunk.toString("utf8") });
    done();
  }
}

/** Ink's stdin: keys typed on the host's terminal; raw mode is switched there. */
export class PortStdin extends PassThrough {
  readonly isTTY = true;
  isRaw = false;

  constructor(private readonly port: Pick<ScreenPort, "postMessage">) {
    super();
  }

  setRawMode(on: boolean): this {
    if (on !== this.isRaw) this.port.postMessage({ type: "raw_mode", on });
    this.isRaw = on;
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }
}

function describe(err: unknown): { message: string; stack: string | null } {
  return err instanceof Error ? { message: err.message, stack: err.stack ?? null } : { message: String(err), stack: null };
}

/**
 * Renders the App until it exits (or the host asks it to unmount), then reports how it ended. Ink patches this thread's
 * console (so a stray log cannot tear the frame) unless `patchConsole` is false (tests, whose runner owns the console).
 */
export async function runScreen(port: ScreenPort, init: ScreenInit, patchConsole = true): Promise<void> {
  chalk.level = init.colorLevel;
  const stdout = new PortStdout(port, init.columns, init.rows);
  const stdin = new PortStdin(port);
  const host = new RemoteHost(port, init.source);
  const app = render(createElement(App, { host, clock: systemClock(), marketRef: init.marketRef, snapshots: host.snapshotsOf }), {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    exitOnCtrlC: false,
    patchConsole,
    maxFps: 10,
  });
  const onMessage = (m: HostMessage): void => {
    switch (m.type) {
      case "reply":
      case "snapshot":
        host.receive(m);
        return;
      case "stdin":
        stdin.write(m.data);
        return;
      case "resize":
        stdout.resize(m.columns, m.rows);
        return;
      case "unmount":
        app.unmount();
        return;
    }
  };
  port.on("message", onMessage);
  try {
    await app.waitUntilExit();
    port.postMessage({ type: "exit", error: null });
  } catch (err) {
    port.postMessage({ type: "exit", error: describe(err) });
  } finally {
    port.off("message", onMessage);
  }
}
