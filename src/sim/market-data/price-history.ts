// Each market's YES price over time (the sim's own past), sampled at a fixed step, answering /prices-history.
import type { Random } from "../random.js";

export interface PricePoint {
  /** Unix seconds. */
  t: number;
  /** YES probability. */
  p: number;
}

const INTERVALS: Record<string, number> = { "1m": 60, "1h": 3600, "6h": 6 * 3600, "1d": 86400, "1w": 7 * 86400 };

export class PriceHistory {
  private readonly points = new Map<string, PricePoint[]>();

  /** Seeds a market with `hours` of plausible past ending at `fair` (a backwards walk in log-odds), one point a minute. */
  seed(conditionId: string, fair: number, nowSeconds: number, hours: number, rng: Random): void {
    const out: PricePoint[] = [];
    let x = Math.log(fair / (1 - fair));
    const start = nowSeconds - (nowSeconds % 60);
    for (let i = 0; i < hours * 60; i++) {
      out.push({ t: start - i * 60, p: round4(1 / (1 + Math.exp(-x))) });
      x = Math.max(-4.5, Math.min(4.5, x + rng.normal() * 0.02 + (rng.chance(0.003) ? rng.normal() * 0.3 : 0)));
    }
    out.reverse();
    this.points.set(conditionId, out);
  }

  record(conditionId: string, tSeconds: number, p: number): void {
    let list = this.points.get(conditionId);
    if (!list) this.points.set(conditionId, (list = []));
    const last = list.at(-1);
    if (last && last.t >= tSeconds) last.p = round4(p);
    else list.push({ t: tSeconds, p: round4(p) });
  }

  /**
   * Points for a query like Polymarket's: `interval` (1m, 1h, 6h, 1d, 1w, max) or startTs/endTs (seconds),
   * and `fidelity` in minutes; `mirrored` gives the NO token's prices (1 - p).
   */
  query(conditionId: string, q: { interval?: string; startTs?: number; endTs?: number; fidelity?: number; nowSeconds: number }, mirrored: boolean): PricePoint[] {
    const list = this.points.get(conditionId) ?? [];
    const end = q.endTs ?? q.nowSeconds;
    const span = q.interval && q.interval !== "max" ? INTERVALS[q.interval] : undefined;
    const start = q.startTs ?? (span !== undefined ? end - span : -Infinity);
    const step = Math.max(1, q.fidelity ?? 1) * 60;
    const out: PricePoint[] = [];
    let nextT = -Infinity;
    for (const point of list) {
      if (point.t < start || point.t > end || point.t < nextT) continue;
      out.push(mirrored ? { t: point.t, p: round4(1 - point.p) } : point);
      nextT = point.t + step;
    }
    return out;
  }
}

export const knownInterval = (interval: string): boolean => interval === "max" || interval in INTERVALS;

const round4 = (p: number): number => Math.round(p * 10_000) / 10_000;
