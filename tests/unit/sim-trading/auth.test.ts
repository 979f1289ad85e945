// L1 (EIP-712 ClobAuth) and L2 (HMAC) verification against headers built by the official client.
import { createL1Headers, createL2Headers } from "@polymarket/clob-client-v2";
import { describe, expect, it } from "vitest";
import { ApiKeyRegistry, deriveCreds } from "../../../src/sim/trading/api-keys.js";
import { verifyL1 } from "../../../src/sim/trading/l1-auth.js";
import { l2Signature, verifyL2 } from "../../../src/sim/trading/l2-auth.js";
import { fixedWallet, signerOf } from "./wallet.js";

const lower = (h: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), String(v)]));

describe("API key derivation", () => {
  it("is deterministic per (address, nonce) and differs otherwise", () => {
    const a = deriveCreds("0xAbC0000000000000000000000000000000000001", 0, "s");
    expect(deriveCreds("0xabc0000000000000000000000000000000000001", 0, "s")).toEqual(a);
    expect(deriveCreds("0xabc0000000000000000000000000000000000001", 1, "s").apiKey).not.toBe(a.apiKey);
    expect(a.apiKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(a.passphrase).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(a.secret, "base64url")).toHaveLength(32);
  });
});

describe("L1 auth", () => {
  const wallet = fixedWallet(7);
  it("accepts the official client's headers on Polygon and Amoy, with the nonce", async () => {
    for (const chain of [137, 80002]) {
      const h = lower(await createL1Headers(signerOf(wallet), chain, 3, 1_700_000_000));
      expect(verifyL1(h, [137, 80002])).toEqual({ ok: true, address: wallet.address, nonce: 3 });
    }
  });
  it("refuses a signature by another wallet, a changed timestamp, and missing headers", async () => {
    const h = lower(await createL1Headers(signerOf(wallet), 137, 0, 1_700_000_000));
    const other = lower(await createL1Headers(signerOf(fixedWallet(8)), 137, 0, 1_700_000_000));
    expect(verifyL1({ ...h, poly_signature: other.poly_signature }, [137])).toMatchObject({ ok: false });
    expect(verifyL1({ ...h, poly_timestamp: "1700000001" }, [137])).toMatchObject({ ok: false });
    expect(verifyL1({ ...h, poly_signature: "0x1234" }, [137])).toMatchObject({ ok: false });
    const { poly_signature: _, ...missing } = h;
    const r = verifyL1(missing, [137]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/Invalid L1 Request headers/);
  });
  it("refuses a chain the exchange does not accept", async () => {
    const h = lower(await createL1Headers(signerOf(wallet), 80002, 0, 1_700_000_000));
    expect(verifyL1(h, [137]).ok).toBe(false);
  });
});

describe("L2 auth", () => {
  const wallet = fixedWallet(9);
  const keys = new ApiKeyRegistry("salt");
  const rec = keys.issue(wallet.address, 0);
  const creds = { key: rec.apiKey, secret: rec.secret, passphrase: rec.passphrase };
  const body = JSON.stringify({ orderID: "0xabc" });

  it("computes the same signature as the official client", async () => {
    const h = await createL2Headers(signerOf(wallet), creds, { method: "DELETE", requestPath: "/order", body }, 1_700_000_123);
    expect(l2Signature(rec.secret, "1700000123", "DELETE", "/order", body)).toBe(h.POLY_SIGNATURE);
  });
  it("accepts a correctly signed request and names the key", async () => {
    const h = lower(await createL2Headers(signerOf(wallet), creds, { method: "DELETE", requestPath: "/order", body }, 1_700_000_123));
    const r = verifyL2({ method: "DELETE", path: "/order", headers: h, body }, keys);
    expect(r.ok && r.key.apiKey).toBe(rec.apiKey);
  });
  it("refuses a wrong secret, a changed body or path, a wrong passphrase, an unknown key, another address", async () => {
    const good = lower(await createL2Headers(signerOf(wallet), creds, { method: "GET", requestPath: "/data/orders" }, 1_700_000_000));
    const req = { method: "GET", path: "/data/orders", headers: good, body: "" };
    expect(verifyL2(req, keys).ok).toBe(true);
    const wrongSecret = lower(
      await createL2Headers(signerOf(wallet), { ...creds, secret: Buffer.alloc(32, 1).toString("base64url") }, { method: "GET", requestPath: "/data/orders" }, 1_700_000_000),
    );
    expect(verifyL2({ ...req, headers: wrongSecret }, keys)).toMatchObject({ ok: false, error: expect.stringMatching(/POLY_SIGNATURE/) });
    expect(verifyL2({ ...req, body: "{}" }, keys).ok).toBe(false);
    expect(verifyL2({ ...req, path: "/data/trades" }, keys).ok).toBe(false);
    expect(verifyL2({ ...req, headers: { ...good, poly_passphrase: "x" } }, keys).ok).toBe(false);
    expect(verifyL2({ ...req, headers: { ...good, poly_api_key: "nope" } }, keys).ok).toBe(false);
    expect(verifyL2({ ...req, headers: { ...good, poly_address: fixedWallet(10).address } }, keys).ok).toBe(false);
    const { poly_api_key: _, ...missing } = good;
    expect(verifyL2({ ...req, headers: missing }, keys)).toMatchObject({ ok: false, error: expect.stringMatching(/Unauthorized/) });
  });
});
