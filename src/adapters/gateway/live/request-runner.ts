// Runs one exchange request with a timeout and the retry policy: idempotent retries with backoff, the 425/429 gate, classified failures.
import type { Clock } from "../../../ports/clock.js";
import { redactor } from "../../secrets/redact.js";
import { backoffMs, checkGate, classifyError, decideRetry, gateAfterError, gateAfterSuccess, openGate, type BackoffSettings, type ErrorClass, type GateState } from "./error-policy.js";

/** A request that failed for good, with its class and whether it counts toward the error-rate limit. */
export class RequestFailure extends Error {
  constructor(message: string, readonly cls: ErrorClass, readonly countsAsError: boolean) {
    super(message);
  }
}

export interface RunnerSettings extends BackoffSettings {
  requestTimeoutMs: number;
}

export interface RunOptions {
  /** Safe to send again (cancels, heartbeats, reads, re-posting the same signed orders). */
  idempotent: boolean;
  /** Order traffic: honours and feeds the 425/429 gate. */
  gated: boolean;
  /** For the gate's post-only window. */
  postOnly?: boolean;
  /** Also retry through HTTP 425 (cancels must get through a restart). */
  retryRestarting?: boolean;
}

function statusOf(err: unknown): number | null {
  const s = (err as { status?: unknown } | null)?.status;
  return typeof s === "number" ? s : null;
}

class Timeout extends Error {}

export class RequestRunner {
  private gate: GateState = openGate;

  constructor(
    private readonly clock: Clock,
    private readonly s: RunnerSettings,
    private readonly random: () => number = Math.random,
  ) {}

  gateState(): GateState {
    return this.gate;
  }

  /** Whether order traffic may be sent now (null) or why not. */
  blocked(postOnly: boolean): string | null {
    const c = checkGate(this.gate, this.clock.now(), postOnly);
    return c.ok ? null : c.reason;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.clock.setTimeout(resolve, ms));
  }

  private withTimeout<T>(fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = this.clock.setTimeout(() => reject(new Timeout(`no answer within ${this.s.requestTimeoutMs} ms`)), this.s.requestTimeoutMs);
      fn().then(
        (v) => {
          this.clock.clearTimeout(timer);
          resolve(v);
        },
        (e) => {
          this.clock.clearTimeout(timer);
          reject(e);
        },
      );
    });
  }

  async run<T>(what: string, fn: () => Promise<T>, opts: RunOptions): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      if (opts.gated) {
        const why = this.blocked(opts.postOnly ?? true);
        if (why) throw new RequestFailure(`${what}: ${why}`, { kind: this.gate.pauseReason?.includes("429") ? "rate_limited" : "restarting" }, false);
      }
      try {
        const out = await this.withTimeout(fn);
        if (opts.gated) this.gate = gateAfterSuccess(this.gate);
        return out;
      } catch (err) {
        const message = redactor.text(err instanceof Error ? err.message : String(err));
        const cls = classifyError({ status: statusOf(err), message, timedOut: err instanceof Timeout });
        if (opts.gated) this.gate = gateAfterError(this.gate, cls, this.clock.now(), this.s, this.random());
        const decision = opts.retryRestarting && cls.kind === "restarting" && attempt < this.s.maxRetries
          ? { retry: true, delayMs: backoffMs(attempt, Math.max(1000, this.s.backoffBaseMs), this.s.backoffMaxMs, this.random()), countsAsError: false }
          : decideRetry(cls, attempt, this.s, this.random());
        if (!decision.retry || !opts.idempotent) {
          const status = statusOf(err);
          throw new RequestFailure(`${what} failed${status ? ` (HTTP ${status})` : ""}: ${message}`, cls, decision.countsAsError || (!opts.idempotent && (cls.kind === "server" || cls.kind === "timeout" || cls.kind === "network")));
        }
        await this.sleep(opts.gated ? Math.max(decision.delayMs, this.gate.pausedUntil - this.clock.now()) : decision.delayMs);
      }
    }
  }
}
