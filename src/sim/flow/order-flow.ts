// Synthetic participants of one market: makers quoting around their lagging consensus, noise takers, informed takers who trade on the fair value, and cancels.
import type { Side } from "../../domain/market.js";
import { PRICE_SCALE, SIZE_SCALE, type Micro, type Pips } from "../../domain/units.js";
import type { SimOrderInput } from "../context.js";
import type { MatchingEngine } from "../matching/matching-engine.js";
import { bestAsk, bestBid } from "../market-data/token-book.js";
import type { SimMarket } from "../markets/sim-market.js";
import type { Random } from "../random.js";
import type { FairValue } from "./fair-value.js";

export interface FlowMix {
  /** Share of taker arrivals that are informed: they know the fair value and trade only when the book is off it (the rest trade at random). */
  informedShare: number;
  /** Resting maker orders the flow aims to keep per market. */
  targetDepth: number;
}

/** An informed taker wants at least this much edge per share, pips (or one tick, if larger). */
const INFORMED_EDGE = 50;

export class MarketFlow {
  private readonly makerOrders: string[] = [];

  constructor(
    readonly market: SimMarket,
    readonly fair: FairValue,
    private readonly engine: MatchingEngine,
    private readonly rng: Random,
    private readonly nextId: () => string,
    private readonly mix: FlowMix,
  ) {}

  /** One participant acts: a maker quotes, a maker cancels, or a taker trades. */
  act(): void {
    const live = this.liveMakers();
    const pTake = 0.12;
    const pPlace = live < this.mix.targetDepth ? 0.62 : 0.36;
    const u = this.rng.next();
    if (u < pTake) {
      if (this.rng.chance(this.mix.informedShare)) this.takeInformed();
      else this.takeNoise();
    } else if (u < pTake + pPlace || live === 0) this.quote();
    else this.cancel();
  }

  /** Fills the book with maker quotes (at start). */
  seedDepth(): void {
    for (let i = 0; i < this.mix.targetDepth; i++) this.quote();
  }

  private get tick(): Pips {
    return this.market.meta.tickSize;
  }

  private get book() {
    return this.engine.book(this.market.meta.conditionId);
  }

  /** Where makers centre their quotes: the consensus, not the fair value they have yet to learn. */
  private consensusPips(): number {
    return this.fair.consensus * PRICE_SCALE;
  }

  private clamp(price: Pips): Pips {
    return Math.max(this.tick, Math.min(PRICE_SCALE - this.tick, price));
  }

  private size(meanLog: number): Micro {
    const shares = Math.max(5, Math.min(5000, Math.exp(meanLog + 1.1 * this.rng.normal())));
    return Math.round(shares * 100) * (SIZE_SCALE / 100);
  }

  private quote(): void {
    const tick = this.tick;
    const yesSide: Side = this.rng.chance(0.5) ? "BUY" : "SELL";
    const k = 1 + Math.floor(this.rng.exponential(tick === 100 ? 2 : 7));
    const f = this.consensusPips();
    let price = yesSide === "BUY" ? Math.floor(f / tick) * tick - (k - 1) * tick : Math.ceil(f / tick) * tick + (k - 1) * tick;
    const book = this.book;
    const ask = bestAsk(book, true);
    const bid = bestBid(book, true);
    if (yesSide === "BUY" && ask !== null && price >= ask) price = ask - tick;
    if (yesSide === "SELL" && bid !== null && price <= bid) price = bid + tick;
    if (price < tick || price > PRICE_SCALE - tick) return;
    // Median maker order ~25 shares (mean ~45): a top level holds a few prints' worth, so a joiner fills a few times a minute.
    const id = this.place(yesSide, price, this.size(3.2), "GTC", true, "bot:maker");
    if (id) this.makerOrders.push(id);
  }

  private cancel(): void {
    this.liveMakers();
    if (this.makerOrders.length === 0) return;
    let index = this.rng.int(0, this.makerOrders.length - 1);
    if (this.rng.chance(0.5)) {
      const f = this.consensusPips();
      let worst = -1;
      this.makerOrders.forEach((id, i) => {
        const o = this.engine.order(id);
        if (!o) return;
        const yesPrice = o.tokenId === this.market.meta.yesTokenId ? o.price : PRICE_SCALE - o.price;
        const distance = Math.abs(yesPrice - f);
        if (distance > worst) [worst, index] = [distance, i];
      });
    }
    const [id] = this.makerOrders.splice(index, 1);
    this.engine.cancel(id);
  }

  /** Buys everything offered at least INFORMED_EDGE under the fair value, or sells everything bid that far over it; stays out otherwise. */
  private takeInformed(): void {
    const book = this.book;
    const bid = bestBid(book, true);
    const ask = bestAsk(book, true);
    const f = this.fair.p * PRICE_SCALE;
    const tick = this.tick;
    const edge = Math.max(tick, INFORMED_EDGE);
    let side: Side;
    let limit: Pips;
    if (ask !== null && f - ask >= edge) {
      side = "BUY";
      limit = Math.floor((f - edge) / tick) * tick;
    } else if (bid !== null && bid - f >= edge) {
      side = "SELL";
      limit = Math.ceil((f + edge) / tick) * tick;
    } else return;
    // Median ~55 shares (noise: ~16): informed flow sweeps several levels, the quotes of whoever joined the touch among them.
    this.place(side, this.clamp(limit), this.size(4), "FAK", false, "bot:informed");
  }

  /** Buys or sells at random, a few ticks through the touch at most. */
  private takeNoise(): void {
    const book = this.book;
    const tick = this.tick;
    const side: Side = this.rng.chance(0.5) ? "BUY" : "SELL";
    const touch = side === "BUY" ? bestAsk(book, true) : bestBid(book, true);
    if (touch === null) return;
    const limit = side === "BUY" ? touch + tick * this.rng.int(0, 2) : touch - tick * this.rng.int(0, 2);
    this.place(side, this.clamp(limit), this.size(2.8), "FAK", false, "bot:noise");
  }

  /** Places a YES-terms order, half the time as its NO equivalent (BUY YES at p == SELL NO at 1-p). */
  private place(yesSide: Side, yesPrice: Pips, size: Micro, type: SimOrderInput["type"], postOnly: boolean, owner: string): string | null {
    const asNo = this.rng.chance(0.5);
    const m = this.market.meta;
    const input: SimOrderInput = {
      orderId: this.nextId(),
      owner,
      tokenId: asNo ? m.noTokenId : m.yesTokenId,
      side: asNo ? (yesSide === "BUY" ? "SELL" : "BUY") : yesSide,
      price: asNo ? PRICE_SCALE - yesPrice : yesPrice,
      size,
      type,
      postOnly,
      expiration: 0,
    };
    const result = this.engine.place(input);
    if (result.ok && result.matches.length > 0) {
      const filled = result.matches.reduce((sum, m) => sum + m.size, 0);
      this.fair.observe(yesSide === "BUY" ? 1 : -1, filled / SIZE_SCALE);
    }
    return result.ok && result.order.status === "live" ? input.orderId : null;
  }

  private liveMakers(): number {
    let w = 0;
    for (const id of this.makerOrders) if (this.engine.order(id)?.status === "live") this.makerOrders[w++] = id;
    this.makerOrders.length = w;
    return w;
  }
}
