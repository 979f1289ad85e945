// How our virtual place in a price level's queue moves when the level shrinks without a trade (risk-averse or probabilistic).
import type { Micro } from "../units.js";

/**
 * `risk-averse`: only what the level can no longer hold moves us up (ahead = min(ahead, new size)).
 * `probabilistic`: a cancel of d shares is in front of us with probability f(ahead) / (f(ahead) + f(behind)), f(x) = x^exponent,
 * and that share of d is taken off the queue ahead (the power-law queue model of the HFT backtesting literature).
 */
export type QueueModel = { kind: "risk-averse" } | { kind: "probabilistic"; exponent: number };

/**
 * The queue ahead of us after a level went from `oldSize` to `newSize` shares because of cancels (not trades).
 * `cancelled` is the part of the decrease that no trade print explains. Never increases the queue ahead, never goes
 * below 0 and never exceeds what the level still shows.
 */
export function aheadAfterShrink(model: QueueModel, ahead: Micro, oldSize: Micro, newSize: Micro, cancelled: Micro): Micro {
  const capped = Math.min(ahead, Math.max(0, newSize));
  switch (model.kind) {
    case "risk-averse":
      return capped;
    case "probabilistic": {
      if (cancelled <= 0 || ahead <= 0) return capped;
      const behind = Math.max(0, oldSize - ahead);
      const front = model.exponent === 0 ? 0.5 : frontShare(ahead, behind, model.exponent);
      const moved = Math.round(cancelled * front);
      return Math.max(0, Math.min(capped, ahead - moved));
    }
    default:
      return assertNever(model);
  }
}

/** The probability that a cancel at a level came from in front of us: f(front) / (f(front) + f(back)), f(x) = x^n. */
export function frontShare(front: Micro, back: Micro, exponent: number): number {
  if (back <= 0) return 1;
  if (front <= 0) return 0;
  // Work in ratios so large share counts cannot overflow x^n.
  const ratio = Math.pow(back / front, exponent);
  return 1 / (1 + ratio);
}

function assertNever(x: never): never {
  throw new Error(`unknown queue model ${JSON.stringify(x)}`);
}
