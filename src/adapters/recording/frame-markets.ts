// Markets learned from a recording's frames alone (condition id, token ids, tick), for recordings without a meta line.
import { openMarket, type MarketInfo } from "../../domain/market.js";
import { SIZE_SCALE, parsePrice, type Micro, type Pips } from "../../domain/units.js";

/** What the flags say about markets a recording does not describe (as in `mm inspect`). */
export interface MarketDefaults {
  tickSize?: Pips;
  minSize?: Micro;
  negRisk?: boolean;
}

interface Seen {
  tokens: string[];
  tick: Pips | null;
  prices: Set<string>;
  /** The first token's last trade price from its opening book, when a frame shows it. */
  lastTrade: Pips | null;
}

/** Ticks from coarse to fine; a market's tick is the coarsest that every price it shows sits on. */
const TICKS: Pips[] = [1000, 100, 10, 1];

function visit(value: unknown, seen: Map<string, Seen>): void {
  if (Array.isArray(value)) {
    for (const v of value) visit(v, seen);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const o = value as Record<string, unknown>;
  if (typeof o.market !== "string" || o.market === "") return;
  let entry = seen.get(o.market);
  if (!entry) seen.set(o.market, (entry = { tokens: [], tick: null, prices: new Set(), lastTrade: null }));
  const e = entry;
  const add = (id: unknown): void => {
    if (typeof id === "string" && id !== "" && !e.tokens.includes(id)) e.tokens.push(id);
  };
  const price = (p: unknown): void => {
    if (typeof p === "string" && e.prices.size < 10_000) e.prices.add(p);
  };
  if (o.event_type === "new_market" || o.event_type === "market_resolved") return;
  add(o.asset_id);
  if (Array.isArray(o.price_changes)) for (const c of o.price_changes as Record<string, unknown>[]) {
    add(c?.asset_id);
    price(c?.price);
  }
  for (const side of [o.bids, o.asks]) if (Array.isArray(side)) for (const l of side as Record<string, unknown>[]) price(l?.price);
  if (e.tick === null && typeof o.tick_size === "string") e.tick = parsePrice(o.tick_size);
  if (e.tick === null && typeof o.old_tick_size === "string") e.tick = parsePrice(o.old_tick_size);
  if (e.lastTrade === null && e.tokens.length === 1 && typeof o.last_trade_price === "string") e.lastTrade = parsePrice(o.last_trade_price);
}

function tickOf(s: Seen): Pips {
  if (s.tick !== null && s.tick > 0) return s.tick;
  const pips = [...s.prices].map(parsePrice).filter((p): p is Pips => p !== null && p > 0);
  return TICKS.find((tick) => pips.every((p) => p % tick === 0)) ?? 1;
}

/** Learns markets from frames: one per condition id whose frames show exactly two tokens; the first token seen is taken as YES. */
export class FrameMarkets {
  private readonly seen = new Map<string, Seen>();

  add(text: string): void {
    const c = text.trimStart().charCodeAt(0);
    if (c !== 123 && c !== 91) return;
    try {
      visit(JSON.parse(text), this.seen);
    } catch {
      // Not JSON: nothing to learn.
    }
  }

  markets(defaults: MarketDefaults): MarketInfo[] {
    const out: MarketInfo[] = [];
    for (const [conditionId, s] of this.seen) {
      if (s.tokens.length !== 2) continue;
      out.push(
        openMarket({
          conditionId,
          question: `Recorded market ${conditionId.slice(0, 10)}`,
          slug: `recorded-${conditionId.slice(2, 10)}`,
          yesTokenId: s.tokens[0],
          noTokenId: s.tokens[1],
          tickSize: defaults.tickSize ?? tickOf(s),
          minSize: defaults.minSize ?? 5 * SIZE_SCALE,
          negRisk: defaults.negRisk ?? false,
        }),
      );
    }
    return out;
  }

  /** The YES token's last trade price seen in the market's opening book, or null. */
  lastTradePrice(conditionId: string): Pips | null {
    return this.seen.get(conditionId)?.lastTrade ?? null;
  }
}

