// Adverse selection in the sim's order flow: informed takers' trades are followed by the mid moving their way, noise takers' are not; the makers' consensus lags the fair value.
import { describe, expect, it } from "vitest";
import { PRICE_SCALE } from "../../../src/domain/units.js";
import { startExchange } from "../../../src/sim/exchange.js";
import { DEFAULT_FAIR_PARAMS, FairValue } from "../../../src/sim/flow/fair-value.js";
import { MarketFlow } from "../../../src/sim/flow/order-flow.js";
import { bestAsk, bestBid } from "../../../src/sim/market-data/token-book.js";
import { MatchingEngine } from "../../../src/sim/matching/matching-engine.js";
import { generateMarkets } from "../../../src/sim/markets/generate-markets.js";
import { Random } from "../../../src/sim/random.js";

const T0 = 1_790_000_000_000;
const STEP_MS = 50;
const STEPS = 24_000; // 20 virtual minutes
const HORIZON = 600; // +30 s in steps

interface Print {
  step: number;
  owner: string;
  /** +1 the taker bought YES, -1 sold YES. */
  direction: 1 | -1;
  /** YES-terms price, pips. */
  price: number;
}

/** Runs one market's flow for STEPS virtual steps (one participant acts per step) and records every taker print and the YES mid after each step. */
function runFlow(seed: number, informedShare: number): { prints: Print[]; mids: number[] } {
  const rng = new Random(seed);
  const [market] = generateMarkets(rng.fork(1), 1, T0);
  let trades = 0;
  const engine = new MatchingEngine({ marketOfToken: () => ({ meta: market.meta, open: true }), now: () => T0, nextTradeId: () => `t${++trades}` });
  const fair = new FairValue(market.initialFair, DEFAULT_FAIR_PARAMS);
  let orders = 0;
  const flow = new MarketFlow(market, fair, engine, rng.fork(2), () => `bot-${++orders}`, { informedShare, targetDepth: 24 });
  const prints: Print[] = [];
  const mids: number[] = [];
  engine.onMatch((m) => {
    const yes = m.taker.tokenId === market.meta.yesTokenId;
    const boughtYes = yes === (m.taker.side === "BUY");
    prints.push({ step: mids.length, owner: m.takerOwner, direction: boughtYes ? 1 : -1, price: yes ? m.taker.price : PRICE_SCALE - m.taker.price });
  });
  flow.seedDepth();
  const stepRng = rng.fork(3);
  const book = engine.book(market.meta.conditionId);
  for (let i = 0; i < STEPS; i++) {
    fair.step(stepRng, STEP_MS);
    flow.act();
    const bid = bestBid(book, true);
    const ask = bestAsk(book, true);
    mids.push(bid !== null && ask !== null ? (bid + ask) / 2 : NaN);
  }
  return { prints, mids };
}

/** Average taker markout at +30 s (pips per print, YES terms): positive means the mid moved the taker's way, i.e. against the maker. */
function markout(run: { prints: Print[]; mids: number[] }, owner: string): { count: number; pips: number } {
  let sum = 0;
  let count = 0;
  for (const p of run.prints) {
    const later = run.mids[p.step + HORIZON];
    if (p.owner !== owner || later === undefined || Number.isNaN(later)) continue;
    sum += p.direction * (later - p.price);
    count++;
  }
  return { count, pips: count > 0 ? sum / count : 0 };
}

describe("informed order flow", () => {
  it("is followed by the mid moving the informed taker's way (against the maker), well past what noise takers see", () => {
    const run = runFlow(11, 0.3);
    const informed = markout(run, "bot:informed");
    const noise = markout(run, "bot:noise");
    expect(informed.count).toBeGreaterThan(200);
    expect(noise.count).toBeGreaterThan(informed.count);
    expect(informed.pips).toBeGreaterThan(100); // > 1 cent a share in the taker's favour
    expect(noise.pips).toBeLessThan(0); // noise takers pay the spread
    expect(informed.pips - noise.pips).toBeGreaterThan(150);
  });

  it("with an informed share of 0 has no informed prints, and takers are not followed by the mid moving their way", () => {
    const run = runFlow(11, 0);
    expect(markout(run, "bot:informed").count).toBe(0);
    const noise = markout(run, "bot:noise");
    expect(noise.count).toBeGreaterThan(1000);
    expect(noise.pips).toBeLessThan(0);
  });

  it("gives the same prints for the same seed", () => {
    const a = runFlow(5, 0.3).prints.slice(0, 300);
    expect(a).toHaveLength(300);
    expect(runFlow(5, 0.3).prints.slice(0, 300)).toEqual(a);
  });
});

describe("FairValue consensus", () => {
  const still = { ...DEFAULT_FAIR_PARAMS, volPerSqrtSec: 0, jumpEveryMs: Infinity };

  it("moves with the flow and then relaxes back to the fair value with the learning time constant", () => {
    const fair = new FairValue(0.5, still);
    const rng = new Random(1);
    fair.observe(1, 40);
    const x = (p: number) => Math.log(p / (1 - p));
    const gap = x(fair.consensus) - x(fair.p);
    expect(gap).toBeCloseTo(40 * still.impactPerShare, 12);
    for (let t = 0; t < still.learnMs; t += STEP_MS) fair.step(rng, STEP_MS);
    expect(x(fair.consensus) - x(fair.p)).toBeCloseTo(gap * Math.exp(-1), 9);
    fair.observe(-1, 1_000_000);
    expect(x(fair.p) - x(fair.consensus)).toBeLessThanOrEqual(0.1 + 1e-12); // one order moves it 0.1 log-odds at most
  });
});

describe("startExchange informedShare", () => {
  it("rejects a share outside 0..1 with a message that says what to use", async () => {
    await expect(startExchange({ informedShare: 1.5, autoFlow: false })).rejects.toThrow(/informedShare 1.5: use a share between 0 and 1/);
    await expect(startExchange({ informedShare: -0.1, autoFlow: false })).rejects.toThrow(/between 0 and 1/);
  });
});
