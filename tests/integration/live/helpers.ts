// Shared pieces of the live-path integration tests: an embedded exchange, a wallet, a live gateway over it, a taker.
import { Wallet } from "ethers";
import { ClobClient, Side, OrderType } from "@polymarket/clob-client-v2";
import { startExchange, type Exchange, type ExchangeOptions } from "../../../src/sim/exchange.js";
import type { SimMarket } from "../../../src/sim/markets/sim-market.js";
import type { MarketInfo } from "../../../src/domain/market.js";
import type { Logger } from "../../../src/ports/logger.js";
import type { GatewayEvent, OrderRequest } from "../../../src/ports/order-gateway.js";
import type { LiveSettings } from "../../../src/domain/settings/live.js";
import { systemClock } from "../../../src/adapters/clock/system-clock.js";
import { parseCredentials } from "../../../src/adapters/secrets/credentials.js";
import { createLiveGateway } from "../../../src/adapters/gateway/live/create-live-gateway.js";
import { ethersSigner } from "../../../src/adapters/gateway/live/clob-client.js";
import type { LiveGateway } from "../../../src/adapters/gateway/live/live-gateway.js";
import { loadSettings } from "../../../src/cli/config.js";

export function marketInfo(m: SimMarket): MarketInfo {
  return {
    conditionId: m.meta.conditionId, question: m.question, slug: m.slug, description: m.description,
    yesTokenId: m.meta.yesTokenId, noTokenId: m.meta.noTokenId, outcomes: m.outcomes,
    tickSize: m.meta.tickSize, minSize: m.meta.minSize, negRisk: m.meta.negRisk, endDate: m.endDate,
    rewards: null, takerFeeBps: 0, active: true, closed: false, acceptingOrders: true,
    volume24h: 0, volume: 0, liquidity: 0, bestBid: null, bestAsk: null,
  };
}

export interface Captured {
  lines: string[];
  logger: Logger;
}

export function captureLogger(): Captured {
  const lines: string[] = [];
  const log = (level: string) => (msg: string, fields?: Record<string, unknown>) => lines.push(`${level} ${msg} ${fields ? JSON.stringify(fields) : ""}`);
  return { lines, logger: { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") } };
}

export interface LiveRig {
  ex: Exchange;
  wallet: Wallet;
  gw: LiveGateway;
  market: MarketInfo;
  events: GatewayEvent[];
  log: Captured;
  close(): Promise<void>;
}

export const FAST_TIMING = { pingMs: 1000, pongTimeoutMs: 1000, backoffBaseMs: 50, backoffMaxMs: 500 };

export async function liveRig(overrides: Partial<LiveSettings> = {}, timing = FAST_TIMING, exchange: ExchangeOptions = {}): Promise<LiveRig> {
  const ex = await startExchange({ port: 0, seed: 11, markets: 2, autoFlow: false, ...exchange });
  const wallet = Wallet.createRandom() as unknown as Wallet;
  const log = captureLogger();
  const market = marketInfo(ex.markets()[0]);
  const settings = { ...loadSettings().live, ...overrides };
  const gw = await createLiveGateway({
    clobUrl: ex.urls.clob,
    wsUrl: ex.urls.ws,
    credentials: parseCredentials({ PRIVATE_KEY: wallet.privateKey }),
    settings,
    timing,
    markets: [market],
    clock: systemClock(),
    logger: log.logger,
  });
  const events: GatewayEvent[] = [];
  gw.onEvent((e) => events.push(e));
  return { ex, wallet, gw, market, events, log, close: async () => { await gw.close(); await ex.close(); } };
}

let seq = 0;
export function order(market: MarketInfo, outcome: "YES" | "NO", side: "BUY" | "SELL", price: number, size: number, postOnly = true): OrderRequest {
  return {
    clientId: `c${++seq}`, market, tokenId: outcome === "YES" ? market.yesTokenId : market.noTokenId, outcome, side,
    price, size, type: "GTC", postOnly,
  };
}

/** A second trader on the same exchange (or another client of the same wallet), driving the official client directly. */
export async function taker(ex: Exchange, wallet?: Wallet): Promise<ClobClient> {
  const w = wallet ?? Wallet.createRandom();
  const l1 = new ClobClient({ host: ex.urls.clob, chain: 137, signer: ethersSigner(w as unknown as Wallet), throwOnError: true });
  const creds = await l1.createOrDeriveApiKey();
  return new ClobClient({ host: ex.urls.clob, chain: 137, signer: ethersSigner(w as unknown as Wallet), creds, throwOnError: true });
}

export async function takerBuy(client: ClobClient, tokenId: string, price: number, size: number): Promise<void> {
  await client.createAndPostOrder({ tokenID: tokenId, price, size, side: Side.BUY }, undefined, OrderType.GTC, false, true);
}

/** Waits (real time, bounded) until `pred` holds; fails with `what` otherwise. */
export async function until(pred: () => boolean | Promise<boolean>, what: string, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await pred()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}
