// Endpoint flags for `mm keys` and `mm doctor` (--gamma-url, --clob-url, --ws-url, MM_* in .env), Polymarket's hosts by default.
import type { Argv } from "yargs";
import type { EnvValues } from "../../adapters/secrets/credentials.js";

export const POLYMARKET_URLS = {
  gamma: "https://gamma-api.polymarket.com",
  clob: "https://clob.polymarket.com",
  ws: "wss://ws-subscriptions-clob.polymarket.com/ws",
} as const;

export interface EndpointArgs {
  "gamma-url"?: string;
  "clob-url"?: string;
  "ws-url"?: string;
  "env-file"?: string;
}

export function withEndpointArgs<T>(y: Argv<T>): Argv<T & EndpointArgs> {
  return y
    .option("gamma-url", { type: "string", describe: "Gamma API base URL (or MM_GAMMA_URL)" })
    .option("clob-url", { type: "string", describe: "CLOB REST base URL (or MM_CLOB_URL)" })
    .option("ws-url", { type: "string", describe: "WebSocket base URL; channels are <base>/market and <base>/user (or MM_WS_URL)" })
    .option("env-file", { type: "string", describe: "Read credentials from this file instead of ./.env" }) as Argv<T & EndpointArgs>;
}

export function resolveUrls(args: EndpointArgs, env: EnvValues): { gamma: string; clob: string; ws: string } {
  return {
    gamma: args["gamma-url"] || env.MM_GAMMA_URL || POLYMARKET_URLS.gamma,
    clob: args["clob-url"] || env.MM_CLOB_URL || POLYMARKET_URLS.clob,
    ws: args["ws-url"] || env.MM_WS_URL || POLYMARKET_URLS.ws,
  };
}
