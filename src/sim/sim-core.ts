// What the exchange's HTTP routes, flow and faults share: clock, markets, matching engine, price history, publisher.
import type { Clock } from "../ports/clock.js";
import type { MarketPublisher } from "./market-data/publisher.js";
import type { PriceHistory } from "./market-data/price-history.js";
import type { MatchingEngine } from "./matching/matching-engine.js";
import type { MarketRegistry } from "./markets/market-registry.js";

export interface SimCore {
  clock: Clock;
  registry: MarketRegistry;
  engine: MatchingEngine;
  history: PriceHistory;
  publisher: MarketPublisher;
}
