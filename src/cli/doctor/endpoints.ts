// The options `mm keys` and `mm doctor` share (endpoint flags, --env-file, --config, --set) and the exchange they talk to, where the env file's MM_* URLs count as the environment's.
import type { Argv } from "yargs";
import type { EnvValues } from "../../adapters/secrets/credentials.js";
import type { SettingsArgs } from "../common-options.js";
import { resolveExchange, withEndpointOptions, type EndpointArgs, type ResolvedExchange } from "../endpoint-options.js";

export interface EnvFileArgs {
  "env-file"?: string;
}

export type LiveSetupArgs = EndpointArgs & EnvFileArgs & SettingsArgs;

/** The options of `mm keys` and `mm doctor`: the endpoint flags, --env-file, --config and --set. */
export function withLiveSetupOptions<T>(y: Argv<T>): Argv<T & LiveSetupArgs> {
  return withEndpointOptions(y)
    .option("env-file", { type: "string", describe: "Read credentials (and MM_* URLs) from this file instead of ./.env" })
    .option("config", { type: "string", describe: "Settings file (JSON) merged over the defaults" })
    .option("set", { type: "string", array: true, describe: "Override a setting: key.path=value" }) as unknown as Argv<T & LiveSetupArgs>;
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
