// A market's latent fair probability (a random walk in log-odds with news jumps and a weak pull back) and the makers' consensus, which learns it with a lag.
import type { Random } from "../random.js";

export interface FairValueParams {
  /** Log-odds volatility per sqrt(second). */
  volPerSqrtSec: number;
  /** Mean time between news jumps, ms. */
  jumpEveryMs: number;
  /** Jump size (log-odds standard deviation). */
  jumpSize: number;
  /** Time constant with which the makers' consensus closes its gap to the fair value, ms (the informed takers' head start). */
  learnMs: number;
  /** How far one share of taker buying (selling) moves the consensus up (down), log-odds: makers read the flow. */
  impactPerShare: number;
}

/**
 * News jumps of ~0.25 log-odds (about 6 cents at p = 0.5) every ~30 s per market, which makers learn over ~20 s and from the
 * flow (a 50-share order moves their consensus ~0.05 log-odds): long enough for informed takers to sweep the stale side of
 * the book, and a naive quoter's orders on it, so that joining the touch has negative markouts at +5/+30/+120 s.
 */
export const DEFAULT_FAIR_PARAMS: FairValueParams = { volPerSqrtSec: 0.012, jumpEveryMs: 30_000, jumpSize: 0.25, learnMs: 20_000, impactPerShare: 0.001 };

/** Most one taker order moves the consensus, log-odds. */
const MAX_IMPACT = 0.1;

const LIMIT = 4.2; // p in about [0.015, 0.985]

const probability = (x: number): number => 1 / (1 + Math.exp(-x));

export class FairValue {
  private x: number;
  private consensusX: number;
  private readonly x0: number;

  constructor(p: number, private readonly params: FairValueParams) {
    this.x = this.x0 = this.consensusX = Math.log(p / (1 - p));
  }

  /** Probability of YES: what the market will resolve toward, known to informed takers. */
  get p(): number {
    return probability(this.x);
  }

  /** The makers' estimate of `p`, which lags it: makers quote around this. */
  get consensus(): number {
    return probability(this.consensusX);
  }

  step(rng: Random, dtMs: number): void {
    const dtSec = dtMs / 1000;
    this.x += this.params.volPerSqrtSec * Math.sqrt(dtSec) * rng.normal() + 0.002 * dtSec * (this.x0 - this.x);
    if (rng.chance(dtMs / this.params.jumpEveryMs)) this.x += rng.normal() * this.params.jumpSize;
    this.x = Math.max(-LIMIT, Math.min(LIMIT, this.x));
    this.consensusX += (this.x - this.consensusX) * (1 - Math.exp(-dtMs / this.params.learnMs));
  }

  /** A taker bought (+1) or sold (-1) `shares`: the makers revise their consensus that way (noise's impact fades as they keep learning the fair value). */
  observe(direction: 1 | -1, shares: number): void {
    this.consensusX += direction * Math.min(MAX_IMPACT, shares * this.params.impactPerShare);
  }
}
