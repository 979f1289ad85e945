// Live-trading credentials from the environment and `.env`: PRIVATE_KEY, FUNDER_ADDRESS, SIGNATURE_TYPE, CLOB_API_KEY/SECRET/PASSPHRASE.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse as parseDotenv } from "dotenv";
import { redactor } from "./redact.js";

/** How orders are signed: by the wallet itself, or by it on behalf of a Polymarket proxy wallet or Safe. */
export type SignatureKind = "EOA" | "POLY_PROXY" | "POLY_GNOSIS_SAFE";

export interface ApiCreds {
  key: string;
  secret: string;
  passphrase: string;
}

export interface LiveCredentials {
  privateKey: string;
  signatureType: SignatureKind;
  /** The address that holds the funds (the proxy wallet or Safe); null means the signing wallet itself. */
  funderAddress: string | null;
  /** L2 API credentials, or null when they must be derived (`mm keys`). */
  api: ApiCreds | null;
}

export type EnvValues = Record<string, string | undefined>;

export interface LoadedEnv {
  values: EnvValues;
  /** The .env file read, or null when there was none. */
  file: string | null;
}

/** Reads `.env` (default: in the working directory) and overlays the process environment, which wins. */
export function loadEnv(options: { envFile?: string; env?: EnvValues; cwd?: string } = {}): LoadedEnv {
  const path = resolve(options.cwd ?? process.cwd(), options.envFile ?? ".env");
  if (options.envFile && !existsSync(path)) throw new Error(`The env file ${path} does not exist; create it or drop --env-file.`);
  const fileValues = existsSync(path) ? parseDotenv(readFileSync(path)) : {};
  const env = options.env ?? process.env;
  const values: EnvValues = { ...fileValues };
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== "") values[k] = v;
  return { values, file: existsSync(path) ? path : null };
}

const SIGNATURE_NAMES: Record<string, SignatureKind> = {
  "0": "EOA",
  eoa: "EOA",
  "1": "POLY_PROXY",
  proxy: "POLY_PROXY",
  poly_proxy: "POLY_PROXY",
  "2": "POLY_GNOSIS_SAFE",
  safe: "POLY_GNOSIS_SAFE",
  gnosis_safe: "POLY_GNOSIS_SAFE",
  poly_gnosis_safe: "POLY_GNOSIS_SAFE",
};

export function parseSignatureType(text: string | undefined): SignatureKind {
  if (text === undefined || text.trim() === "") return "EOA";
  const kind = SIGNATURE_NAMES[text.trim().toLowerCase().replace(/-/g, "_")];
  if (!kind) throw new Error(`SIGNATURE_TYPE="${text}" is not a signature type; use EOA (0) for a plain wallet, proxy (1) for a Polymarket email/Magic account, or safe (2) for a browser-wallet account.`);
  return kind;
}

const HEX_KEY = /^(0x)?[0-9a-fA-F]{64}$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** Checks the shape of a private key without ever echoing it. */
export function privateKeyProblem(key: string | undefined): string | null {
  if (key === undefined || key.trim() === "") return "PRIVATE_KEY is not set; put the wallet's private key in .env as PRIVATE_KEY=0x... (64 hex digits).";
  if (!HEX_KEY.test(key.trim())) return `PRIVATE_KEY is not a private key (expected 64 hex digits, optionally prefixed 0x; got ${key.trim().length} characters); copy the key again from your wallet.`;
  return null;
}

/** Parses and validates the credentials; registers every secret with the redactor before anything else can print it. */
export function parseCredentials(env: EnvValues): LiveCredentials {
  const rawKey = env.PRIVATE_KEY?.trim();
  redactor.add(rawKey, env.CLOB_SECRET?.trim(), env.CLOB_PASSPHRASE?.trim());
  const keyProblem = privateKeyProblem(rawKey);
  if (keyProblem) throw new Error(keyProblem);
  const privateKey = rawKey!.startsWith("0x") ? rawKey! : `0x${rawKey}`;
  const signatureType = parseSignatureType(env.SIGNATURE_TYPE);
  const funder = env.FUNDER_ADDRESS?.trim() || null;
  if (funder !== null && !ADDRESS.test(funder)) throw new Error(`FUNDER_ADDRESS="${funder}" is not an address (0x and 40 hex digits); copy it from your Polymarket profile.`);
  if (signatureType !== "EOA" && funder === null) {
    throw new Error(`SIGNATURE_TYPE=${signatureType} needs FUNDER_ADDRESS: the address of your Polymarket ${signatureType === "POLY_PROXY" ? "proxy wallet" : "Safe"} (shown on your Polymarket profile); set it in .env.`);
  }
  return { privateKey, signatureType, funderAddress: funder, api: parseApiCreds(env) };
}

function parseApiCreds(env: EnvValues): ApiCreds | null {
  const key = env.CLOB_API_KEY?.trim() ?? "";
  const secret = env.CLOB_SECRET?.trim() ?? "";
  const passphrase = env.CLOB_PASSPHRASE?.trim() ?? "";
  const missing = [!key && "CLOB_API_KEY", !secret && "CLOB_SECRET", !passphrase && "CLOB_PASSPHRASE"].filter(Boolean);
  if (missing.length === 3) return null;
  if (missing.length > 0) throw new Error(`${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing while the other API credentials are set; run \`mm keys\` and copy all three lines into .env.`);
  return { key, secret, passphrase };
}

/** The numeric signature type the exchange and the official client use. */
export function signatureTypeNumber(kind: SignatureKind): 0 | 1 | 2 {
  switch (kind) {
    case "EOA":
      return 0;
    case "POLY_PROXY":
      return 1;
    case "POLY_GNOSIS_SAFE":
      return 2;
  }
}
