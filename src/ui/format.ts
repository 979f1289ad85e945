// Display formatting for the TUI: prices on the tick's grid, shares, dollars, ages, dates, and fixed-width cells.
import { PRICE_SCALE, type Micro, type MicroUsd, type Pips } from "../domain/units.js";

/** Decimal places a price needs on a given tick (0.01 -> 2, 0.001 -> 3, 0.005 -> 3, 0.0025 -> 4). */
export function decimalsForTick(tick: Pips): number {
  if (tick % 100 === 0) return 2;
  if (tick % 10 === 0) return 3;
  return 4;
}

/** A price as a decimal on its tick's grid ("0.53", "0.535"); "-" when absent. */
export function fmtPrice(price: Pips | null, tick: Pips = 1): string {
  if (price === null) return "-";
  return (price / PRICE_SCALE).toFixed(decimalsForTick(tick));
}

/** A midpoint (may be a half pip) with one more decimal than the tick needs, trailing zeros kept for alignment. */
export function fmtMid(mid: number | null, tick: Pips = 1): string {
  if (mid === null) return "-";
  return (mid / PRICE_SCALE).toFixed(Math.min(4, decimalsForTick(tick) + 1));
}

/** Shares rounded to 2 decimals, no trailing zeros, with thousands separators ("1,234.5"). */
export function fmtShares(size: Micro): string {
  const hundredths = Math.round(size / 10_000);
  const neg = hundredths < 0;
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100).toLocaleString("en-US");
  const frac = abs % 100;
  const fracText = frac === 0 ? "" : "." + String(frac).padStart(2, "0").replace(/0$/, "");
  return (neg ? "-" : "") + whole + fracText;
}

/** Money to the cent with a sign and thousands separators ("$1,234.56", "-$0.50"). */
export function fmtUsd(micro: MicroUsd): string {
  const cents = Math.round(micro / 10_000);
  const neg = cents < 0;
  const abs = Math.abs(cents);
  return (neg ? "-" : "") + "$" + Math.floor(abs / 100).toLocaleString("en-US") + "." + String(abs % 100).padStart(2, "0");
}

/** A signed money amount: "+$1.20", "-$0.50", "$0.00". */
export function fmtSignedUsd(micro: MicroUsd): string {
  const text = fmtUsd(micro);
  return Math.round(micro / 10_000) > 0 ? "+" + text : text;
}

/** A dollar figure (Gamma's floats) in a short form: "$950", "$12.3k", "$4.1M". */
export function fmtCompactUsd(dollars: number): string {
  const abs = Math.abs(dollars);
  const sign = dollars < 0 ? "-" : "";
  if (abs >= 1e9) return `${sign}$${(abs / 1e9).toFixed(1)}B`;
  if (abs >= 1e6) return `${sign}$${(abs / 1e6).toFixed(1)}M`;
  if (abs >= 1e4) return `${sign}$${(abs / 1e3).toFixed(0)}k`;
  if (abs >= 1e3) return `${sign}$${(abs / 1e3).toFixed(1)}k`;
  return `${sign}$${abs.toFixed(0)}`;
}

/** A duration in the largest two units: "850ms", "12s", "3m05s", "2h04m", "3d05h"; whole days from 10 days ("45d"). */
export function fmtAge(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, "0")}s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h${String(m % 60).padStart(2, "0")}m`;
  const d = Math.floor(h / 24);
  return d >= 10 ? `${d}d` : `${d}d${String(h % 24).padStart(2, "0")}h`;
}

/** Time left until an ISO end date, relative to `now` (ms): "5h12m", "12d03h", "ended", "-" when none or unparseable. */
export function fmtEndsIn(endDate: string | null, now: number): string {
  if (endDate === null) return "-";
  const end = Date.parse(endDate);
  if (Number.isNaN(end)) return "-";
  if (end <= now) return "ended";
  return fmtAge(end - now);
}

/** Wall-clock time of a timestamp in UTC, "HH:MM:SS". */
export function fmtClock(ts: number): string {
  return new Date(ts).toISOString().slice(11, 19);
}

/** A delay in ms, "-" when unknown. */
export function fmtDelay(ms: number | null): string {
  return ms === null ? "-" : `${Math.round(ms)}ms`;
}

/** At most `width` characters, cut with an ellipsis; never padded (line ends: trailing blanks cost render time). */
export function clip(text: string, width: number): string {
  if (width <= 0) return "";
  const chars = Array.from(text);
  return chars.length > width ? (width === 1 ? "…" : chars.slice(0, width - 1).join("") + "…") : text;
}

/** Exactly `width` characters: truncated with an ellipsis, or padded on the right (left when align is "right"). */
export function fit(text: string, width: number, align: "left" | "right" = "left"): string {
  if (width <= 0) return "";
  const chars = Array.from(text);
  if (chars.length > width) return width === 1 ? "…" : chars.slice(0, width - 1).join("") + "…";
  const pad = " ".repeat(width - chars.length);
  return align === "left" ? text + pad : pad + text;
}
