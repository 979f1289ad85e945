// L2 auth: POLY_API_KEY/PASSPHRASE/ADDRESS must match an issued key and POLY_SIGNATURE the HMAC of the request.
import { createHmac } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { sameText, type ApiKeyRecord, type ApiKeyRegistry } from "./api-keys.js";
import { header } from "./headers.js";

/** Polymarket's L2 signature: base64url(HMAC-SHA256(base64-decoded secret, timestamp + method + path + body)). */
export function l2Signature(secret: string, timestamp: string, method: string, path: string, body: string): string {
  const key = Buffer.from(secret.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  const digest = createHmac("sha256", key).update(timestamp + method + path + body).digest("base64");
  return digest.replace(/\+/g, "-").replace(/\//g, "_");
}

export type L2Result = { ok: true; key: ApiKeyRecord } | { ok: false; error: string };

const UNAUTHORIZED = "Unauthorized/Invalid api key";

export interface L2Request {
  method: string;
  /** Path without the query string: what the client signs. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export function verifyL2(req: L2Request, keys: ApiKeyRegistry): L2Result {
  const apiKey = header(req.headers, "POLY_API_KEY");
  const passphrase = header(req.headers, "POLY_PASSPHRASE");
  const address = header(req.headers, "POLY_ADDRESS");
  const signature = header(req.headers, "POLY_SIGNATURE");
  const timestamp = header(req.headers, "POLY_TIMESTAMP");
  if (!apiKey || !passphrase || !address || !signature || !timestamp) {
    return { ok: false, error: `${UNAUTHORIZED}: send POLY_ADDRESS, POLY_SIGNATURE, POLY_TIMESTAMP, POLY_API_KEY and POLY_PASSPHRASE` };
  }
  const key = keys.get(apiKey);
  if (!key || !sameText(key.passphrase, passphrase)) return { ok: false, error: UNAUTHORIZED };
  if (address.toLowerCase() !== key.address.toLowerCase()) {
    return { ok: false, error: `${UNAUTHORIZED}: POLY_ADDRESS is not the address that owns this api key` };
  }
  const expected = l2Signature(key.secret, timestamp, req.method.toUpperCase(), req.path, req.body);
  if (!sameText(expected, signature)) return { ok: false, error: `${UNAUTHORIZED}: POLY_SIGNATURE does not match the request` };
  return { ok: true, key };
}
