// What a backtest measures beyond the account: time in each risk state, order flow totals, and the liquidity reward estimate.
import { estimateReward, type ScoredOrder } from "../domain/rewards/reward-score.js";
import type { MarketInfo } from "../domain/market.js";
import type { RiskState } from "../domain/risk/risk-state.js";
import type { EngineEvent } from "../engine/engine-events.js";
import type { MarketData } from "../ports/market-data.js";
import type { OpenOrder } from "../ports/order-gateway.js";

/** Polymarket samples rewards once a minute. */
export const REWARD_SAMPLE_MS = 60_000;
const SAMPLES_PER_DAY = 1440;
const BOOK_LEVELS = 100;

/** Milliseconds spent in each global risk state, from the engine's risk events. */
export class RiskTimer {
  readonly ms: Record<RiskState, number> = { ACTIVE: 0, REDUCING: 0, HALTED: 0 };
  private state: RiskState = "ACTIVE";

  constructor(private since: number) {}

  onEvent(e: EngineEvent): void {
    if (e.type !== "risk" || e.market !== null || e.state === this.state) return;
    this.close(e.ts);
    this.state = e.state;
  }

  /** Counts the time up to `now` (call once at the end). */
  close(now: number): void {
    this.ms[this.state] += Math.max(0, now - this.since);
    this.since = Math.max(this.since, now);
  }
}

/** Orders placed and their sizes, against what filled. */
export class OrderTally {
  placed = 0;
  placedSize = 0;
  cancelled = 0;
  rejected = 0;
  filledSize = 0;

  onEvent(e: EngineEvent): void {
    if (e.type !== "order") return;
    switch (e.action) {
      case "placed":
        this.placed++;
        this.placedSize += e.size;
        return;
      case "cancelled":
        this.cancelled++;
        return;
      case "rejected":
        this.rejected++;
        return;
      case "filled":
        this.filledSize += e.size;
        return;
      case "acknowledged":
        return;
    }
  }
}

/**
 * Accrues the estimated liquidity reward: each minute, each rewarded market's share of the pool from our open orders
 * against its visible YES book (POLYMARKET.md section 6), times the daily pool / 1440.
 */
export class RewardMeter {
  /** Micro-dollars accrued so far. */
  accrued = 0;
  private next: number;

  constructor(
    private readonly markets: readonly MarketInfo[],
    private readonly data: MarketData,
    private readonly orders: () => OpenOrder[],
    start: number,
  ) {
    this.next = start + REWARD_SAMPLE_MS;
  }

  /** Takes every sample due by `now` (the book as it is now stands for the minute). */
  sampleUntil(now: number): void {
    while (this.next <= now) {
      this.next += REWARD_SAMPLE_MS;
      for (const m of this.markets) this.accrued += this.perDay(m) / SAMPLES_PER_DAY;
    }
  }

  private perDay(m: MarketInfo): number {
    if (!m.rewards) return 0;
    const book = this.data.book(m.yesTokenId);
    if (!book || !book.synced) return 0;
    const mid = book.sizeAdjustedMidpoint(m.rewards.minSize);
    const ours: ScoredOrder[] = this.orders()
      .filter((o) => o.market === m.conditionId)
      .map((o) => ({ outcome: o.outcome, side: o.side, price: o.price, size: o.size - o.filled }));
    return estimateReward(ours, { bids: book.depth("BUY", BOOK_LEVELS), asks: book.depth("SELL", BOOK_LEVELS) }, mid, m.rewards).perDay;
  }
}
