// Where market metadata comes from (Gamma and the CLOB's REST, or the embedded exchange).
import type { MarketInfo } from "../domain/market.js";

export interface MarketQuery {
  limit?: number;
  offset?: number;
  /** Include closed markets (default false). */
  closed?: boolean;
  order?: string;
  ascending?: boolean;
}

export interface MarketCatalog {
  /** Open markets that take orders, as shown in the picker. */
  list(query?: MarketQuery): Promise<MarketInfo[]>;
  /** A market by slug, condition id or token id; rejects with a clear message when none matches. */
  resolve(ref: string): Promise<MarketInfo>;
}
