// Redaction: every spelling of a registered secret is masked in text, values and errors.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Redactor } from "../../../src/adapters/secrets/redact.js";

const KEY = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

describe("Redactor", () => {
  it("masks a hex key with or without 0x and in any case", () => {
    const r = new Redactor();
    r.add(KEY);
    const bare = KEY.slice(2);
    for (const text of [`key=${KEY}`, `k ${bare}`, `K ${bare.toUpperCase()}`]) {
      const out = r.text(text);
      expect(out).toContain("[REDACTED]");
      expect(out.toLowerCase()).not.toContain(bare);
    }
  });

  it("ignores empty and short values so ordinary text survives", () => {
    const r = new Redactor();
    r.add("", undefined, null, "abc");
    expect(r.size()).toBe(0);
    expect(r.text("abc def")).toBe("abc def");
  });

  it("redacts nested values and errors, including the stack", () => {
    const r = new Redactor();
    r.add("c2VjcmV0LXNlY3JldC1zZWNyZXQ=");
    const value = { a: ["x c2VjcmV0LXNlY3JldC1zZWNyZXQ= y"], b: { c: 1 } };
    expect(JSON.stringify(r.value(value))).not.toContain("c2VjcmV0");
    const err = r.error(new Error("bad secret c2VjcmV0LXNlY3JldC1zZWNyZXQ="));
    expect(err.message).toBe("bad secret [REDACTED]");
    expect(err.stack).not.toContain("c2VjcmV0");
  });

  it("never leaves a registered secret in any text that embeds it (property)", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8, maxLength: 40 }), fc.string(), fc.string(), (secret, pre, post) => {
        const r = new Redactor();
        r.add(secret);
        expect(r.text(pre + secret + post)).not.toContain(secret);
      }),
    );
  });
});
