// Builds the official @polymarket/clob-client-v2 client over an ethers v6 wallet (signer adapter, throwOnError) and names the part of it mm uses.
import { Wallet } from "ethers";
import { ClobClient, SignatureTypeV2, type ApiKeyCreds } from "@polymarket/clob-client-v2";
import type { LiveCredentials, SignatureKind } from "../../secrets/credentials.js";
import { redactor } from "../../secrets/redact.js";

/** The methods of the official client that the live gateway calls (a test double implements the same). */
export type ClobApi = Pick<
  ClobClient,
  | "createOrder"
  | "postOrders"
  | "cancelOrders"
  | "cancelAll"
  | "getOpenOrders"
  | "getTrades"
  | "postHeartbeat"
  | "getTickSize"
  | "getBalanceAllowance"
  | "tickSizes"
>;

/** ethers v6 signs typed data as `signTypedData`; the client wants the v5 name (POLYMARKET.md section 1). */
export function ethersSigner(wallet: Wallet) {
  return {
    _signTypedData: (domain: Record<string, unknown>, types: Record<string, Array<{ name: string; type: string }>>, value: Record<string, unknown>) =>
      wallet.signTypedData(domain, types, value),
    getAddress: async () => wallet.address,
  };
}

export function signatureTypeV2(kind: SignatureKind): SignatureTypeV2 {
  switch (kind) {
    case "EOA":
      return SignatureTypeV2.EOA;
    case "POLY_PROXY":
      return SignatureTypeV2.POLY_PROXY;
    case "POLY_GNOSIS_SAFE":
      return SignatureTypeV2.POLY_GNOSIS_SAFE;
  }
}

export function walletOf(creds: LiveCredentials): Wallet {
  try {
    return new Wallet(creds.privateKey);
  } catch {
    throw new Error("PRIVATE_KEY is not a valid secp256k1 private key; copy the key again from your wallet.");
  }
}

export interface ClientSetup {
  host: string;
  chainId: 137 | 80002;
  credentials: LiveCredentials;
  /** L2 credentials; without them only L1 calls (deriving keys) work. */
  api?: ApiKeyCreds | null;
}

export function createClobClient(setup: ClientSetup): ClobClient {
  const wallet = walletOf(setup.credentials);
  const api = setup.api ?? undefined;
  if (api) redactor.add(api.secret, api.passphrase);
  return new ClobClient({
    host: setup.host,
    chain: setup.chainId,
    signer: ethersSigner(wallet),
    creds: api,
    signatureType: signatureTypeV2(setup.credentials.signatureType),
    funderAddress: setup.credentials.funderAddress ?? undefined,
    throwOnError: true,
  });
}

/** Derives (or creates, on first use) the wallet's L2 API credentials with an L1 signature. */
export async function deriveApiCreds(setup: Omit<ClientSetup, "api">): Promise<ApiKeyCreds> {
  const client = createClobClient(setup);
  let creds: ApiKeyCreds | null = null;
  try {
    creds = await client.deriveApiKey();
  } catch {
    creds = null;
  }
  if (!creds?.key) creds = await client.createApiKey();
  if (!creds?.key || !creds.secret || !creds.passphrase) throw new Error(`The exchange at ${setup.host} returned no API credentials; check the URL and PRIVATE_KEY.`);
  redactor.add(creds.secret, creds.passphrase);
  return creds;
}
