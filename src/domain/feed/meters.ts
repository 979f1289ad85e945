// Health meters with time passed in: messages per second over a sliding window, and the median exchange-to-receipt delay.

/** Counts events in 1-second buckets over a sliding window; rate() is events per second over the window's full buckets. */
export class RateMeter {
  private readonly counts: Float64Array;
  private readonly bucketMs: number;
  private headBucket = -1;

  constructor(private readonly windowMs = 5000, buckets = 5) {
    this.counts = new Float64Array(buckets + 1);
    this.bucketMs = windowMs / buckets;
  }

  add(now: number, n = 1): void {
    this.roll(now);
    this.counts[this.headBucket % this.counts.length] += n;
  }

  /** Events per second over the last window (the bucket in progress excluded, so a burst does not read as a huge rate). */
  rate(now: number): number {
    this.roll(now);
    let sum = 0;
    for (let i = 0; i < this.counts.length; i++) if (i !== this.headBucket % this.counts.length) sum += this.counts[i];
    return sum / (this.windowMs / 1000);
  }

  private roll(now: number): void {
    const bucket = Math.floor(now / this.bucketMs);
    if (this.headBucket < 0) {
      this.headBucket = bucket;
      return;
    }
    const steps = Math.min(bucket - this.headBucket, this.counts.length);
    for (let i = 1; i <= steps; i++) this.counts[(this.headBucket + i) % this.counts.length] = 0;
    if (bucket > this.headBucket) this.headBucket = bucket;
  }
}

/** The median of the last `size` samples (e.g. exchange timestamp to receipt, ms). */
export class MedianMeter {
  private readonly samples: Float64Array;
  private count = 0;
  private next = 0;

  constructor(size = 101) {
    this.samples = new Float64Array(size);
  }

  add(value: number): void {
    if (!Number.isFinite(value)) return;
    this.samples[this.next] = value;
    this.next = (this.next + 1) % this.samples.length;
    if (this.count < this.samples.length) this.count++;
  }

  median(): number | null {
    if (this.count === 0) return null;
    const sorted = Array.from(this.samples.subarray(0, this.count)).sort((a, b) => a - b);
    const mid = this.count >> 1;
    return this.count % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}

/** A token quiet for `quietMs` (no message, no spot check since) is due a REST spot check. */
export function spotCheckDue(now: number, lastMessageAt: number | null, lastCheckAt: number | null, quietMs: number): boolean {
  const last = Math.max(lastMessageAt ?? -Infinity, lastCheckAt ?? -Infinity);
  return Number.isFinite(last) && now - last >= quietMs;
}
