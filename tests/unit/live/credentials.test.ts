// Credential parsing: clear errors that never echo a secret, signature types, funder rules, all-or-none API creds.
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEnv, parseCredentials, parseSignatureType } from "../../../src/adapters/secrets/credentials.js";
import { redactor } from "../../../src/adapters/secrets/redact.js";

const KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
const FUNDER = "0x1111111111111111111111111111111111111111";

describe("parseCredentials", () => {
  it("reads an EOA setup and registers the secrets for redaction", () => {
    const c = parseCredentials({ PRIVATE_KEY: KEY, CLOB_API_KEY: "k-1", CLOB_SECRET: "c2VjcmV0c2VjcmV0", CLOB_PASSPHRASE: "passphrase-1" });
    expect(c.signatureType).toBe("EOA");
    expect(c.funderAddress).toBeNull();
    expect(c.api).toEqual({ key: "k-1", secret: "c2VjcmV0c2VjcmV0", passphrase: "passphrase-1" });
    expect(redactor.text(`${KEY} c2VjcmV0c2VjcmV0 passphrase-1`)).toBe("[REDACTED] [REDACTED] [REDACTED]");
  });

  it("adds 0x to a bare key", () => {
    expect(parseCredentials({ PRIVATE_KEY: KEY.slice(2) }).privateKey).toBe(KEY);
  });

  it("refuses a malformed key without printing it", () => {
    const bad = "0xdeadbeefdeadbeefdeadbeef";
    expect(() => parseCredentials({ PRIVATE_KEY: bad })).toThrow(/not a private key.*26 characters/);
    try {
      parseCredentials({ PRIVATE_KEY: bad });
    } catch (err) {
      expect((err as Error).message).not.toContain("deadbeef");
    }
    expect(() => parseCredentials({})).toThrow(/PRIVATE_KEY is not set/);
  });

  it("needs a funder address for proxy and Safe accounts", () => {
    expect(() => parseCredentials({ PRIVATE_KEY: KEY, SIGNATURE_TYPE: "proxy" })).toThrow(/needs FUNDER_ADDRESS/);
    const c = parseCredentials({ PRIVATE_KEY: KEY, SIGNATURE_TYPE: "2", FUNDER_ADDRESS: FUNDER });
    expect(c).toMatchObject({ signatureType: "POLY_GNOSIS_SAFE", funderAddress: FUNDER });
    expect(() => parseCredentials({ PRIVATE_KEY: KEY, FUNDER_ADDRESS: "0x12" })).toThrow(/not an address/);
  });

  it("wants all three API credentials or none", () => {
    expect(() => parseCredentials({ PRIVATE_KEY: KEY, CLOB_API_KEY: "k" })).toThrow(/CLOB_SECRET, CLOB_PASSPHRASE are missing.*mm keys/);
    expect(parseCredentials({ PRIVATE_KEY: KEY }).api).toBeNull();
  });
});

describe("parseSignatureType", () => {
  it("accepts names and numbers", () => {
    expect(parseSignatureType(undefined)).toBe("EOA");
    expect(parseSignatureType("eoa")).toBe("EOA");
    expect(parseSignatureType("1")).toBe("POLY_PROXY");
    expect(parseSignatureType("POLY_PROXY")).toBe("POLY_PROXY");
    expect(parseSignatureType("gnosis-safe")).toBe("POLY_GNOSIS_SAFE");
    expect(() => parseSignatureType("ledger")).toThrow(/EOA \(0\).*proxy \(1\).*safe \(2\)/);
  });
});

describe("loadEnv", () => {
  it("reads .env and lets the environment win", () => {
    const dir = mkdtempSync(join(tmpdir(), "mm-env-"));
    writeFileSync(join(dir, ".env"), "PRIVATE_KEY=fromfile\nSIGNATURE_TYPE=proxy\n");
    const loaded = loadEnv({ cwd: dir, env: { SIGNATURE_TYPE: "safe" } });
    expect(loaded.file).toBe(join(dir, ".env"));
    expect(loaded.values.PRIVATE_KEY).toBe("fromfile");
    expect(loaded.values.SIGNATURE_TYPE).toBe("safe");
    expect(loadEnv({ cwd: join(dir, "none"), env: {} }).file).toBeNull();
  });
});
