// A market's latent fair probability: a random walk in log-odds with occasional jumps and a weak pull back to where it started.
import type { Random } from "../random.js";

export interface FairValueParams {
  /** Log-odds volatility per sqrt(second). */
  volPerSqrtSec: number;
  /** Mean time between jumps, ms. */
  jumpEveryMs: number;
  /** Jump size (log-odds standard deviation). */
  jumpSize: number;
}

export const DEFAULT_FAIR_PARAMS: FairValueParams = { volPerSqrtSec: 0.012, jumpEveryMs: 90_000, jumpSize: 0.35 };

const LIMIT = 4.2; // p in about [0.015, 0.985]

export class FairValue {
  private x: number;
  private readonly x0: number;

  constructor(p: number, private readonly params: FairValueParams) {
    this.x = this.x0 = Math.log(p / (1 - p));
  }

  /** Probability of YES. */
  get p(): number {
    return 1 / (1 + Math.exp(-this.x));
  }

  step(rng: Random, dtMs: number): void {
    const dtSec = dtMs / 1000;
    this.x += this.params.volPerSqrtSec * Math.sqrt(dtSec) * rng.normal() + 0.002 * dtSec * (this.x0 - this.x);
    if (rng.chance(dtMs / this.params.jumpEveryMs)) this.x += rng.normal() * this.params.jumpSize;
    this.x = Math.max(-LIMIT, Math.min(LIMIT, this.x));
  }
}
