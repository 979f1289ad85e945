// `mm doctor`'s checks, in order: .env, settings, key and wallet, signature type and funder, endpoints, API credentials, balance and allowance.
import { AssetType, type ClobClient } from "@polymarket/clob-client-v2";
import { parseCredentials, privateKeyProblem, type EnvValues, type LiveCredentials } from "../../adapters/secrets/credentials.js";
import { redactor } from "../../adapters/secrets/redact.js";
import { walletOf, type ClientSetup } from "../../adapters/gateway/live/clob-client.js";
import { funderProblem } from "../../adapters/gateway/live/create-live-gateway.js";
import { formatCents } from "../../domain/units.js";
import { expectedFunder } from "./funder-address.js";
import type { Probe } from "./probes.js";

export type CheckStatus = "ok" | "warn" | "fail" | "skip";

export interface CheckLine {
  name: string;
  status: CheckStatus;
  detail: string;
  /** What to do about a warn or fail. */
  fix?: string;
}

export type DoctorClient = Pick<ClobClient, "deriveApiKey" | "createApiKey" | "getOpenOrders" | "getBalanceAllowance">;

export interface DoctorSetup {
  env: EnvValues;
  envFile: string | null;
  /** Loads and validates the settings; throws with the message to show. */
  loadSettings(): { live: { chainId: 137 | 80002 } };
  urls: { gamma: string; clob: string; ws: string };
  timeoutMs: number;
}

export interface DoctorDeps {
  probeHttp(url: string, timeoutMs: number): Promise<Probe>;
  probeWs(url: string, timeoutMs: number): Promise<Probe>;
  client(setup: ClientSetup): DoctorClient;
}

const KIND_NAME = { EOA: "EOA (a plain wallet)", POLY_PROXY: "proxy (Polymarket email/Magic account)", POLY_GNOSIS_SAFE: "Safe (Polymarket browser-wallet account)" } as const;

function failureText(err: unknown): { text: string; status: number | null } {
  const status = (err as { status?: unknown })?.status;
  return { text: redactor.text(err instanceof Error ? err.message : String(err)), status: typeof status === "number" ? status : null };
}

export async function runChecks(s: DoctorSetup, deps: DoctorDeps): Promise<CheckLine[]> {
  const lines: CheckLine[] = [];
  const add = (l: CheckLine) => lines.push(l);

  if (s.envFile) add({ name: ".env", status: "ok", detail: `read ${s.envFile}` });
  else add({ name: ".env", status: "warn", detail: "no .env file in this directory; using the environment only", fix: "create .env with PRIVATE_KEY=... (and SIGNATURE_TYPE, FUNDER_ADDRESS, CLOB_* from `mm keys`)" });

  let chainId: 137 | 80002 = 137;
  try {
    chainId = s.loadSettings().live.chainId;
    add({ name: "settings", status: "ok", detail: `valid (chain ${chainId})` });
  } catch (err) {
    add({ name: "settings", status: "fail", detail: failureText(err).text.split("\n")[0], fix: "fix the value named above in your config file or --set flag" });
  }

  // Key and wallet.
  let creds: LiveCredentials | null = null;
  let address: string | null = null;
  const keyProblem = privateKeyProblem(s.env.PRIVATE_KEY);
  try {
    if (keyProblem) throw new Error(keyProblem);
    creds = parseCredentials(s.env);
    address = walletOf(creds).address;
    add({ name: "private key", status: "ok", detail: `wallet ${address}` });
  } catch (err) {
    const text = failureText(err).text;
    const isKey = keyProblem !== null || /PRIVATE_KEY/.test(text);
    add({ name: isKey ? "private key" : "credentials", status: "fail", detail: text, fix: isKey ? "set PRIVATE_KEY in .env to your wallet's key (64 hex digits)" : "fix the variable named above in .env" });
  }

  if (creds && address) {
    const kind = creds.signatureType;
    const expected = expectedFunder(kind, address);
    const problem = funderProblem(creds, address);
    if (problem) add({ name: "signature type", status: "fail", detail: `${KIND_NAME[kind]}: ${problem}`, fix: kind === "EOA" ? "remove FUNDER_ADDRESS or set SIGNATURE_TYPE=proxy|safe" : `set FUNDER_ADDRESS=${expected}` });
    else if (kind === "EOA") add({ name: "signature type", status: "ok", detail: `${KIND_NAME[kind]}: orders are signed and funded by ${address}` });
    else {
      const funder = creds.funderAddress!;
      const matches = funder.toLowerCase() === expected.toLowerCase();
      add({
        name: "signature type",
        status: matches ? "ok" : "warn",
        detail: `${KIND_NAME[kind]}: signer ${address}, funder ${funder}${matches ? " (the address Polymarket derives for this signer)" : `; Polymarket derives ${expected} for this signer`}`,
        fix: matches ? undefined : `check FUNDER_ADDRESS against your Polymarket profile; if it shows ${expected}, use that, else check SIGNATURE_TYPE`,
      });
    }
  } else add({ name: "signature type", status: "skip", detail: "needs a valid PRIVATE_KEY" });

  // Endpoints.
  const gamma = await deps.probeHttp(`${s.urls.gamma.replace(/\/$/, "")}/markets?limit=1`, s.timeoutMs);
  add({ name: "gamma endpoint", status: gamma.ok ? "ok" : "fail", detail: gamma.detail, fix: gamma.ok ? undefined : "check --gamma-url / MM_GAMMA_URL and your network" });
  const clob = await deps.probeHttp(`${s.urls.clob.replace(/\/$/, "")}/time`, s.timeoutMs);
  add({ name: "clob endpoint", status: clob.ok ? "ok" : "fail", detail: clob.detail, fix: clob.ok ? undefined : "check --clob-url / MM_CLOB_URL and your network" });
  const ws = await deps.probeWs(`${s.urls.ws.replace(/\/$/, "")}/market`, s.timeoutMs);
  add({ name: "websocket endpoint", status: ws.ok ? "ok" : "fail", detail: ws.detail, fix: ws.ok ? undefined : "check --ws-url / MM_WS_URL (the base, e.g. wss://ws-subscriptions-clob.polymarket.com/ws)" });

  if (!creds || !clob.ok) {
    for (const name of ["api credentials", "balance", "allowance"]) add({ name, status: "skip", detail: !creds ? "needs valid credentials" : "needs a reachable CLOB" });
    return lines;
  }

  // API credentials: derive this wallet's key (L1) and compare with .env, then prove L2 auth with a read.
  const setup = { host: s.urls.clob, chainId, credentials: creds };
  let derivedKey: string | null = null;
  try {
    derivedKey = (await deps.client(setup).deriveApiKey())?.key ?? null;
  } catch {
    derivedKey = null;
  }
  let api = creds.api;
  if (!api) {
    add({ name: "api credentials", status: "warn", detail: "CLOB_API_KEY/CLOB_SECRET/CLOB_PASSPHRASE are not set (mm would derive them at each start)", fix: "run `mm keys` once and put its three lines in .env" });
    try {
      api = derivedKey ? await deps.client(setup).deriveApiKey() : await deps.client(setup).createApiKey();
      redactor.add(api.secret, api.passphrase);
    } catch (err) {
      add({ name: "balance", status: "skip", detail: `could not derive API credentials: ${failureText(err).text}` });
      return lines;
    }
  } else {
    try {
      await deps.client({ ...setup, api }).getOpenOrders(undefined, true);
      if (derivedKey && derivedKey !== api.key) {
        add({ name: "api credentials", status: "fail", detail: `CLOB_API_KEY ${api.key} is not this wallet's key (${derivedKey})`, fix: "run `mm keys` with this PRIVATE_KEY and replace the three CLOB_* lines in .env" });
      } else add({ name: "api credentials", status: "ok", detail: `CLOB_API_KEY ${api.key} authenticates (L2)` });
    } catch (err) {
      const f = failureText(err);
      add({ name: "api credentials", status: "fail", detail: `the exchange refused them${f.status ? ` (HTTP ${f.status})` : ""}: ${f.text}`, fix: "they belong to another wallet or were revoked: run `mm keys` and replace the three CLOB_* lines in .env" });
      add({ name: "balance", status: "skip", detail: "needs working API credentials" });
      add({ name: "allowance", status: "skip", detail: "needs working API credentials" });
      return lines;
    }
  }

  try {
    const ba = await deps.client({ ...setup, api }).getBalanceAllowance({ asset_type: AssetType.COLLATERAL });
    const micro = Number(ba?.balance ?? 0);
    const holder = creds.funderAddress ?? address;
    if (!(micro > 0)) {
      add({ name: "balance", status: "fail", detail: `no USDC collateral at ${holder}`, fix: creds.signatureType === "EOA" ? "deposit USDC to this wallet; if you use polymarket.com your funds sit in a proxy/Safe: set SIGNATURE_TYPE and FUNDER_ADDRESS" : "deposit USDC on polymarket.com (or check FUNDER_ADDRESS)" });
    } else add({ name: "balance", status: "ok", detail: `$${formatCents(micro)} USDC collateral at ${holder}` });
    const allowances = Object.entries(ba?.allowances ?? {});
    const granted = allowances.filter(([, v]) => { try { return BigInt(v) > 0n; } catch { return false; } });
    if (allowances.length === 0 || granted.length < allowances.length) {
      add({ name: "allowance", status: "fail", detail: `${granted.length} of ${allowances.length} exchange contracts may spend your USDC`, fix: "approve the exchange contracts: place one trade on polymarket.com (it sets them), or approve USDC for the CTF exchanges from your wallet" });
    } else add({ name: "allowance", status: "ok", detail: `all ${allowances.length} exchange contracts approved` });
  } catch (err) {
    add({ name: "balance", status: "fail", detail: failureText(err).text, fix: "retry; if it persists, check the credentials and SIGNATURE_TYPE" });
  }
  return lines;
}

/** One line per check: a mark, the name, what was found, and the fix for anything not ok. */
export function formatLine(l: CheckLine): string {
  const mark = { ok: "ok  ", warn: "WARN", fail: "FAIL", skip: "skip" }[l.status];
  return redactor.text(`${mark} ${l.name}: ${l.detail}${l.fix ? ` -> fix: ${l.fix}` : ""}`);
}
