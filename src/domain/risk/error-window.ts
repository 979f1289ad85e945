// Counts rejections and gateway errors over the last minute (for the error-rate cooldown and kill).
export class ErrorWindow {
  private readonly stamps: number[] = [];

  constructor(readonly windowMs = 60_000) {}

  record(now: number): void {
    this.stamps.push(now);
  }

  count(now: number): number {
    let drop = 0;
    while (drop < this.stamps.length && this.stamps[drop] + this.windowMs <= now) drop++;
    if (drop > 0) this.stamps.splice(0, drop);
    return this.stamps.length;
  }
}
