// The dead-man's switch: a heartbeat every heartbeatMs from before the first order, so the exchange cancels everything if mm dies or hangs.
import type { Clock, TimerHandle } from "../../../ports/clock.js";
import type { ClobApi } from "./clob-client.js";
import { RequestFailure, type RequestRunner } from "./request-runner.js";

/** Polymarket cancels a key's orders ~10 s after its last valid heartbeat. */
export const EXCHANGE_HEARTBEAT_TIMEOUT_MS = 10_000;

export interface HeartbeatEvents {
  /** The exchange has probably cancelled our orders (no heartbeat got through in time). */
  onLapse(silentMs: number): void;
  /** A heartbeat got through after a lapse. */
  onRecover(): void;
}

export class Heartbeat {
  private id = "";
  private timer: TimerHandle | null = null;
  private busy = false;
  private lastOk = Number.NEGATIVE_INFINITY;
  private lapsed = false;
  private sent = 0;

  constructor(
    private readonly api: ClobApi,
    private readonly runner: RequestRunner,
    private readonly clock: Clock,
    private readonly everyMs: number,
    private readonly events: HeartbeatEvents,
  ) {}

  /** Sends the first heartbeat (it must get through) and starts the timer. */
  async start(): Promise<void> {
    await this.beat();
    this.timer = this.clock.setInterval(() => void this.tick(), this.everyMs);
  }

  stop(): void {
    if (this.timer) this.clock.clearInterval(this.timer);
    this.timer = null;
  }

  /** Whether the exchange has had a heartbeat recently enough for new orders to be protected by the switch. */
  healthy(): boolean {
    return this.clock.now() - this.lastOk <= 2 * this.everyMs;
  }

  count(): number {
    return this.sent;
  }

  private async beat(): Promise<void> {
    try {
      const res = await this.runner.run("heartbeat", () => this.api.postHeartbeat(this.id), { idempotent: true, gated: false });
      this.id = res.heartbeat_id ?? "";
    } catch (err) {
      // An expired or unknown id is refused: the next beat starts a new chain.
      if (err instanceof RequestFailure && err.cls.kind === "rejected") this.id = "";
      throw err;
    }
    this.lastOk = this.clock.now();
    this.sent++;
    if (this.lapsed) {
      this.lapsed = false;
      this.events.onRecover();
    }
  }

  private async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await this.beat();
    } catch {
      const silent = this.clock.now() - this.lastOk;
      if (!this.lapsed && silent >= EXCHANGE_HEARTBEAT_TIMEOUT_MS) {
        this.lapsed = true;
        this.events.onLapse(silent);
      }
    } finally {
      this.busy = false;
    }
  }
}
