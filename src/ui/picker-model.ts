// The market picker's pure logic: search, filter, sort, the row figures and the scroll window.
import type { MarketInfo } from "../domain/market.js";
import type { Pips } from "../domain/units.js";

export type PickerSort = "volume" | "liquidity" | "spread" | "rewards" | "ending";
export type PickerFilter = "all" | "rewarded" | "not-ending" | "rewarded-not-ending";

export const SORTS: readonly PickerSort[] = ["volume", "liquidity", "spread", "rewards", "ending"];
export const FILTERS: readonly PickerFilter[] = ["all", "rewarded", "not-ending", "rewarded-not-ending"];

const DAY_MS = 24 * 60 * 60 * 1000;

export function sortLabel(sort: PickerSort): string {
  switch (sort) {
    case "volume":
      return "24h volume";
    case "liquidity":
      return "liquidity";
    case "spread":
      return "tightest spread";
    case "rewards":
      return "rewards $/day";
    case "ending":
      return "ending soon";
  }
}

export function filterLabel(filter: PickerFilter): string {
  switch (filter) {
    case "all":
      return "all markets";
    case "rewarded":
      return "rewarded only";
    case "not-ending":
      return "hide ending <24h";
    case "rewarded-not-ending":
      return "rewarded, hide ending <24h";
  }
}

export function nextSort(sort: PickerSort): PickerSort {
  return SORTS[(SORTS.indexOf(sort) + 1) % SORTS.length];
}

export function nextFilter(filter: PickerFilter): PickerFilter {
  return FILTERS[(FILTERS.indexOf(filter) + 1) % FILTERS.length];
}

/** Midpoint in pips (may be a half pip) from Gamma's best bid/ask, null when a side is missing. */
export function marketMid(m: MarketInfo): number | null {
  return m.bestBid !== null && m.bestAsk !== null ? (m.bestBid + m.bestAsk) / 2 : null;
}

export function marketSpread(m: MarketInfo): Pips | null {
  return m.bestBid !== null && m.bestAsk !== null ? m.bestAsk - m.bestBid : null;
}

/** The daily reward pool in micro-dollars, 0 when the market pays none. */
export function rewardPerDay(m: MarketInfo): number {
  return m.rewards?.dailyRate ?? 0;
}

function endMs(m: MarketInfo): number | null {
  if (m.endDate === null) return null;
  const t = Date.parse(m.endDate);
  return Number.isNaN(t) ? null : t;
}

/** True when every whitespace-separated word of the query occurs (case-insensitively) in the question or slug. */
export function matchesSearch(m: MarketInfo, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return true;
  const hay = (m.question + " " + m.slug).toLowerCase();
  return words.every((w) => hay.includes(w));
}

export function passesFilter(m: MarketInfo, filter: PickerFilter, now: number): boolean {
  const rewardedOk = filter === "rewarded" || filter === "rewarded-not-ending" ? rewardPerDay(m) > 0 : true;
  if (!rewardedOk) return false;
  if (filter === "not-ending" || filter === "rewarded-not-ending") {
    const end = endMs(m);
    if (end !== null && end - now < DAY_MS) return false;
  }
  return true;
}

/** Compares two markets for a sort; ties (and missing figures, which go last) fall back to the question. */
export function compareMarkets(a: MarketInfo, b: MarketInfo, sort: PickerSort): number {
  const primary = ((): number => {
    switch (sort) {
      case "volume":
        return b.volume24h - a.volume24h;
      case "liquidity":
        return b.liquidity - a.liquidity;
      case "rewards":
        return rewardPerDay(b) - rewardPerDay(a);
      case "spread":
        return nullsLast(marketSpread(a), marketSpread(b));
      case "ending":
        return nullsLast(endMs(a), endMs(b));
    }
  })();
  return primary !== 0 ? primary : a.question.localeCompare(b.question);
}

function nullsLast(a: number | null, b: number | null): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

export interface PickerView {
  query: string;
  sort: PickerSort;
  filter: PickerFilter;
  /** Time for "ending within 24 h", ms. */
  now: number;
}

/** The markets the picker shows, in order: searched, filtered, sorted. Never mutates its input. */
export function visibleMarkets(markets: readonly MarketInfo[], view: PickerView): MarketInfo[] {
  return markets
    .filter((m) => passesFilter(m, view.filter, view.now) && matchesSearch(m, view.query))
    .sort((a, b) => compareMarkets(a, b, view.sort));
}

/** The first row to show so that `selected` is visible in a window of `height` rows over `count` rows. */
export function scrollTop(selected: number, count: number, height: number, previousTop = 0): number {
  if (height <= 0 || count <= height) return 0;
  let top = Math.min(previousTop, count - height);
  if (selected < top) top = selected;
  if (selected >= top + height) top = selected - height + 1;
  return Math.max(0, top);
}

/** Moves a selection by `delta`, clamped to [0, count - 1] (0 when the list is empty). */
export function moveSelection(selected: number, delta: number, count: number): number {
  if (count === 0) return 0;
  return Math.min(count - 1, Math.max(0, selected + delta));
}
