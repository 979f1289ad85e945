// The exchange's markets, looked up by token, condition id or slug.
import type { SimMarket } from "./sim-market.js";

export interface TokenHit {
  market: SimMarket;
  isYes: boolean;
}

export class MarketRegistry {
  private readonly list: SimMarket[] = [];
  private readonly byToken = new Map<string, TokenHit>();
  private readonly byCondition = new Map<string, SimMarket>();

  constructor(markets: SimMarket[]) {
    for (const m of markets) this.add(m);
  }

  add(market: SimMarket): void {
    this.list.push(market);
    this.byCondition.set(market.meta.conditionId, market);
    this.byToken.set(market.meta.yesTokenId, { market, isYes: true });
    this.byToken.set(market.meta.noTokenId, { market, isYes: false });
  }

  all(): readonly SimMarket[] {
    return this.list;
  }

  token(tokenId: string): TokenHit | undefined {
    return this.byToken.get(tokenId);
  }

  condition(conditionId: string): SimMarket | undefined {
    return this.byCondition.get(conditionId);
  }

  /** A market by condition id, token id or slug. */
  find(ref: string): SimMarket | undefined {
    return this.byCondition.get(ref) ?? this.byToken.get(ref)?.market ?? this.list.find((m) => m.slug === ref);
  }
}
