// `mm doctor` against the embedded exchange: a good setup, and broken ones (wrong key, wrong signature type, no balance/allowance, unreachable host).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Wallet } from "ethers";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startExchange, type Exchange } from "../../../src/sim/exchange.js";
import { runChecks, formatLine, type CheckLine, type DoctorDeps } from "../../../src/cli/doctor/checks.js";
import { probeHttp, probeWs } from "../../../src/cli/doctor/probes.js";
import { createClobClient, deriveApiCreds } from "../../../src/adapters/gateway/live/clob-client.js";
import { parseCredentials, type EnvValues } from "../../../src/adapters/secrets/credentials.js";
import { expectedFunder } from "../../../src/cli/doctor/funder-address.js";
import { loadSettings } from "../../../src/cli/config.js";
import { taker, takerBuy } from "./helpers.js";

let ex: Exchange;
let broke: Exchange;
/** A wallet that approved no exchange contract on `ex`. */
const unapproved = Wallet.createRandom();
beforeAll(async () => {
  ex = await startExchange({ port: 0, seed: 5, markets: 1, autoFlow: false, trading: { noAllowance: [unapproved.address] } });
  broke = await startExchange({ port: 0, seed: 6, markets: 1, autoFlow: false, startingCollateralUsd: 0 });
});
afterAll(async () => {
  await ex.close();
  await broke.close();
});

const real: DoctorDeps = { probeHttp, probeWs, client: createClobClient };

async function envFor(on: Exchange, wallet = Wallet.createRandom()): Promise<EnvValues> {
  const api = await deriveApiCreds({ host: on.urls.clob, chainId: 137, credentials: parseCredentials({ PRIVATE_KEY: wallet.privateKey }) });
  return { PRIVATE_KEY: wallet.privateKey, CLOB_API_KEY: api.key, CLOB_SECRET: api.secret, CLOB_PASSPHRASE: api.passphrase };
}

function doctor(on: Exchange, env: EnvValues, deps = real, clob = on.urls.clob): Promise<CheckLine[]> {
  return runChecks({ env, envFile: "/tmp/.env", loadSettings: () => loadSettings(), urls: { ...on.urls, clob }, timeoutMs: 2000 }, deps);
}
const line = (lines: CheckLine[], name: string) => lines.find((l) => l.name === name)!;

describe("mm doctor", () => {
  it("passes a good setup, one line per check, with no secret in the output", async () => {
    const env = await envFor(ex);
    const lines = await doctor(ex, env);
    expect(lines.filter((l) => l.status === "fail")).toEqual([]);
    expect(lines.map((l) => l.name)).toEqual([".env", "settings", "private key", "signature type", "gamma endpoint", "clob endpoint", "websocket endpoint", "api credentials", "balance", "allowance"]);
    expect(line(lines, "balance").detail).toMatch(/\$10000.00 USDC/);
    const text = lines.map(formatLine).join("\n");
    for (const secret of [env.PRIVATE_KEY!, env.PRIVATE_KEY!.slice(2), env.CLOB_SECRET!, env.CLOB_PASSPHRASE!]) expect(text).not.toContain(secret);
  });

  it("wrong key: a malformed PRIVATE_KEY, and API credentials of another wallet", async () => {
    const bad = await doctor(ex, { PRIVATE_KEY: "0x1234" });
    expect(line(bad, "private key")).toMatchObject({ status: "fail", fix: expect.stringMatching(/64 hex digits/) });
    expect(line(bad, "api credentials").status).toBe("skip");
    const other = await envFor(ex);
    const mine = Wallet.createRandom();
    const lines = await doctor(ex, { ...other, PRIVATE_KEY: mine.privateKey });
    expect(line(lines, "api credentials")).toMatchObject({ status: "fail", fix: expect.stringMatching(/mm keys/) });
  });

  it("wrong signature type: a funder that does not fit, and the funder Polymarket derives", async () => {
    const w = Wallet.createRandom();
    const eoaWithFunder = await doctor(ex, { ...(await envFor(ex, w)), FUNDER_ADDRESS: "0x1111111111111111111111111111111111111111" });
    expect(line(eoaWithFunder, "signature type")).toMatchObject({ status: "fail", fix: expect.stringMatching(/SIGNATURE_TYPE=proxy\|safe/) });
    const proxyIsSelf = await doctor(ex, { ...(await envFor(ex, w)), SIGNATURE_TYPE: "proxy", FUNDER_ADDRESS: w.address });
    expect(line(proxyIsSelf, "signature type")).toMatchObject({ status: "fail", fix: `set FUNDER_ADDRESS=${expectedFunder("POLY_PROXY", w.address)}` });
    const noFunder = await doctor(ex, { PRIVATE_KEY: w.privateKey, SIGNATURE_TYPE: "safe" });
    expect(line(noFunder, "credentials")).toMatchObject({ status: "fail", detail: expect.stringMatching(/needs FUNDER_ADDRESS/) });
  });

  it("no balance, and no allowance", async () => {
    const empty = await doctor(broke, await envFor(broke));
    expect(line(empty, "balance")).toMatchObject({ status: "fail", fix: expect.stringMatching(/deposit USDC/) });
    const lines = await doctor(ex, await envFor(ex, unapproved));
    expect(line(lines, "balance").status).toBe("ok");
    expect(line(lines, "allowance")).toMatchObject({ status: "fail", detail: "0 of 3 exchange contracts may spend your USDC", fix: expect.stringMatching(/approve/) });
    // The exchange refuses the wallet's orders too, as Polymarket does without the approvals.
    const client = await taker(ex, unapproved as unknown as Wallet);
    const yes = ex.markets()[0].meta.yesTokenId;
    await expect(takerBuy(client, yes, 0.01, 5)).rejects.toThrow(/allowance/);
  });

  it("an unreachable host says which and skips what depends on it", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const lines = await doctor(ex, await envFor(ex), real, `http://127.0.0.1:${port}`);
    expect(line(lines, "clob endpoint")).toMatchObject({ status: "fail", detail: expect.stringMatching(new RegExp(`127\\.0\\.0\\.1:${port}.*ECONNREFUSED`)), fix: expect.stringMatching(/--clob-url/) });
    expect(line(lines, "gamma endpoint").status).toBe("ok");
    expect(line(lines, "api credentials").status).toBe("skip");
  });
});
