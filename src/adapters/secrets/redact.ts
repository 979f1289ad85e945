// Redaction of secrets (private key, API secret, passphrase) from any text, value or error before it leaves the process.

const MASK = "[REDACTED]";
/** Shorter strings are never treated as secrets (they would mask ordinary text). */
const MIN_SECRET_LENGTH = 8;

/** The spellings under which a secret may show up: as given, without a 0x prefix, in either letter case. */
function variants(secret: string): string[] {
  const bare = secret.startsWith("0x") || secret.startsWith("0X") ? secret.slice(2) : secret;
  const out = new Set([secret, bare]);
  if (/^[0-9a-fA-F]+$/.test(bare)) {
    out.add(bare.toLowerCase());
    out.add(bare.toUpperCase());
  }
  return [...out].filter((s) => s.length >= MIN_SECRET_LENGTH);
}

export class Redactor {
  private secrets: string[] = [];

  /** Registers secrets; empty or short values are ignored. */
  add(...secrets: (string | null | undefined)[]): void {
    for (const s of secrets) {
      if (!s) continue;
      for (const v of variants(s)) if (!this.secrets.includes(v)) this.secrets.push(v);
    }
    // Longest first, so a secret that contains another is masked whole.
    this.secrets.sort((a, b) => b.length - a.length);
  }

  size(): number {
    return this.secrets.length;
  }

  text(text: string): string {
    let out = text;
    for (const s of this.secrets) if (out.includes(s)) out = out.split(s).join(MASK);
    return out;
  }

  /** A deep copy of a JSON-like value with every string redacted (cycles become "[Circular]"). */
  value(value: unknown): unknown {
    const seen = new WeakSet<object>();
    const walk = (v: unknown): unknown => {
      if (typeof v === "string") return this.text(v);
      if (v === null || typeof v !== "object") return v;
      if (seen.has(v)) return "[Circular]";
      seen.add(v);
      if (v instanceof Error) return this.text(v.message);
      if (Array.isArray(v)) return v.map(walk);
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    };
    return walk(value);
  }

  /** An error safe to print: the same message and stack with every secret masked. */
  error(err: unknown): Error {
    const message = this.text(err instanceof Error ? err.message : String(err));
    const safe = new Error(message);
    safe.stack = err instanceof Error && err.stack ? this.text(err.stack) : `Error: ${message}`;
    return safe;
  }
}

/** The process-wide redactor: credential loading registers the secrets here; logs and error output pass through it. */
export const redactor = new Redactor();
