// A dry-run session on a live feed whose clock steps with the frames, recording what the engine consumed, so a backtest can repeat it exactly.
import { FakeClock } from "../adapters/clock/fake-clock.js";
import { RecordingWriter, recordingTransport } from "../adapters/recording/write-recording.js";
import type { MarketInfo } from "../domain/market.js";
import type { Settings } from "../domain/settings/schema.js";
import type { Logger } from "../ports/logger.js";
import type { BookSnapshotSource, TransportFactory } from "../ports/market-data.js";
import type { Store } from "../ports/store.js";
import { createSession, type Session } from "./session.js";
import { advanceTo, settle } from "./virtual-time.js";

/** How often the real time is brought into the virtual clock when no frame comes (timers fire at most this late). */
const TICK_MS = 5;

/**
 * Serializes everything that touches the session: each step first moves the virtual clock to the real time (firing due
 * timers one by one), then runs, then lets its promises settle. A backtest takes the same steps at the recorded times.
 */
export class StepPump {
  private readonly queue: (() => void)[] = [];
  private draining = false;
  private readonly ticker: NodeJS.Timeout;

  constructor(
    readonly clock: FakeClock,
    private readonly realNow: () => number = Date.now,
  ) {
    this.ticker = setInterval(() => this.push(() => undefined), TICK_MS);
  }

  /** Runs `fn` as one step; resolves with its result once the step's promises have settled. */
  run<T>(fn: () => T): Promise<T> {
    return new Promise((resolve, reject) =>
      this.push(() => {
        try {
          resolve(fn());
        } catch (err) {
          reject(err as Error);
        }
      }),
    );
  }

  close(): void {
    clearInterval(this.ticker);
  }

  /** A transport whose events reach the feed only as pump steps. */
  transport(inner: TransportFactory, delivering: () => boolean): TransportFactory {
    return (url, handlers) =>
      inner(url, {
        onOpen: () => this.push(() => delivering() && handlers.onOpen()),
        onText: (text) => this.push(() => delivering() && handlers.onText(text)),
        onClose: (code, reason) => this.push(() => delivering() && handlers.onClose(code, reason)),
        onError: (message) => this.push(() => delivering() && handlers.onError(message)),
      });
  }

  /** REST answers reach the feed only as pump steps too. */
  rest(inner: BookSnapshotSource): BookSnapshotSource {
    const inStep = <T>(p: Promise<T>): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        p.then(
          (v) => this.push(() => resolve(v)),
          (err: unknown) => this.push(() => reject(err as Error)),
        );
      });
    return { book: (id) => inStep(inner.book(id)), books: (ids) => inStep(inner.books(ids)) };
  }

  private push(step: () => void): void {
    this.queue.push(step);
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    for (let step = this.queue.shift(); step !== undefined; step = this.queue.shift()) {
      await advanceTo(this.clock, Math.max(this.clock.now(), this.realNow()));
      step();
      await settle();
    }
    this.draining = false;
  }
}

export interface LiveSessionOptions {
  markets: MarketInfo[];
  settings: Settings;
  /** The market channel URL. */
  url: string;
  transport: TransportFactory;
  rest: BookSnapshotSource;
  /** Write what the engine consumed here (a recording `mm backtest` replays to the same fills). */
  recordPath: string | null;
  logger: Logger;
  source: string;
  /** The account (default: a new one in memory, as the backtest starts); `mm run --record` passes its data dir's. */
  store?: Store;
  /** Runs inside the first step, after the session is wired and before its engine starts (listeners, restored orders). */
  beforeStart?: (session: Session) => void;
}

export interface LiveSession {
  session: Session;
  writer: RecordingWriter | null;
  pump: StepPump;
  /** Ends the recording, stops the engine (cancels, bounded wait) and the pump. */
  stop(): Promise<void>;
}

export async function startLiveSession(o: LiveSessionOptions): Promise<LiveSession> {
  const clock = new FakeClock(Date.now());
  const pump = new StepPump(clock);
  let delivering = true;
  const stepped = pump.transport(o.transport, () => delivering);
  const { session, writer } = await pump.run(() => {
    const writer = o.recordPath === null ? null : new RecordingWriter(o.recordPath, o.markets, clock.now());
    const transport = writer ? recordingTransport(stepped, writer, clock) : stepped;
    const session = createSession({ markets: o.markets, settings: o.settings, clock, url: o.url, transport, rest: pump.rest(o.rest), logger: o.logger, source: o.source, store: o.store });
    o.beforeStart?.(session);
    void session.engine.start();
    return { session, writer };
  });
  return {
    session,
    writer,
    pump,
    async stop() {
      const { stopped } = await pump.run(() => {
        delivering = false;
        writer?.end(clock.now());
        return { stopped: session.engine.stop() };
      });
      await stopped;
      await session.gateway.close();
      pump.close();
    },
  };
}
