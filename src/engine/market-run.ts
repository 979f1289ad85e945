// One quoted market's engine-side state: its requote throttle and timer, and what the last quote pass saw.
import type { MarketInfo } from "../domain/market.js";
import { RequoteThrottle } from "../domain/orders/requote-throttle.js";
import type { TimerHandle } from "../ports/clock.js";

export class MarketRun {
  readonly throttle: RequoteThrottle;
  timer: TimerHandle | null = null;
  /** A requote pass is running (they are async); `again` asks for one more after it. */
  busy = false;
  again = false;
  resolved = false;
  fair: number | null = null;
  /** Why the market is not (fully) quoted, from the last pass. */
  status: string | null = null;
  lastTradePrice: number | null = null;
  readonly priceHistory: number[] = [];

  constructor(
    /** Replaced when the tick size changes, so orders carry the current grid. */
    public info: MarketInfo,
    minRequoteIntervalMs: number,
  ) {
    this.throttle = new RequoteThrottle(minRequoteIntervalMs);
  }

  get id(): string {
    return this.info.conditionId;
  }

  tokens(): [string, string] {
    return [this.info.yesTokenId, this.info.noTokenId];
  }

  /** Records a YES-terms trade price for the sparkline (bounded). */
  notePrice(price: number): void {
    this.lastTradePrice = price;
    this.priceHistory.push(price / 10_000);
    if (this.priceHistory.length > 120) this.priceHistory.splice(0, this.priceHistory.length - 120);
  }
}
