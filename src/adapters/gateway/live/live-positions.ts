// Pure live positions and cash from our fills: CONFIRMED ones are settled, MATCHED ones are pending; and the check against the exchange's balance.
import type { Fill } from "../../../ports/order-gateway.js";
import type { Micro, MicroUsd } from "../../../domain/units.js";
import { formatCents, notional } from "../../../domain/units.js";

export interface LivePosition {
  tokenId: string;
  market: string;
  outcome: Fill["outcome"];
  /** Shares from confirmed fills. */
  shares: Micro;
  /** Shares from fills still MATCHED (not yet on chain). */
  pendingShares: Micro;
}

export interface LiveAccount {
  positions: LivePosition[];
  /** Cash moved by confirmed fills (buys negative, sells positive, fees negative). */
  cashFlow: MicroUsd;
  pendingCashFlow: MicroUsd;
  pendingFills: number;
}

function cashOf(f: Fill): MicroUsd {
  const gross = notional(f.price, f.size);
  return (f.side === "BUY" ? -gross : gross) - f.fee;
}

export function liveAccount(fills: readonly Fill[]): LiveAccount {
  const byToken = new Map<string, LivePosition>();
  let cashFlow = 0;
  let pendingCashFlow = 0;
  let pendingFills = 0;
  for (const f of fills) {
    let p = byToken.get(f.tokenId);
    if (!p) byToken.set(f.tokenId, (p = { tokenId: f.tokenId, market: f.market, outcome: f.outcome, shares: 0, pendingShares: 0 }));
    const signed = f.side === "BUY" ? f.size : -f.size;
    if (f.status === "CONFIRMED") {
      p.shares += signed;
      cashFlow += cashOf(f);
    } else {
      p.pendingShares += signed;
      pendingCashFlow += cashOf(f);
      pendingFills++;
    }
  }
  return { positions: [...byToken.values()], cashFlow, pendingCashFlow, pendingFills };
}

export type BalanceCheck = { ok: true; detail: string } | { ok: false; detail: string };

/**
 * Compares the exchange's collateral balance with what our fills imply since the session began. Exchanges differ on
 * when a trade moves the balance (at match or on chain), so either expectation is accepted; anything else is reported.
 */
export function checkBalance(startBalance: MicroUsd, account: LiveAccount, exchangeBalance: MicroUsd): BalanceCheck {
  const settled = startBalance + account.cashFlow;
  const withPending = settled + account.pendingCashFlow;
  const near = (a: number, b: number) => Math.abs(a - b) <= 10_000; // a cent of rounding
  if (near(exchangeBalance, settled) || near(exchangeBalance, withPending)) return { ok: true, detail: `balance $${formatCents(exchangeBalance)} matches our fills` };
  return { ok: false, detail: `balance $${formatCents(exchangeBalance)}, but our fills imply $${formatCents(settled)} (or $${formatCents(withPending)} with ${account.pendingFills} pending): another client may be trading this account` };
}
