// The minimum interval between requotes of one market: says whether a requote may run now, or when it may.
export class RequoteThrottle {
  private last = Number.NEGATIVE_INFINITY;

  constructor(readonly minIntervalMs: number) {}

  /** ms to wait before the next requote (0: now). */
  waitMs(now: number): number {
    return Math.max(0, this.last + this.minIntervalMs - now);
  }

  mark(now: number): void {
    this.last = now;
  }
}
