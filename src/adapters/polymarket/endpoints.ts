// Where the exchange is: Polymarket's defaults, overridden by MM_* in .env / the environment, overridden by flags.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseDotenv } from "dotenv";

export interface Endpoints {
  gamma: string;
  clob: string;
  /** WebSocket base; the channels are `<ws>/market` and `<ws>/user`. */
  ws: string;
}

export const POLYMARKET_ENDPOINTS: Endpoints = {
  gamma: "https://gamma-api.polymarket.com",
  clob: "https://clob.polymarket.com",
  ws: "wss://ws-subscriptions-clob.polymarket.com/ws",
};

const ENV_KEYS = { gamma: "MM_GAMMA_URL", clob: "MM_CLOB_URL", ws: "MM_WS_URL" } as const;
const FLAGS = { gamma: "--gamma-url", clob: "--clob-url", ws: "--ws-url" } as const;

/** Reads `.env` in `dir` without touching process.env (and without printing anything); {} when there is none. */
export function readDotenv(dir = process.cwd()): Record<string, string> {
  const path = join(dir, ".env");
  if (!existsSync(path)) return {};
  return parseDotenv(readFileSync(path));
}

function check(key: keyof Endpoints, url: string, from: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`${from} "${url}" is not a URL; pass e.g. ${POLYMARKET_ENDPOINTS[key]}`);
  }
  const ok = key === "ws" ? u.protocol === "ws:" || u.protocol === "wss:" : u.protocol === "http:" || u.protocol === "https:";
  if (!ok) throw new Error(`${from} "${url}" must be a ${key === "ws" ? "ws:// or wss://" : "http:// or https://"} URL, e.g. ${POLYMARKET_ENDPOINTS[key]}`);
  return url.replace(/\/+$/, "");
}

/** Flags win over the process environment, which wins over `.env`, which wins over Polymarket's defaults. */
export function resolveEndpoints(flags: Partial<Endpoints>, env: Record<string, string | undefined> = process.env, dotenv: Record<string, string> = readDotenv()): Endpoints {
  const pick = (key: keyof Endpoints): string => {
    const flag = flags[key];
    if (flag) return check(key, flag, FLAGS[key]);
    const envKey = ENV_KEYS[key];
    if (env[envKey]) return check(key, env[envKey] as string, envKey);
    if (dotenv[envKey]) return check(key, dotenv[envKey], `${envKey} in .env`);
    return POLYMARKET_ENDPOINTS[key];
  };
  return { gamma: pick("gamma"), clob: pick("clob"), ws: pick("ws") };
}

export const marketChannelUrl = (e: Endpoints): string => `${e.ws}/market`;
export const userChannelUrl = (e: Endpoints): string => `${e.ws}/user`;
