// What `mm run --live` and the dashboard call: credentials from .env, then the live gateway over the given endpoints, with a clear error for every missing piece.
import type { Clock } from "../../../ports/clock.js";
import type { Logger } from "../../../ports/logger.js";
import type { MarketInfo } from "../../../domain/market.js";
import type { Settings } from "../../../domain/settings/schema.js";
import { loadEnv, parseCredentials } from "../../secrets/credentials.js";
import { redactor } from "../../secrets/redact.js";
import { createLiveGateway } from "./create-live-gateway.js";
import type { LiveGateway } from "./live-gateway.js";

export interface OpenLiveOptions {
  endpoints: { clob: string; ws: string };
  settings: Pick<Settings, "live" | "feed">;
  markets: MarketInfo[];
  clock: Clock;
  logger: Logger;
  /** Where .env is (default ./.env); the environment wins over it. */
  envFile?: string;
}

export async function openLiveGateway(o: OpenLiveOptions): Promise<LiveGateway> {
  const env = loadEnv({ envFile: o.envFile });
  const credentials = parseCredentials(env.values);
  const { pingMs, pongTimeoutMs, backoffBaseMs, backoffMaxMs } = o.settings.feed;
  try {
    return await createLiveGateway({
      clobUrl: o.endpoints.clob,
      wsUrl: o.endpoints.ws,
      credentials,
      settings: o.settings.live,
      timing: { pingMs, pongTimeoutMs, backoffBaseMs, backoffMaxMs },
      markets: o.markets,
      clock: o.clock,
      logger: o.logger,
    });
  } catch (err) {
    throw new Error(`Could not start live trading at ${o.endpoints.clob}: ${redactor.text((err as Error).message)} (run \`mm doctor\` to check the setup)`);
  }
}

/** The one-line warning printed before live trading starts. */
export function liveBanner(o: { clob: string; maxNotionalUsd: number; markets: MarketInfo[] }): string {
  return `mm: LIVE trading at ${o.clob} on ${o.markets.map((m) => m.slug).join(", ")}: real orders, at most $${o.maxNotionalUsd} resting (live.maxNotionalUsd).`;
}
