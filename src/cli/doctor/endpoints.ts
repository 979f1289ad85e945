// `mm keys` and `mm doctor` take the shared endpoint options, plus --env-file, whose MM_* URLs count as the environment's.
import type { Argv } from "yargs";
import type { EnvValues } from "../../adapters/secrets/credentials.js";
import { resolveExchange, type EndpointArgs, type ResolvedExchange } from "../endpoint-options.js";

export interface EnvFileArgs {
  "env-file"?: string;
}

export function withEnvFileOption<T>(y: Argv<T>): Argv<T & EnvFileArgs> {
  return y.option("env-file", { type: "string", describe: "Read credentials (and MM_* URLs) from this file instead of ./.env" }) as Argv<T & EnvFileArgs>;
}

/** The exchange to check or derive keys at: flags, then MM_* from the environment and the env file, then Polymarket's (--demo: the embedded one). */
export function exchangeFor(args: EndpointArgs, env: EnvValues): Promise<ResolvedExchange> {
  if (args.demo) return resolveExchange(args);
  return resolveExchange({
    ...args,
    gammaUrl: args.gammaUrl || env.MM_GAMMA_URL || undefined,
    clobUrl: args.clobUrl || env.MM_CLOB_URL || undefined,
    wsUrl: args.wsUrl || env.MM_WS_URL || undefined,
  });
}
