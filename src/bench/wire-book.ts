// One token's book as the traffic generator keeps it: levels in wire order with cached JSON text, so every frame carries the exact hash cheaply.
import { hash } from "node:crypto";
import type { Side } from "../domain/market.js";
import { formatPrice, formatSize, type Micro, type Pips } from "../domain/units.js";

/** The market metadata Polymarket's book hash covers, as the exchange writes it. */
export interface WireBookMeta {
  market: string;
  assetId: string;
  minOrderSize: string;
  tickSize: string;
  negRisk: boolean;
}

/** Index of the first element of `arr` (sorted ascending or descending) that does not come before `price`. */
function lowerBound(arr: number[], price: number, ascending: boolean): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ascending ? arr[mid] < price : arr[mid] > price) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

class WireSide {
  /** Prices in wire order: bids ascending, asks descending, so the best price is last. */
  readonly prices: number[] = [];
  readonly sizes = new Map<Pips, Micro>();
  private readonly texts = new Map<Pips, string>();
  private json: string | null = "[]";

  constructor(private readonly ascending: boolean) {}

  best(): Pips | null {
    return this.prices.length === 0 ? null : this.prices[this.prices.length - 1];
  }

  set(price: Pips, size: Micro): void {
    const at = lowerBound(this.prices, price, this.ascending);
    const present = at < this.prices.length && this.prices[at] === price;
    if (size === 0) {
      if (!present) return;
      this.prices.splice(at, 1);
      this.sizes.delete(price);
      this.texts.delete(price);
    } else {
      if (!present) this.prices.splice(at, 0, price);
      this.sizes.set(price, size);
      this.texts.set(price, `{"price":"${formatPrice(price)}","size":"${formatSize(size)}"}`);
    }
    this.json = null;
  }

  /** The side as sent on the wire: `[{"price":"0.52","size":"10"},...]`, best last. */
  text(): string {
    if (this.json !== null) return this.json;
    let out = "[";
    for (let i = 0; i < this.prices.length; i++) out += (i === 0 ? "" : ",") + this.texts.get(this.prices[i]);
    this.json = out + "]";
    return this.json;
  }
}

export class WireBook {
  private readonly bids = new WireSide(true);
  private readonly asks = new WireSide(false);

  constructor(readonly meta: WireBookMeta) {}

  bestBid(): Pips | null {
    return this.bids.best();
  }

  bestAsk(): Pips | null {
    return this.asks.best();
  }

  levelCount(side: Side): number {
    return (side === "BUY" ? this.bids : this.asks).prices.length;
  }

  /** The price `k` levels from the top of a side (0 is the best), or null past the last level. */
  levelFromTop(side: Side, k: number): Pips | null {
    const prices = (side === "BUY" ? this.bids : this.asks).prices;
    return k < prices.length ? prices[prices.length - 1 - k] : null;
  }

  sizeAt(side: Side, price: Pips): Micro {
    return (side === "BUY" ? this.bids : this.asks).sizes.get(price) ?? 0;
  }

  /** Sets a level to its new total size (0 removes it). */
  set(side: Side, price: Pips, size: Micro): void {
    (side === "BUY" ? this.bids : this.asks).set(price, size);
  }

  bidsText(): string {
    return this.bids.text();
  }

  asksText(): string {
    return this.asks.text();
  }

  /** SHA-1 of the compact JSON Polymarket hashes (POLYMARKET.md section 2) for this book at `timestamp`. */
  hash(timestamp: string, lastTradePrice: string): string {
    const m = this.meta;
    const text =
      `{"market":"${m.market}","asset_id":"${m.assetId}","timestamp":"${timestamp}","hash":"","bids":${this.bids.text()},"asks":${this.asks.text()}` +
      `,"min_order_size":"${m.minOrderSize}","tick_size":"${m.tickSize}","neg_risk":${m.negRisk ? "true" : "false"},"last_trade_price":"${lastTradePrice}"}`;
    return hash("sha1", text, "hex");
  }
}
