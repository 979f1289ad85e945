// Wires the feed (engine) to its Polymarket adapters: the ws transport, CLOB REST and the frame parser.
import { systemClock } from "../adapters/clock/system-clock.js";
import { ClobRest } from "../adapters/polymarket/clob-rest.js";
import { marketChannelUrl, type Endpoints } from "../adapters/polymarket/endpoints.js";
import { parseFrame } from "../adapters/polymarket/parse/parse-frame.js";
import { wsTransport } from "../adapters/polymarket/ws-transport.js";
import type { MarketInfo } from "../domain/market.js";
import type { FeedSettings } from "../domain/settings/feed.js";
import { MarketFeed } from "../engine/feed/market-feed.js";
import type { Clock } from "../ports/clock.js";
import type { Logger } from "../ports/logger.js";
import type { TokenMeta, TransportFactory } from "../ports/market-data.js";

export interface MarketFeedOptions {
  clock?: Clock;
  logger?: Logger;
  random?: () => number;
  /** The WebSocket transport (default: the real one; `mm record` wraps it to write every frame). */
  transport?: TransportFactory;
}

export function createMarketFeed(endpoints: Endpoints, settings: FeedSettings, opts: MarketFeedOptions = {}): MarketFeed {
  return new MarketFeed({
    url: marketChannelUrl(endpoints),
    settings,
    clock: opts.clock ?? systemClock(),
    transport: opts.transport ?? wsTransport,
    rest: new ClobRest(endpoints.clob),
    parse: parseFrame,
    random: opts.random,
    logger: opts.logger,
  });
}

/** The two tokens of a market as the feed follows them. */
export function tokenMetas(market: MarketInfo): TokenMeta[] {
  const base = { conditionId: market.conditionId, tickSize: market.tickSize, minSize: market.minSize, negRisk: market.negRisk };
  return [
    { ...base, tokenId: market.yesTokenId, pairTokenId: market.noTokenId },
    { ...base, tokenId: market.noTokenId, pairTokenId: market.yesTokenId },
  ];
}
