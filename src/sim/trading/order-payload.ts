// Decodes the body of POST /order (and each item of POST /orders) as @polymarket/clob-client-v2 sends it.
import { z } from "zod";

const uintText = z.union([z.string().regex(/^\d{1,78}$/), z.number().int().nonnegative()]).transform((v) => BigInt(v));
const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, "an 0x-prefixed 20-byte hex address");
const bytes32 = z.string().regex(/^0x[0-9a-fA-F]{64}$/, "an 0x-prefixed 32-byte hex value");

const signedOrder = z.object({
  salt: uintText,
  maker: address,
  signer: address,
  tokenId: z.string().regex(/^\d{1,78}$/, "a decimal token id"),
  makerAmount: uintText,
  takerAmount: uintText,
  side: z.enum(["BUY", "SELL"]),
  signatureType: z.number().int().min(0).max(3),
  timestamp: uintText,
  expiration: uintText.optional().default(0n),
  metadata: bytes32,
  builder: bytes32,
  signature: z.string().regex(/^0x[0-9a-fA-F]+$/, "a hex signature"),
});

const postOrderBody = z.object({
  order: signedOrder,
  owner: z.string().min(1),
  orderType: z.enum(["GTC", "GTD", "FOK", "FAK"]).optional().default("GTC"),
  postOnly: z.boolean().optional().default(false),
  deferExec: z.boolean().optional().default(false),
});

export type SignedOrderV2 = z.output<typeof signedOrder>;
export type PostOrderBody = z.output<typeof postOrderBody>;

export type Decoded<T> = { ok: true; value: T } | { ok: false; error: string };

function explain(err: z.ZodError): string {
  const first = err.issues[0];
  const where = first && first.path.length > 0 ? first.path.join(".") : "body";
  return `Invalid order payload: ${where}: ${first?.message ?? "malformed"}`;
}

export function decodePostOrder(value: unknown): Decoded<PostOrderBody> {
  const r = postOrderBody.safeParse(value);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: explain(r.error) };
}

/** Parses a JSON body text; null when it is not JSON. */
export function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
