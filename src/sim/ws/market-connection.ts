// One market-channel client: its subscriptions, and the delivery pipeline where faults (stall, slow, skip, duplicate, corrupt) apply.
import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";
import type { Clock, TimerHandle } from "../../ports/clock.js";
import type { Outgoing } from "../market-data/frames.js";

export interface ConnectionFaults {
  /** Frames and PONGs are dropped until then (ms). */
  stallUntil: number;
  /** Frames are delayed by slowDelayMs until then (ms). */
  slowUntil: number;
  slowDelayMs: number;
  /** How many of the next frames to send twice. */
  duplicate: number;
  /** How many of the next book/price_change frames get a wrong hash. */
  corruptHash: number;
  /** How many of the next price_change frames to leave out. */
  skipDelta: number;
}

/** The TCP socket under a WebSocket: corked while a burst of frames is written, so the burst leaves in few write(2)s. */
export type Corkable = Pick<Duplex, "cork" | "uncork">;

/**
 * The most a burst puts in one write. Unbounded, a saturated exchange (a --rate far above what it can produce) corked
 * seconds of frames into one 16 MB writev that the consumer then waited on (measured: 1,000 instead of 11,000 msgs/s).
 */
const CORK_BYTES = 64 * 1024;

interface Queued {
  due: number;
  text: string;
}

/** Replaces the first 40-hex hash in a frame by a different, well-formed one. */
export function corruptFirstHash(text: string): string {
  return text.replace(/"hash":"([0-9a-f]{40})"/, (_m, hash: string) => `"hash":"${hash.slice(1)}${hash[0] === "0" ? "1" : "0"}"`);
}

export class MarketConnection {
  /** conditionId -> token mask subscribed (1 YES, 2 NO). */
  readonly masks = new Map<string, number>();
  custom = false;
  subscribed = false;
  readonly faults: ConnectionFaults = { stallUntil: 0, slowUntil: 0, slowDelayMs: 0, duplicate: 0, corruptHash: 0, skipDelta: 0 };
  private readonly queue: Queued[] = [];
  private timer: TimerHandle | null = null;
  private idleTimer: TimerHandle | null = null;
  /** Frames handed to the socket (for tests and stats). */
  sent = 0;
  /** Bytes sent since the socket was corked; -1 while it is not. */
  private corkedBytes = -1;

  constructor(
    readonly socket: WebSocket,
    private readonly raw: Corkable,
    private readonly clock: Clock,
    private readonly idleMs: number,
    private readonly maxBufferedBytes: number,
  ) {
    this.touch();
  }

  /** Restarts the idle timer: a connection silent for idleMs is dropped without a close frame. */
  touch(): void {
    if (this.idleTimer) this.clock.clearTimeout(this.idleTimer);
    this.idleTimer = this.clock.setTimeout(() => this.socket.terminate(), this.idleMs);
  }

  stalled(): boolean {
    return this.clock.now() < this.faults.stallUntil;
  }

  /** Publishes a frame to this connection if it concerns what it subscribed to. */
  deliver(out: Outgoing): void {
    let mask: number;
    if (out.conditionId === "") mask = out.tokens;
    else {
      const m = this.masks.get(out.conditionId);
      if (m === undefined) return;
      mask = m;
    }
    if (out.custom && !this.custom) return;
    if (this.stalled()) return;
    let text = out.text(mask);
    if (text === null) return;
    const f = this.faults;
    if (out.kind === "price_change" && f.skipDelta > 0) {
      f.skipDelta--;
      return;
    }
    if ((out.kind === "price_change" || out.kind === "book") && f.corruptHash > 0) {
      f.corruptHash--;
      text = corruptFirstHash(text);
    }
    this.send(text);
    if (f.duplicate > 0) {
      f.duplicate--;
      this.send(text);
    }
  }

  /** Sends a text frame through the slow-delivery queue (order is kept); replies such as PONG use it too. */
  send(text: string): void {
    const now = this.clock.now();
    if (now < this.faults.slowUntil || this.queue.length > 0) {
      const due = Math.max(now + (now < this.faults.slowUntil ? this.faults.slowDelayMs : 0), this.queue.at(-1)?.due ?? 0);
      this.queue.push({ due, text });
      this.arm();
      return;
    }
    this.write(text);
  }

  close(): void {
    if (this.idleTimer) this.clock.clearTimeout(this.idleTimer);
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.idleTimer = this.timer = null;
    this.queue.length = 0;
  }

  private write(text: string): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.socket.close(1013, "slow consumer");
      return;
    }
    this.sent++;
    // The frames published in one go (a slice of the order flow) leave together, in writes of up to CORK_BYTES, instead of
    // one write(2) each (measured with `npm run bench`'s loopback section at 5,000 msgs/s: writev was 15% of the exchange's
    // CPU, on a machine whose two cores it shares with the engine). Uncorked at the latest once the publishing code returns.
    if (this.corkedBytes < 0) {
      this.corkedBytes = 0;
      this.raw.cork();
      queueMicrotask(() => this.uncork());
    }
    this.socket.send(text);
    this.corkedBytes += text.length;
    if (this.corkedBytes >= CORK_BYTES) this.uncork();
  }

  private uncork(): void {
    if (this.corkedBytes < 0) return;
    this.corkedBytes = -1;
    this.raw.uncork();
  }

  private arm(): void {
    if (this.timer || this.queue.length === 0) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      const now = this.clock.now();
      while (this.queue.length > 0 && this.queue[0].due <= now) this.write(this.queue.shift()!.text);
      this.arm();
    }, Math.max(0, this.queue[0].due - this.clock.now()));
  }
}
