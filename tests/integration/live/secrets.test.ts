// Secrets stay secret: after a live session with fills, faults and failures, no log line, event, result or error holds the key or the API secret.
import { describe, expect, it } from "vitest";
import { Wallet } from "ethers";
import { startExchange } from "../../../src/sim/exchange.js";
import { systemClock } from "../../../src/adapters/clock/system-clock.js";
import { parseCredentials } from "../../../src/adapters/secrets/credentials.js";
import { createLiveGateway } from "../../../src/adapters/gateway/live/create-live-gateway.js";
import { deriveApiCreds } from "../../../src/adapters/gateway/live/clob-client.js";
import { loadSettings } from "../../../src/cli/config.js";
import { FAST_TIMING, captureLogger, marketInfo, order, taker, takerBuy, until } from "./helpers.js";

describe("secrets", () => {
  it("never reach logs, events, results or errors", async () => {
    const ex = await startExchange({ port: 0, seed: 21, markets: 1, autoFlow: false });
    const wallet = Wallet.createRandom();
    const base = parseCredentials({ PRIVATE_KEY: wallet.privateKey });
    const api = await deriveApiCreds({ host: ex.urls.clob, chainId: 137, credentials: base });
    const credentials = { ...base, api };
    const log = captureLogger();
    const market = marketInfo(ex.markets()[0]);
    const settings = { ...loadSettings().live, backoffBaseMs: 20, maxRetries: 1 };
    const out: unknown[] = [];
    const gw = await createLiveGateway({ clobUrl: ex.urls.clob, wsUrl: ex.urls.ws, credentials, settings, timing: FAST_TIMING, markets: [market], clock: systemClock(), logger: log.logger });
    gw.onEvent((e) => out.push(e));
    const ask = ex.engine.book(market.conditionId).asks.best()!.price;
    out.push(await gw.place([order(market, "NO", "BUY", 10_000 - ask, 10_000_000)]));
    await takerBuy(await taker(ex), market.yesTokenId, ask / 10_000, 5000);
    await until(() => out.some((e) => (e as { type?: string }).type === "fill"), "a fill");
    ex.admin.httpError(500, 2000);
    out.push(await gw.place([order(market, "YES", "BUY", 100, 5_000_000)]));
    ex.admin.httpError(425, 500);
    out.push(await gw.place([order(market, "YES", "BUY", 100, 5_000_000)]));
    ex.admin.clear();
    ex.admin.dropAll();
    await new Promise((r) => setTimeout(r, 300));
    await gw.close();
    // A start that fails (wrong API secret) must not echo it either.
    const wrong = { ...credentials, api: { ...api, secret: Buffer.from("not-the-secret-at-all-0123456789").toString("base64url") } };
    const err = await createLiveGateway({ clobUrl: ex.urls.clob, wsUrl: ex.urls.ws, credentials: wrong, settings, timing: FAST_TIMING, markets: [market], clock: systemClock(), logger: log.logger }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    out.push((err as Error).message, (err as Error).stack);
    await ex.close();

    const text = JSON.stringify(out) + "\n" + log.lines.join("\n");
    expect(text.length).toBeGreaterThan(1000);
    for (const secret of [wallet.privateKey, wallet.privateKey.slice(2), api.secret, api.passphrase, wrong.api.secret]) expect(text).not.toContain(secret);
  });
});
