// The host side of the screen thread: answers its DashboardHost calls, sends the open engine's snapshots, and joins it to the real terminal.
import type { EngineHandle } from "../../engine/snapshot.js";
import type { Clock } from "../../ports/clock.js";
import type { DashboardHost } from "../host.js";
import { SnapshotPoller, UI_REFRESH_MS } from "../snapshot-poller.js";
import type { HostCall, HostMessage, HostResults, Port, ScreenMessage } from "./protocol.js";

/** The real terminal (or a virtual one): where the screen's bytes go and its keys come from. */
export interface ScreenTerminal {
  stdout: {
    write(data: string): unknown;
    columns?: number;
    rows?: number;
    on(event: "resize", listener: () => void): unknown;
    off(event: "resize", listener: () => void): unknown;
  };
  stdin: {
    isTTY?: boolean;
    setRawMode?(on: boolean): unknown;
    setEncoding(encoding: BufferEncoding): unknown;
    on(event: "data", listener: (data: string) => void): unknown;
    off(event: "data", listener: (data: string) => void): unknown;
    resume(): unknown;
    pause(): unknown;
  };
}

interface OpenEngine {
  handle: EngineHandle;
  poller: SnapshotPoller;
  unwatch: (() => void) | null;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Serves the screen on `port` until stop(): the engines it opens are polled on `clock` (only while it watches them). */
export function serveScreen(port: Port<ScreenMessage, HostMessage>, host: DashboardHost, terminal: ScreenTerminal, clock: Clock, refreshMs = UI_REFRESH_MS): { stop(): void } {
  const engines = new Map<number, OpenEngine>();
  let nextEngine = 1;
  const post = (m: HostMessage): void => port.postMessage(m);

  const closeAll = (): void => {
    for (const e of engines.values()) e.unwatch?.();
    engines.clear();
  };

  const engine = (id: number): OpenEngine => {
    const e = engines.get(id);
    if (!e) throw new Error("that market is no longer open");
    return e;
  };

  async function answer(call: HostCall): Promise<HostResults[HostCall["method"]]> {
    switch (call.method) {
      case "listMarkets":
        return host.listMarkets();
      case "resolveMarket":
        return host.resolveMarket(call.ref);
      case "openMarket": {
        const handle = await host.openMarket(call.market);
        closeAll();
        const id = nextEngine++;
        const poller = new SnapshotPoller(handle, clock, refreshMs);
        engines.set(id, { handle, poller, unwatch: null });
        return { engine: id, snapshot: poller.get() };
      }
      case "closeMarket":
        closeAll();
        await host.closeMarket();
        return null;
      case "startDemo":
        await host.startDemo();
        return null;
      case "shutdown":
        await host.shutdown();
        return null;
      case "command":
        return engine(call.engine).handle.command(call.command);
    }
  }

  const onKeys = (data: string): void => post({ type: "stdin", data });
  let raw = false;
  const setRaw = (on: boolean): void => {
    if (on === raw) return;
    raw = on;
    const { stdin } = terminal;
    if (stdin.isTTY) stdin.setRawMode?.(on);
    if (on) {
      stdin.setEncoding("utf8");
      stdin.on("data", onKeys);
      stdin.resume();
    } else {
      stdin.off("data", onKeys);
      stdin.pause();
    }
  };

  const onMessage = (m: ScreenMessage): void => {
    switch (m.type) {
      case "call":
        answer(m.call).then(
          (value) => post({ type: "reply", id: m.id, ok: true, value, source: host.source() }),
          (err: unknown) => post({ type: "reply", id: m.id, ok: false, error: errorText(err), source: host.source() }),
        );
        return;
      case "force_exit":
        host.forceExit();
        return;
      case "watch": {
        const e = engines.get(m.engine);
        if (!e) return;
        e.unwatch?.();
        e.unwatch = m.on ? e.poller.subscribe(() => post({ type: "snapshot", engine: m.engine, snapshot: e.poller.get() })) : null;
        return;
      }
      case "refresh":
        engines.get(m.engine)?.poller.refresh();
        return;
      case "frame_cost":
        engines.get(m.engine)?.poller.noteFrameCost(m.ms);
        return;
      case "stdout":
        terminal.stdout.write(m.data);
        return;
      case "raw_mode":
        setRaw(m.on);
        return;
      case "exit":
        // The screen ended: whoever started it (screen-thread.ts) reads this too.
        return;
    }
  };

  const onResize = (): void => post({ type: "resize", columns: terminal.stdout.columns ?? 80, rows: terminal.stdout.rows ?? 24 });
  port.on("message", onMessage);
  terminal.stdout.on("resize", onResize);
  return {
    stop() {
      port.off("message", onMessage);
      terminal.stdout.off("resize", onResize);
      setRaw(false);
      closeAll();
    },
  };
}
