// `mm keys`: derives (or creates) the wallet's CLOB API credentials with an L1 signature and prints them once, as .env lines to store.
import type { CommandModule } from "yargs";
import { loadEnv, parseCredentials } from "../../adapters/secrets/credentials.js";
import { redactor } from "../../adapters/secrets/redact.js";
import { deriveApiCreds, walletOf } from "../../adapters/gateway/live/clob-client.js";
import { loadSettings } from "../config.js";
import { UserError } from "../errors.js";
import { withEnvFileOption, exchangeFor, type EnvFileArgs } from "../doctor/endpoints.js";
import { withEndpointOptions, type EndpointArgs } from "../endpoint-options.js";

type KeysArgs = EndpointArgs & EnvFileArgs & { config?: string; set?: string[] };

export const keysCommand: CommandModule<object, KeysArgs> = {
  command: "keys",
  describe: "Derive your CLOB API credentials from PRIVATE_KEY and print them once, to store in .env",
  builder: (y) =>
    withEnvFileOption(withEndpointOptions(y))
      .option("config", { type: "string", describe: "Settings file (JSON) merged over the defaults" })
      .option("set", { type: "string", array: true, describe: "Override a setting: key.path=value" }),
  handler: async (args) => {
    let env;
    try {
      env = loadEnv({ envFile: args["env-file"] });
    } catch (err) {
      throw new UserError((err as Error).message, 2);
    }
    const settings = loadSettings({ configFile: args.config, sets: args.set });
    let creds;
    try {
      creds = parseCredentials({ ...env.values, CLOB_API_KEY: "", CLOB_SECRET: "", CLOB_PASSPHRASE: "" });
    } catch (err) {
      throw new UserError((err as Error).message, 2);
    }
    const address = walletOf(creds).address;
    const exchange = await exchangeFor(args, env.values);
    const clob = exchange.endpoints.clob;
    let api;
    try {
      api = await deriveApiCreds({ host: clob, chainId: settings.live.chainId, credentials: creds });
    } catch (err) {
      throw new UserError(`Could not derive API credentials from ${clob}: ${redactor.text((err as Error).message)}. Check the URL (mm doctor) and PRIVATE_KEY.`);
    } finally {
      await exchange.close();
    }
    process.stderr.write(`mm: API credentials for wallet ${address} at ${clob}. Store these three lines in .env now; mm does not print them again:\n`);
    // The one place a secret is shown, on purpose: the user asked for it and must store it.
    process.stdout.write(`CLOB_API_KEY=${api.key}\nCLOB_SECRET=${api.secret}\nCLOB_PASSPHRASE=${api.passphrase}\n`);
  },
};
