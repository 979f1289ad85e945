// The options every exchange-facing command shares (--gamma-url, --clob-url, --ws-url, --demo) and how they resolve to endpoints.
import type { Argv } from "yargs";
import { resolveEndpoints, type Endpoints } from "../adapters/polymarket/endpoints.js";
import type { Exchange } from "../sim/exchange.js";
import { UsageError, UserError } from "./errors.js";

export interface EndpointArgs {
  gammaUrl?: string;
  clobUrl?: string;
  wsUrl?: string;
  demo: boolean;
}

export function withEndpointOptions<T>(y: Argv<T>): Argv<T & EndpointArgs> {
  return y
    .option("gamma-url", { type: "string", describe: "Gamma API base URL (env MM_GAMMA_URL; default Polymarket's)" })
    .option("clob-url", { type: "string", describe: "CLOB REST base URL (env MM_CLOB_URL; default Polymarket's)" })
    .option("ws-url", { type: "string", describe: "WebSocket base URL; channels are <base>/market and <base>/user (env MM_WS_URL)" })
    .option("demo", { type: "boolean", default: false, describe: "Start the embedded exchange in-process and use it (fully offline)" }) as unknown as Argv<T & EndpointArgs>;
}

export interface ResolvedExchange {
  endpoints: Endpoints;
  /** "demo", "polymarket", or the CLOB URL of another server. */
  source: string;
  /** The in-process exchange when --demo (tests and soak reach its fault admin through it). */
  demo: Exchange | null;
  close(): Promise<void>;
}

/** --demo starts the embedded exchange; otherwise flags, then MM_* (environment, then .env), then Polymarket's defaults. */
export async function resolveExchange(args: EndpointArgs, demoOptions: { seed?: number; rate?: number } = {}): Promise<ResolvedExchange> {
  if (args.demo) {
    const given = [args.gammaUrl && "--gamma-url", args.clobUrl && "--clob-url", args.wsUrl && "--ws-url"].filter(Boolean);
    if (given.length) throw new UsageError(`--demo runs its own exchange; drop ${given.join(", ")} or drop --demo`);
    // The embedded exchange (and its signature checks) loads only for --demo.
    const { startExchange } = await import("../sim/exchange.js");
    const exchange = await startExchange({ port: 0, ...demoOptions });
    return { endpoints: exchange.urls, source: "demo", demo: exchange, close: () => exchange.close() };
  }
  let endpoints: Endpoints;
  try {
    endpoints = resolveEndpoints({ gamma: args.gammaUrl, clob: args.clobUrl, ws: args.wsUrl });
  } catch (err) {
    throw new UserError((err as Error).message, 2);
  }
  const source = endpoints.clob === "https://clob.polymarket.com" ? "polymarket" : endpoints.clob;
  return { endpoints, source, demo: null, close: async () => undefined };
}
