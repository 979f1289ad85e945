// API credentials: derived deterministically from (L1 address, nonce), so create and derive return the same creds.
import { createHmac, timingSafeEqual } from "node:crypto";

export interface ApiCreds {
  apiKey: string;
  secret: string;
  passphrase: string;
}

export interface ApiKeyRecord extends ApiCreds {
  /** Checksummed address of the L1 signer that owns the key. */
  address: string;
  nonce: number;
}

/** Derives the creds for an address and nonce: a UUID-shaped key, a base64url secret, a 64-hex passphrase. */
export function deriveCreds(address: string, nonce: number, salt: string): ApiCreds {
  const seed = (label: string): Buffer =>
    createHmac("sha256", salt).update(`${label}:${address.toLowerCase()}:${nonce}`).digest();
  const k = seed("key").toString("hex");
  const apiKey = `${k.slice(0, 8)}-${k.slice(8, 12)}-${k.slice(12, 16)}-${k.slice(16, 20)}-${k.slice(20, 32)}`;
  const secret = seed("secret").toString("base64url") + "=";
  const passphrase = seed("passphrase").toString("hex");
  return { apiKey, secret, passphrase };
}

/** Constant-time string comparison. */
export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The keys the exchange has issued, by api key. */
export class ApiKeyRegistry {
  private readonly byKey = new Map<string, ApiKeyRecord>();

  constructor(private readonly salt: string) {}

  /** Issues (or re-issues: the result is the same) the key for an address and nonce. */
  issue(address: string, nonce: number): ApiKeyRecord {
    const creds = deriveCreds(address, nonce, this.salt);
    const existing = this.byKey.get(creds.apiKey);
    if (existing) return existing;
    const record: ApiKeyRecord = { ...creds, address, nonce };
    this.byKey.set(record.apiKey, record);
    return record;
  }

  get(apiKey: string): ApiKeyRecord | undefined {
    return this.byKey.get(apiKey);
  }

  /** The record when the three creds match an issued key, else undefined. */
  check(creds: ApiCreds): ApiKeyRecord | undefined {
    const rec = this.byKey.get(creds.apiKey);
    if (!rec) return undefined;
    return sameText(rec.secret, creds.secret) && sameText(rec.passphrase, creds.passphrase) ? rec : undefined;
  }
}
