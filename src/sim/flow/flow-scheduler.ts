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
/**
 * Each step's messages go out over the step, in this many slices, not in one burst: a 50 ms step at 5,000 msgs/s would
 * otherwise put 250 frames on the wire at once, 20 times a second, which no real feed does (measured with `npm run bench`'s
 * loopback section: the consumer's event loop stalled for the whole burst). Which frames a seed gives does not change.
 */
const SLICES = 10;
const UP = 9600;
const DOWN = 400;

/** A step under way: the markets open when it began, and the budget it started with. */
interface OpenStep {
  open: MarketFlow[];
  budget: number;
}

export class FlowScheduler {
  private readonly flows: MarketFlow[] = [];
  private timer: TimerHandle | null = null;
  private start = 0;
  /** Steps finished. */
  private steps = 0;
  /** The step after them, when it has begun. */
  private current: OpenStep | null = null;
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
    const { stepMs } = this.options;
    this.timer = clock.setInterval(
      () => {
        const elapsed = clock.now() - this.start;
        const due = Math.floor(elapsed / stepMs);
        // Asked for more than the machine can produce: drop the backlog instead of replaying seconds of stale flow in one
        // burst (measured with `npm run bench` at --rate 50000: 500,000 frames per callback, the loop blocked for seconds).
        if (due - this.steps > MAX_BEHIND) {
          this.steps = due - MAX_BEHIND;
          this.current = null;
        }
        while (this.steps < due) this.step();
        this.spend((elapsed - due * stepMs) / stepMs);
      },
      Math.max(1, Math.floor(stepMs / SLICES)),
    );
  }

  stop(clock: Clock): void {
    if (this.timer) clock.clearInterval(this.timer);
    this.timer = null;
  }

  /** One virtual step (the rest of the one under way, if any): fair values move, participants spend the message budget, ticks follow the book, history is sampled. */
  step(): void {
    const { open } = this.spend(1);
    this.current = null;
    this.steps++;
    const { stepMs, sampleMs } = this.options;
    for (const flow of open) this.followTick(flow.market);
    const t = this.steps * stepMs;
    if (Math.floor(t / sampleMs) !== Math.floor((t - stepMs) / sampleMs)) this.sample(open);
    if (this.steps % Math.max(1, Math.round(1000 / stepMs)) === 0) this.core.engine.expire(Math.floor(this.core.clock.now() / 1000));
  }

  /** Spends the current step's budget up to `share` (0..1) of it, beginning the step first if needed; returns that step. */
  private spend(share: number): OpenStep {
    if (this.current === null) {
      const { stepMs, rate } = this.options;
      const open = this.flows.filter((f) => !f.market.closed);
      for (const flow of open) flow.fair.step(this.rng, stepMs);
      this.budget += (rate * stepMs) / 1000;
      this.current = { open, budget: this.budget };
    }
    const { open, budget } = this.current;
    const floor = budget * (1 - share);
    const publisher = this.core.publisher;
    while (this.budget >= 1 && this.budget > floor && open.length > 0) {
      const before = publisher.frames;
      this.rng.pick(open).act();
      this.budget -= Math.max(1, publisher.frames - before);
    }
    return this.current;
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
