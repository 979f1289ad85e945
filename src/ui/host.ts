// What the TUI needs from the command that starts it: markets, an engine per market, and a safe way out (the CLI implements it).
import type { MarketInfo } from "../domain/market.js";
import type { EngineHandle } from "../engine/snapshot.js";

export interface DashboardHost {
  /** Where data comes from, in words for the loading and error screens. */
  source(): string;
  /** Markets for the picker; rejects with an error that names the host when the endpoint cannot be reached. */
  listMarkets(): Promise<MarketInfo[]>;
  /** A market by slug, condition id or token id (`--market X`). */
  resolveMarket(ref: string): Promise<MarketInfo>;
  /** Starts the engine on a market and returns its handle. */
  openMarket(market: MarketInfo): Promise<EngineHandle>;
  /** Pulls our quotes and stops the engine (back to the picker). */
  closeMarket(): Promise<void>;
  /** Switches to the embedded offline exchange (offered when the endpoints cannot be reached). */
  startDemo(): Promise<void>;
  /** Cancels every order and flushes state; resolves when it is safe to exit. */
  shutdown(): Promise<void>;
  /** A second Ctrl+C while shutting down: exit as soon as the cancels have been sent. */
  forceExit(): void;
}
