// The liquidity-reward estimate of our resting orders against the visible books, refreshed on the engine's watch timer (never per message).
import type { Level } from "../domain/events.js";
import type { Side } from "../domain/market.js";
import { remaining, type TrackedOrder } from "../domain/orders/tracked-order.js";
import { estimateRewardFromBook, isQOne, type ScoredOrder } from "../domain/rewards/reward-score.js";
import { mirror, type Micro, type MicroUsd, type Pips } from "../domain/units.js";
import type { BookReader, MarketData } from "../ports/market-data.js";
import type { MarketRun } from "./market-run.js";

type RewardBook = Parameters<typeof estimateRewardFromBook>[1];

/**
 * The YES book as the competition: the size-adjusted midpoint of the whole book (ours count toward it on the exchange),
 * levels with our own resting size taken out (a live order is in the visible book; a dry-run order never is).
 */
export function competitionBook(book: BookReader, ours: readonly ScoredOrder[]): RewardBook {
  const mine = { BUY: new Map<Pips, Micro>(), SELL: new Map<Pips, Micro>() };
  for (const o of ours) {
    const side: Side = isQOne(o) ? "BUY" : "SELL";
    const yesPrice = o.outcome === "YES" ? o.price : mirror(o.price);
    mine[side].set(yesPrice, (mine[side].get(yesPrice) ?? 0) + o.size);
  }
  return {
    sizeAdjustedMidpoint: (minSize) => book.sizeAdjustedMidpoint(minSize),
    depth: (side, n) => {
      const out: Level[] = [];
      for (const l of book.depth(side, n + mine[side].size)) {
        const size = l.size - (mine[side].get(l.price) ?? 0);
        if (size > 0) out.push({ price: l.price, size });
        if (out.length === n) break;
      }
      return out;
    },
  };
}

/** Which of our orders score and what the markets pay us per day, as of the last refresh. */
export class RewardWatch {
  private scoring = new Set<string>();
  private total: MicroUsd = 0;

  /** $/day summed over the markets (micro-dollars). */
  get perDay(): MicroUsd {
    return this.total;
  }

  /** Whether the order scored at the last refresh (only live orders rest on the book, so only they can). */
  isScoring(o: TrackedOrder): boolean {
    return this.scoring.has(o.clientId);
  }

  /** Recomputes every market from its synced YES book; `inBook`: our orders are in the visible book (live trading). */
  refresh(runs: readonly MarketRun[], md: MarketData, orders: readonly TrackedOrder[], inBook: boolean): MicroUsd {
    const scoring = new Set<string>();
    let total = 0;
    for (const run of runs) {
      const book = md.book(run.info.yesTokenId);
      if (!run.info.rewards || !book || !book.synced || run.resolved) continue;
      const resting = orders.filter((o) => o.market === run.id && o.status === "live" && remaining(o) > 0);
      const ours: ScoredOrder[] = resting.map((o) => ({ outcome: o.outcome, side: o.side, price: o.price, size: remaining(o) }));
      const est = estimateRewardFromBook(ours, inBook ? competitionBook(book, ours) : book, run.info.rewards);
      est.scoring.forEach((s, i) => s && scoring.add(resting[i].clientId));
      total += est.perDay;
    }
    this.scoring = scoring;
    this.total = total;
    return total;
  }
}
