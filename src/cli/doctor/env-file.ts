// Reads .env (or --env-file) for `mm keys` and `mm doctor`; a bad file stops them with its message.
import { loadEnv, type LoadedEnv } from "../../adapters/secrets/credentials.js";
import { UserError } from "../errors.js";
import type { EnvFileArgs } from "./endpoints.js";

export function loadEnvFile(args: EnvFileArgs): LoadedEnv {
  try {
    return loadEnv({ envFile: args["env-file"] });
  } catch (err) {
    throw new UserError((err as Error).message, 2);
  }
}
