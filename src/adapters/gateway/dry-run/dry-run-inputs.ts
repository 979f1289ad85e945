// What the dry-run gateway reads: books by token (MarketData and BookSet both fit), the paper account's balances, and its settings.
import type { BookView } from "../../../domain/book/order-book.js";
import type { QueueModel } from "../../../domain/fills/queue-model.js";
import type { Micro, MicroUsd } from "../../../domain/units.js";
import type { DryRunSettings } from "../../../domain/settings/dry-run.js";
import type { Store } from "../../../ports/store.js";

/** The live book of a token (read, never mutated), or null/undefined before its first snapshot. */
export interface DryRunBooks {
  book(tokenId: string): Pick<BookView, "bestBid" | "bestAsk" | "sizeAt" | "depth"> | null | undefined;
}

/** The paper account as the store holds it, read at each order (fills recorded by the store move it). */
export interface DryRunAccount {
  cash(): MicroUsd;
  shares(tokenId: string): Micro;
}

/** The paper account a store holds: its cash and positions as they stand at each read. */
export function storeAccount(store: Pick<Store, "state">): DryRunAccount {
  return { cash: () => store.state().portfolio.cash, shares: (t) => store.state().portfolio.positions[t]?.shares ?? 0 };
}

export function queueModelOf(settings: Pick<DryRunSettings, "queueModel" | "queueExponent">): QueueModel {
  return settings.queueModel === "probabilistic" ? { kind: "probabilistic", exponent: settings.queueExponent } : { kind: "risk-averse" };
}
