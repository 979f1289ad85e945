// Helpers for running the official @polymarket/clob-client-v2, unmodified, against the embedded exchange.
import { ClobClient } from "@polymarket/clob-client-v2";
import { Wallet } from "ethers";
import WebSocket from "ws";

export type Creds = { key: string; secret: string; passphrase: string };

/** The ethers v6 signer adapter of POLYMARKET.md section 1. */
export const signerOf = (wallet: { address: string; signTypedData: Wallet["signTypedData"] }) => ({
  _signTypedData: (d: never, t: never, v: never) => wallet.signTypedData(d, t, v),
  getAddress: async () => wallet.address,
});

export function clientFor(host: string, wallet: ReturnType<typeof Wallet.createRandom>, creds?: Creds): ClobClient {
  return new ClobClient({ host, chain: 137, signer: signerOf(wallet) as never, creds, throwOnError: true });
}

/** A fresh wallet with API creds derived through the client. */
export async function newTrader(host: string) {
  const wallet = Wallet.createRandom();
  const creds = await clientFor(host, wallet).createOrDeriveApiKey();
  return { wallet, creds, client: clientFor(host, wallet, creds) };
}

/** Polls `check` until it returns a value (not undefined), running `tick` between tries; fails after `ms` of real time. */
export async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, opts: { ms?: number; tick?: () => void; what: string }): Promise<T> {
  const deadline = Date.now() + (opts.ms ?? 10_000);
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${opts.what}`);
    opts.tick?.();
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A user-channel connection that keeps every JSON event it receives. */
export async function userSocket(wsBase: string, creds: Creds, markets?: string[]) {
  const ws = new WebSocket(`${wsBase}/user`, { perMessageDeflate: false });
  const events: Array<Record<string, unknown>> = [];
  const texts: string[] = [];
  ws.on("message", (data) => {
    const text = data.toString();
    texts.push(text);
    if (text.startsWith("{")) events.push(JSON.parse(text) as Record<string, unknown>);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  ws.send(JSON.stringify({ auth: { apiKey: creds.key, secret: creds.secret, passphrase: creds.passphrase }, type: "user", ...(markets ? { markets } : {}) }));
  return { ws, events, texts };
}
