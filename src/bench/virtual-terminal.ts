// The real Ink dashboard, on its screen thread as `mm` runs it, rendered into a virtual 160x48 terminal (a Writable with columns/rows).
import { EventEmitter } from "node:events";
import { Writable } from "node:stream";
import chalk from "chalk";
import { systemClock } from "../adapters/clock/system-clock.js";
import type { MarketInfo } from "../domain/market.js";
import type { EngineHandle } from "../engine/snapshot.js";
import type { DashboardHost } from "../ui/host.js";
import { startScreenThread } from "../ui/remote/screen-thread.js";

/** A terminal that swallows what it is sent, counting frames (writes) and bytes. */
export class VirtualStdout extends Writable {
  readonly isTTY = true;
  writes = 0;
  bytes = 0;

  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super({ decodeStrings: false });
  }

  override _write(chunk: string | Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.writes++;
    this.bytes += chunk.length;
    done();
  }
}

/** A keyboard nobody types on. */
class SilentStdin extends EventEmitter {
  readonly isTTY = true;
  setRawMode(): this {
    return this;
  }
  setEncoding(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
}

/** The host the dashboard opens: one running engine, already started by the benchmark, shown on `market`. */
function benchHost(engine: EngineHandle, markets: MarketInfo[]): DashboardHost {
  const find = (ref: string): MarketInfo | undefined => markets.find((m) => m.slug === ref || m.conditionId === ref || m.yesTokenId === ref || m.noTokenId === ref);
  return {
    source: () => "benchmark (embedded exchange on loopback)",
    listMarkets: async () => markets,
    resolveMarket: async (ref) => {
      const m = find(ref);
      if (!m) throw new Error(`no market ${ref} on the benchmark exchange`);
      return m;
    },
    openMarket: async () => engine,
    closeMarket: async () => undefined,
    startDemo: async () => undefined,
    shutdown: async () => undefined,
    forceExit: () => undefined,
  };
}

export interface RenderedDashboard {
  stdout: VirtualStdout;
  /** Unmounts the dashboard and waits for its screen thread to end (rejects if it crashed). */
  close(): Promise<void>;
}

/**
 * Renders the dashboard of `market` (skipping the picker) as `mm` does, on its screen thread, into a virtual terminal of `columns` x `rows`.
 * As `mm` does, NODE_ENV defaults to production first (the screen thread inherits it: React's development build costs several times more per frame).
 */
export async function renderDashboard(engine: EngineHandle, markets: MarketInfo[], market: MarketInfo, columns = 160, rows = 48): Promise<RenderedDashboard> {
  process.env.NODE_ENV ??= "production";
  const stdout = new VirtualStdout(columns, rows);
  const screen = startScreenThread({
    host: benchHost(engine, markets),
    clock: systemClock(),
    marketRef: market.slug,
    terminal: { stdout, stdin: new SilentStdin() },
    colorLevel: chalk.level,
  });
  const ended = screen.waitUntilExit();
  // Marked as handled here; close() reports how the screen ended.
  ended.catch(() => undefined);
  return {
    stdout,
    close() {
      screen.unmount();
      return ended;
    },
  };
}
