// Test harness: the trading side installed on the core's router and matching engine, driven through its HTTP handlers.
import { EventEmitter } from "node:events";
import { createL1Headers, createL2Headers, OrderBuilder, orderToJsonV2, Side } from "@polymarket/clob-client-v2";
import type { Wallet } from "ethers";
import { FakeClock } from "../../../src/adapters/clock/fake-clock.js";
import type { SimContext, SimMarketMeta, SimResponse } from "../../../src/sim/context.js";
import { MatchingEngine } from "../../../src/sim/matching/matching-engine.js";
import { Router } from "../../../src/sim/server/router.js";
import { installTrading, type TradingHandle } from "../../../src/sim/trading/index.js";
import { signerOf } from "./wallet.js";

export const MARKET: SimMarketMeta = {
  conditionId: "0x" + "ab".repeat(32),
  yesTokenId: "1111111111111111111111111111111111111111111111111111111111111111111111111111",
  noTokenId: "2222222222222222222222222222222222222222222222222222222222222222222222222222",
  tickSize: 100,
  minSize: 5_000_000,
  negRisk: false,
};

/** A minimal stand-in for a ws socket: records what the server sends, lets the test send frames. */
export class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  sent: string[] = [];
  closed: { code?: number; reason?: string } | null = null;
  send(text: string): void {
    this.sent.push(text);
  }
  close(code?: number, reason?: string): void {
    this.closed = { code, reason };
    this.readyState = 3;
    this.emit("close");
  }
  receive(text: string): void {
    this.emit("message", Buffer.from(text));
  }
  events(): Array<Record<string, unknown>> {
    return this.sent.filter((t) => t.startsWith("{")).map((t) => JSON.parse(t) as Record<string, unknown>);
  }
}

export interface Harness {
  clock: FakeClock;
  router: Router;
  engine: MatchingEngine;
  trading: TradingHandle;
  connect(): FakeSocket;
  call(method: string, path: string, opts?: { headers?: Record<string, string>; body?: unknown; query?: Record<string, string> }): Promise<SimResponse>;
}

export function startHarness(trading: SimContext["trading"] = {}): Harness {
  const clock = new FakeClock(1_700_000_000_000);
  const router = new Router();
  let tradeN = 0;
  const engine = new MatchingEngine({
    marketOfToken: (t) => (t === MARKET.yesTokenId || t === MARKET.noTokenId ? { meta: MARKET, open: true } : undefined),
    now: () => clock.now(),
    nextTradeId: () => `trade-${++tradeN}`,
  });
  let socketHandler: ((s: never) => void) | null = null;
  const ctx: SimContext = {
    router,
    engine,
    markets: () => [MARKET],
    marketOfToken: (t) => (t === MARKET.yesTokenId || t === MARKET.noTokenId ? MARKET : undefined),
    now: () => clock.now(),
    faults: { current: () => null },
    onUserSocket: (h) => {
      socketHandler = h as (s: never) => void;
    },
    startingCollateral: 10_000_000_000,
    clock,
    trading: { minedDelayMs: 100, confirmedDelayMs: 200, heartbeatTimeoutMs: 10_000, ...trading },
  };
  const handle = installTrading(ctx);
  return {
    clock,
    router,
    engine,
    trading: handle,
    connect() {
      const s = new FakeSocket();
      socketHandler?.(s as never);
      return s;
    },
    async call(method, path, opts = {}) {
      const found = router.match(method, path);
      if (typeof found === "string") return { status: found === "no-route" ? 404 : 405, body: null };
      const body = opts.body === undefined ? "" : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
      const headers = Object.fromEntries(Object.entries(opts.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      return found.handler({ method, path, url: path, query: new URLSearchParams(opts.query ?? {}), params: found.params, headers, body });
    },
  };
}

/** A user: wallet, creds obtained from POST /auth/api-key, and helpers to sign requests and orders. */
export async function userOf(h: Harness, wallet: Wallet) {
  const l1 = (await createL1Headers(signerOf(wallet), 137, 0, 1_700_000_000)) as unknown as Record<string, string>;
  const res = await h.call("POST", "/auth/api-key", { headers: l1 });
  if (res.status !== 200) throw new Error(`api key: ${JSON.stringify(res.body)}`);
  const raw = res.body as { apiKey: string; secret: string; passphrase: string };
  const creds = { key: raw.apiKey, secret: raw.secret, passphrase: raw.passphrase };
  return {
    wallet,
    creds,
    async headers(method: string, path: string, body?: unknown, ts = 1_700_000_000) {
      const text = body === undefined ? undefined : JSON.stringify(body);
      return (await createL2Headers(signerOf(wallet), creds, { method, requestPath: path, body: text }, ts)) as unknown as Record<string, string>;
    },
    async order(o: { tokenId?: string; side: "BUY" | "SELL"; price: number; size: number; postOnly?: boolean; type?: "GTC" | "FOK" | "FAK" | "GTD" }) {
      const builder = new OrderBuilder(signerOf(wallet) as never, 137);
      const signed = await builder.buildOrder(
        { tokenID: o.tokenId ?? MARKET.yesTokenId, price: o.price, size: o.size, side: o.side === "BUY" ? Side.BUY : Side.SELL },
        { tickSize: "0.01", negRisk: false },
        2,
      );
      return JSON.parse(JSON.stringify(orderToJsonV2(signed as never, creds.key, (o.type ?? "GTC") as never, o.postOnly ?? false))) as Record<string, unknown>;
    },
  };
}
