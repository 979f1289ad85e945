// Hand-written field validators for parsed WebSocket JSON: each returns the typed value or throws a FieldError the parser turns into a Rejection.
import type { RejectionReason } from "../../../domain/events.js";
import type { Side } from "../../../domain/market.js";
import { PRICE_SCALE, parsePrice, parseSize, type Micro, type Pips } from "../../../domain/units.js";

export type Obj = Record<string, unknown>;

// Validators take the field's value and its name (for the message), not (object, key): callers read fields by
// constant name (`o.asset_id`), which keeps each property load monomorphic; a shared `o[key]` goes megamorphic.

/**
 * A field that failed validation; caught by parseFrame and turned into a Rejection (it never escapes the parser).
 * Deliberately not an Error: capturing a stack costs ~10 us, and a feed flooded with bad frames must stay cheap.
 */
export class FieldError {
  constructor(
    readonly reason: RejectionReason,
    readonly message: string,
  ) {}
}

export function isObject(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const show = (v: unknown): string => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 40 ? text.slice(0, 40) + "..." : text;
};

export function reqString(v: unknown, key: string): string {
  if (typeof v === "string") return v;
  if (v === undefined) throw new FieldError("missing_field", `missing "${key}"`);
  throw new FieldError("bad_field", `"${key}" is ${show(v)}, expected a string`);
}

/** A non-empty identifier (token id, condition id, order id). */
export function reqId(value: unknown, key: string): string {
  const v = reqString(value, key);
  if (v.length === 0) throw new FieldError("bad_field", `"${key}" is empty`);
  return v;
}

export function optString(v: unknown, key: string): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return v;
  throw new FieldError("bad_field", `"${key}" is ${show(v)}, expected a string`);
}

export function reqArray(v: unknown, key: string): unknown[] {
  if (Array.isArray(v)) return v;
  if (v === undefined) throw new FieldError("missing_field", `missing "${key}"`);
  throw new FieldError("bad_field", `"${key}" is ${show(v)}, expected an array`);
}

export function reqStringArray(v: unknown, key: string): string[] {
  const a = reqArray(v, key);
  for (let i = 0; i < a.length; i++) {
    if (typeof a[i] !== "string") throw new FieldError("bad_field", `"${key}"[${i}] is ${show(a[i])}, expected a string`);
  }
  return a as string[];
}

/** A price strictly inside (0, 1), exactly on the pip grid (book levels, market trades). */
export function reqPrice(v: unknown, key: string): Pips {
  const text = reqString(v, key);
  const p = parsePrice(text);
  if (p === null || p <= 0 || p >= PRICE_SCALE) throw new FieldError("bad_price", `"${key}" is ${show(text)}, expected a decimal strictly between 0 and 1 with at most 4 decimals`);
  return p;
}

/** A size >= 0, exact to the micro-share. */
export function reqSize(v: unknown, key: string): Micro {
  const text = reqString(v, key);
  const s = parseSize(text);
  if (s === null) throw new FieldError("bad_size", `"${key}" is ${show(text)}, expected a non-negative decimal with at most 6 decimals`);
  return s;
}

/**
 * Parses a plain non-negative decimal, rounding half up to `decimals` places (null if not a plain decimal).
 * Used for user-channel numbers only: the exchange reports fill prices such as "0.870000260000099"
 * (a maker price recomputed from amounts), which are our own fills and must not be dropped.
 */
export function parseRounded(text: string, decimals: number): number | null {
  const dot = text.indexOf(".");
  if (dot < 0 || text.length - dot - 1 <= decimals) {
    return decimals === 4 ? parsePrice(text) : decimals === 6 ? parseSize(text) : null;
  }
  const cut = dot + 1 + decimals;
  for (let i = cut; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const head = decimals === 4 ? parsePrice(text.slice(0, cut)) : parseSize(text.slice(0, cut));
  if (head === null) return null;
  return text.charCodeAt(cut) >= 53 /* '5' */ ? head + 1 : head;
}

/** A user-channel price, rounded to the pip, strictly inside (0, 1). */
export function reqUserPrice(v: unknown, key: string): Pips {
  const text = reqString(v, key);
  const p = parseRounded(text, 4);
  if (p === null || p <= 0 || p >= PRICE_SCALE) throw new FieldError("bad_price", `"${key}" is ${show(text)}, expected a decimal strictly between 0 and 1`);
  return p;
}

/** A user-channel size, rounded to the micro-share, >= 0. */
export function reqUserSize(v: unknown, key: string): Micro {
  const text = reqString(v, key);
  const s = parseRounded(text, 6);
  if (s === null) throw new FieldError("bad_size", `"${key}" is ${show(text)}, expected a non-negative decimal`);
  return s;
}

/** A tick size: a price strictly inside (0, 1). */
export function reqTick(v: unknown, key: string): Pips {
  const text = reqString(v, key);
  const p = parsePrice(text);
  if (p === null || p <= 0 || p >= PRICE_SCALE) throw new FieldError("bad_price", `"${key}" is ${show(text)}, expected a tick size such as "0.01"`);
  return p;
}

/**
 * A feed's best bid/ask: undefined when the field is absent, null for an empty side
 * ("", "0" or "1": the exchange reports an empty side with a bound), else the price.
 */
export function optTop(v: unknown, key: string): Pips | null | undefined {
  if (v === undefined) return undefined;
  if (v === null || v === "") return null;
  if (typeof v !== "string") throw new FieldError("bad_field", `"${key}" is ${show(v)}, expected a string`);
  const p = parsePrice(v);
  if (p === null || p > PRICE_SCALE) throw new FieldError("bad_price", `"${key}" is ${show(v)}, expected a decimal between 0 and 1`);
  return p === 0 || p === PRICE_SCALE ? null : p;
}

export function reqSide(v: unknown, key: string): Side {
  if (v === "BUY" || v === "SELL") return v;
  if (v === undefined) throw new FieldError("missing_field", `missing "${key}"`);
  throw new FieldError("bad_field", `"${key}" is ${show(v)}, expected "BUY" or "SELL"`);
}

export function optSide(v: unknown, key: string): Side | null {
  return v === undefined || v === null ? null : reqSide(v, key);
}

/** A non-negative integer sent as a decimal string (or, leniently, a JSON integer): timestamps, fee bps. */
export function reqUint(v: unknown, key: string): number {
  if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return v;
  if (typeof v === "string" && v.length > 0 && v.length <= 16) {
    let n = 0;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i) - 48;
      if (c < 0 || c > 9) throw new FieldError("bad_field", `"${key}" is ${show(v)}, expected a non-negative integer`);
      n = n * 10 + c;
    }
    return n;
  }
  if (v === undefined) throw new FieldError("missing_field", `missing "${key}"`);
  throw new FieldError("bad_field", `"${key}" is ${show(v)}, expected a non-negative integer`);
}

export function optUint(v: unknown, key: string, fallback: number): number {
  return v === undefined || v === null || v === "" ? fallback : reqUint(v, key);
}
