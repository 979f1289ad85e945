// What `mm keys` does: derives the wallet's CLOB API credentials at the exchange and prints them once as .env lines.
import { parseCredentials } from "../../adapters/secrets/credentials.js";
import { redactor } from "../../adapters/secrets/redact.js";
import { deriveApiCreds, walletOf } from "../../adapters/gateway/live/clob-client.js";
import { loadSettings } from "../config.js";
import { UserError } from "../errors.js";
import { exchangeFor, type LiveSetupArgs } from "./endpoints.js";
import { loadEnvFile } from "./env-file.js";

export async function handleKeys(args: LiveSetupArgs): Promise<void> {
  const env = loadEnvFile(args);
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
}
