// The read-only part of an order book that quoting needs (src/domain/book/order-book.ts satisfies it).
import type { Micro, Pips } from "../units.js";

export interface QuoteBook {
  readonly tickSize: Pips;
  readonly synced: boolean;
  bestBid(): Pips | null;
  bestAsk(): Pips | null;
  /** May be a half pip. */
  midpoint(): number | null;
  microprice(): number | null;
  /** Midpoint of the best levels of at least minSize. */
  sizeAdjustedMidpoint(minSize: Micro): number | null;
}
