// Fixed-point units for prices (1e-4 $), sizes (1e-6 shares) and money (1e-6 $), with exact decimal parsing and formatting.

/** Prices are integer "pips" of $0.0001: every Polymarket tick (0.1 ... 0.0001, 0.005, 0.0025) is a whole number of pips. */
export const PRICE_SCALE = 10_000;
/** Sizes are integer micro-shares (conditional tokens have 6 decimals). */
export const SIZE_SCALE = 1_000_000;
/** Money is integer micro-dollars (USDC base units). */
export const USD_SCALE = 1_000_000;

/** A price in pips (integer). */
export type Pips = number;
/** A size in micro-shares (integer). */
export type Micro = number;
/** An amount of money in micro-dollars (integer). */
export type MicroUsd = number;

/** 10^k for the scales in use (parseFixed reads its multiplier here instead of looping). */
const POW10: readonly number[] = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Parses a non-negative decimal string ("0.53", "12", "1e-3" is rejected) into an integer count of 10^-decimals units.
 * Returns null when the text is not a plain decimal or has more precision than the scale holds (or `decimals` is not 0..15).
 */
export function parseFixed(text: string, decimals: number): number | null {
  const n = text.length;
  if (n === 0 || n > 32 || !(decimals >= 0 && decimals < POW10.length)) return null;
  let i = 0;
  let intPart = 0;
  let c = 0;
  for (; i < n; i++) {
    c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    intPart = intPart * 10 + c;
  }
  const intDigits = i;
  let frac = 0;
  let fracDigits = 0;
  if (i < n) {
    if (c !== 46 - 48 /* . */) return null;
    i++;
    if (i === n && intDigits === 0) return null; // "."
    for (; i < n; i++) {
      c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return null;
      if (fracDigits < decimals) {
        frac = frac * 10 + c;
        fracDigits++;
      } else if (c !== 0) return null; // more precision than the unit holds
    }
  }
  const out = intPart * POW10[decimals] + frac * POW10[decimals - fracDigits];
  return Number.isSafeInteger(out) ? out : null;
}

/** Formats an integer count of 10^-decimals units as a plain decimal string with no trailing zeros ("0.53", "10", "-1.5"). */
export function formatFixed(value: number, decimals: number): string {
  const neg = value < 0;
  const abs = Math.abs(value);
  let scale = 1;
  for (let d = 0; d < decimals; d++) scale *= 10;
  const whole = Math.floor(abs / scale);
  let frac = abs - whole * scale;
  let text = String(whole);
  if (frac !== 0) {
    let digits = String(frac).padStart(decimals, "0");
    let end = digits.length;
    while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
    digits = digits.slice(0, end);
    text += "." + digits;
    frac = 0;
  }
  return neg && abs !== 0 ? "-" + text : text;
}

export const parsePrice = (text: string): Pips | null => parseFixed(text, 4);
export const parseSize = (text: string): Micro | null => parseFixed(text, 6);
export const parseUsd = (text: string): MicroUsd | null => parseFixed(text, 6);
export const formatPrice = (pips: Pips): string => formatFixed(pips, 4);
export const formatSize = (micro: Micro): string => formatFixed(micro, 6);
export const formatUsd = (micro: MicroUsd): string => formatFixed(micro, 6);

/** Money in dollars rounded to cents (half away from zero, so -x reads as x with a minus sign) for display ("12.34", "-0.50"). */
export function formatCents(micro: MicroUsd): string {
  const abs = Math.round(Math.abs(micro) / 10_000);
  const neg = micro < 0 && abs !== 0;
  return (neg ? "-" : "") + Math.floor(abs / 100) + "." + String(abs % 100).padStart(2, "0");
}

/** price x size in micro-dollars, exact for sizes on a 0.01-share grid, rounded half away from zero otherwise; never overflows for realistic sizes. */
export function notional(price: Pips, size: Micro): MicroUsd {
  const q = Math.trunc(size / PRICE_SCALE);
  const r = size - q * PRICE_SCALE;
  return price * q + Math.round((price * r) / PRICE_SCALE);
}

/** The mirror of a YES price on the NO book (1 - p). */
export const mirror = (price: Pips): Pips => PRICE_SCALE - price;

/** Parses a signed money string ("-0.05", "12.3") into micro-dollars, or null when it is not a plain decimal. */
export function parseSignedUsd(text: string): MicroUsd | null {
  const negative = text.startsWith("-");
  const value = parseUsd(negative ? text.slice(1) : text);
  return value === null ? null : negative ? -value : value;
}
