// Live start-up: reads the account from the exchange and appends the ledger lines that rebase ours on it (rebaseOnExchange).
import { formatUsd } from "../domain/units.js";
import type { Clock } from "../ports/clock.js";
import type { Logger } from "../ports/logger.js";
import type { OrderGateway } from "../ports/order-gateway.js";
import type { Store } from "../ports/store.js";
import { rebaseOnExchange } from "./live-account.js";
import type { MarketRun } from "./market-run.js";

export interface AccountSyncDeps {
  gateway: OrderGateway;
  store: Store;
  logger: Logger;
  clock: Clock;
}

/** True when the ledger was rebased (the risk manager's loss limits must then start from the new equity). */
export async function syncExchangeAccount(deps: AccountSyncDeps, runs: readonly MarketRun[]): Promise<boolean> {
  const { gateway, store, logger, clock } = deps;
  if (!gateway.exchangeAccount) return false;
  const account = await gateway.exchangeAccount();
  if (!account) {
    logger.warn("could not read the account from the exchange: cash and positions are the data dir's ledger until it can be reconciled");
    return false;
  }
  const tokens = runs.flatMap((r) => [
    { tokenId: r.info.yesTokenId, market: r.id, outcome: "YES" as const },
    { tokenId: r.info.noTokenId, market: r.id, outcome: "NO" as const },
  ]);
  const { bodies, notes } = rebaseOnExchange(store.state().portfolio, account, tokens, clock.now().toString(36));
  for (const n of notes) logger.warn(n);
  if (bodies.length === 0) return false;
  for (const b of bodies) store.append(b);
  logger.info(`live account rebased on the exchange's: cash ${formatUsd(account.cash)} USDC`);
  return true;
}
