// Composes the live gateway: wallet and credentials (deriving API keys if .env has none), the official client, the user channel; starts heartbeats before anything else.
import type { Clock } from "../../../ports/clock.js";
import type { Logger } from "../../../ports/logger.js";
import type { MarketInfo } from "../../../domain/market.js";
import type { LiveSettings } from "../../../domain/settings/live.js";
import type { LiveCredentials } from "../../secrets/credentials.js";
import { redactor } from "../../secrets/redact.js";
import { UserChannel } from "../../polymarket/user-channel.js";
import { createClobClient, deriveApiCreds, walletOf } from "./clob-client.js";
import { LiveGateway } from "./live-gateway.js";

export interface UserChannelTiming {
  pingMs: number;
  pongTimeoutMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export interface CreateLiveGatewayOptions {
  clobUrl: string;
  /** WebSocket base; the user channel is `<wsUrl>/user`. */
  wsUrl: string;
  credentials: LiveCredentials;
  settings: LiveSettings;
  timing: UserChannelTiming;
  markets: MarketInfo[];
  clock: Clock;
  logger: Logger;
}

/** Checks that the funder address fits the signature type; returns the problem, or null. */
export function funderProblem(creds: LiveCredentials, walletAddress: string): string | null {
  if (creds.signatureType === "EOA" && creds.funderAddress && creds.funderAddress.toLowerCase() !== walletAddress.toLowerCase()) {
    return `FUNDER_ADDRESS ${creds.funderAddress} is not this wallet (${walletAddress}), but SIGNATURE_TYPE is EOA; for a Polymarket proxy or Safe account set SIGNATURE_TYPE=proxy or safe, else remove FUNDER_ADDRESS.`;
  }
  if (creds.signatureType !== "EOA" && creds.funderAddress?.toLowerCase() === walletAddress.toLowerCase()) {
    return `FUNDER_ADDRESS is the signing wallet itself, but SIGNATURE_TYPE is ${creds.signatureType}; set FUNDER_ADDRESS to your Polymarket wallet address (profile page), or use SIGNATURE_TYPE=EOA.`;
  }
  return null;
}

export async function createLiveGateway(o: CreateLiveGatewayOptions): Promise<LiveGateway> {
  const wallet = walletOf(o.credentials);
  const problem = funderProblem(o.credentials, wallet.address);
  if (problem) throw new Error(problem);
  const setup = { host: o.clobUrl, chainId: o.settings.chainId, credentials: o.credentials };
  let api = o.credentials.api;
  if (!api) {
    o.logger.warn("no CLOB_API_KEY/CLOB_SECRET/CLOB_PASSPHRASE in .env: deriving them (run `mm keys` once and store them)");
    api = await deriveApiCreds(setup);
  }
  redactor.add(api.secret, api.passphrase);
  const client = createClobClient({ ...setup, api });
  const creds = api;
  const gateway = new LiveGateway({
    api: client,
    apiKey: creds.key,
    settings: o.settings,
    markets: o.markets,
    clock: o.clock,
    logger: o.logger,
    openUserStream: (handlers) =>
      new UserChannel({
        url: `${o.wsUrl.replace(/\/$/, "")}/user`,
        creds,
        markets: o.markets.map((m) => m.conditionId),
        clock: o.clock,
        ...o.timing,
        onEvent: handlers.onEvent,
        onStatus: (s) => (s.type === "connected" ? handlers.onConnected() : handlers.onDisconnected(s.reason)),
        onRejection: (r) => o.logger.warn("user channel frame rejected", { reason: r.reason, detail: redactor.text(r.detail) }),
      }),
  });
  try {
    await gateway.start();
  } catch (err) {
    await gateway.abort();
    throw redactor.error(err);
  }
  return gateway;
}
