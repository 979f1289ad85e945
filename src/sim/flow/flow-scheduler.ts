// Drives the order flow in fixed virtual steps (so a seed gives the same frames whatever the timer jitter), spending a message budget of --rate per second.
import { PRICE_SCALE } from "../../domain/units.js";
import type { Clock, TimerHandle } from "../../ports/clock.js";
import { bestAsk, bestBid } from "../market-data/token-book.js";
import type { SimMarket } from "../markets/sim-market.js";
import type { Random } from "../random.js";
import type { SimCore } from "../sim-core.js";
import { DEFAULT_FAIR_PARAMS, FairValue } from "./fair-value.js";
import { MarketFlow, type FlowMix } from "./order-flow.js";

export interface FlowOptions extends FlowMix {
  /** Market messages per second across all markets. */
  rate: number;
  /** Virtual step, ms. */
  stepMs: number;
  /** Price-history sample period, ms. */
  sampleMs: number;
}

/** Most steps of backlog run in one timer callback (0.5 s at the default 50 ms step): older ones are skipped, as a saturated exchange would. */
const MAX_BEHIND = 10;
const UP = 9600;
const DOWN = 400;

export class FlowScheduler {
  private readonly flows: MarketFlow[] = [];
  private timer: TimerHandle | null = null;
  private start = 0;
  private steps = 0;
  private budget = 0;
  private orderSeq = 0;

  constructor(
    private readonly core: SimCore,
    private readonly rng: Random,
    private readonly options: FlowOptions,
  ) {
    for (const market of core.registry.all()) this.addMarket(market);
  }

  addMarket(market: SimMarket): void {
    const flow = new MarketFlow(market, new FairValue(market.initialFair, DEFAULT_FAIR_PARAMS), this.core.engine, this.rng, () => `bot-${++this.orderSeq}`, this.options);
    flow.seedDepth();
    this.flows.push(flow);
  }

  run(clock: Clock): void {
    this.start = clock.now();
    this.timer = clock.setInterval(() => {
      const due = Math.floor((clock.now() - this.start) / this.options.stepMs);
      // Asked for more than the machine can produce: drop the backlog instead of replaying seconds of stale flow in one
      // burst (measured with `npm run bench` at --rate 50000: 500,000 frames per callback, the loop blocked for seconds).
      if (due - this.steps > MAX_BEHIND) this.steps = due - MAX_BEHIND;
      while (this.steps < due) this.step();
    }, this.options.stepMs);
  }

  stop(clock: Clock): void {
    if (this.timer) clock.clearInterval(this.timer);
    this.timer = null;
  }

  /** One virtual step: fair values move, participants spend the message budget, ticks follow the book, history is sampled. */
  step(): void {
    const { stepMs, rate, sampleMs } = this.options;
    this.steps++;
    const open = this.flows.filter((f) => !f.market.closed);
    for (const flow of open) flow.fair.step(this.rng, stepMs);
    this.budget += (rate * stepMs) / 1000;
    const publisher = this.core.publisher;
    while (this.budget >= 1 && open.length > 0) {
      const before = publisher.frames;
      this.rng.pick(open).act();
      this.budget -= Math.max(1, publisher.frames - before);
    }
    for (const flow of open) this.followTick(flow.market);
    const t = this.steps * stepMs;
    if (Math.floor(t / sampleMs) !== Math.floor((t - stepMs) / sampleMs)) this.sample(open);
    if (this.steps % Math.max(1, Math.round(1000 / stepMs)) === 0) this.core.engine.expire(Math.floor(this.core.clock.now() / 1000));
  }

  /** 0.01 markets whose book goes above 0.96 or below 0.04 move to 0.001, and back once inside 0.06..0.94. */
  private followTick(market: SimMarket): void {
    const book = this.core.engine.book(market.meta.conditionId);
    const bid = bestBid(book, true);
    const ask = bestAsk(book, true);
    if (market.baseTick !== 100) return;
    const extreme = (bid !== null && bid > UP) || (ask !== null && ask < DOWN);
    const inside = (bid === null || bid < PRICE_SCALE - 600) && (ask === null || ask > 600);
    if (market.meta.tickSize === 100 && extreme) this.core.publisher.changeTick(market, 10);
    else if (market.meta.tickSize === 10 && inside) this.core.publisher.changeTick(market, 100);
  }

  private sample(open: MarketFlow[]): void {
    const t = Math.floor(this.core.clock.now() / 1000);
    for (const flow of open) {
      const book = this.core.engine.book(flow.market.meta.conditionId);
      const bid = bestBid(book, true);
      const ask = bestAsk(book, true);
      const p = bid !== null && ask !== null ? (bid + ask) / 2 / PRICE_SCALE : flow.fair.p;
      this.core.history.record(flow.market.meta.conditionId, t, p);
    }
  }
}
