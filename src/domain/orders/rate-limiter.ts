// A sliding-window limit on new orders (e.g. 600 per 60 s), driven by the `now` it is given.
export class RateLimiter {
  private readonly stamps: number[] = [];
  private head = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** How many orders may be sent at `now`. */
  available(now: number): number {
    this.expire(now);
    return this.limit - (this.stamps.length - this.head);
  }

  /** Takes up to n slots at `now`; returns how many were granted. */
  take(now: number, n: number): number {
    const granted = Math.max(0, Math.min(n, this.available(now)));
    for (let i = 0; i < granted; i++) this.stamps.push(now);
    return granted;
  }

  /** When the next slot frees (now, if one is free). */
  nextFreeAt(now: number): number {
    if (this.available(now) > 0) return now;
    return this.stamps[this.head] + this.windowMs;
  }

  private expire(now: number): void {
    while (this.head < this.stamps.length && this.stamps[this.head] + this.windowMs <= now) this.head++;
    if (this.head > 1024 && this.head * 2 > this.stamps.length) {
      this.stamps.splice(0, this.head);
      this.head = 0;
    }
  }
}
