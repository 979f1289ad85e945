// A live session's account starts from the exchange's: ledger lines that rebase cash on its collateral balance and positions on its share balances.
import type { Outcome } from "../domain/market.js";
import type { LedgerBody } from "../domain/ledger/ledger-entry.js";
import type { Portfolio } from "../domain/accounting/portfolio.js";
import { formatPrice, formatSize, formatUsd, notional, PRICE_SCALE, SIZE_SCALE, type Micro, type Pips } from "../domain/units.js";
import type { ExchangeAccount } from "../ports/order-gateway.js";

/** A token of the markets this session trades. */
export interface AccountToken {
  tokenId: string;
  market: string;
  outcome: Outcome;
}

export interface Rebase {
  /** Ledger lines to append, in order (none when the ledger already agrees with the exchange). */
  bodies: LedgerBody[];
  /** What the rebase could not carry over, for the log. */
  notes: string[];
}

interface Kept {
  token: AccountToken;
  shares: Micro;
  price: Pips;
}

/** The ledger's average cost per share as a price on the 1e-4 grid (clamped into [1, 9999] pips). */
function avgPrice(cost: number, shares: Micro): Pips {
  const pips = Math.round((cost * SIZE_SCALE) / (shares * 100));
  return Math.min(PRICE_SCALE - 1, Math.max(1, pips));
}

/**
 * Compares the ledger's portfolio with the exchange's account. When cash or a reported share balance differs, the account
 * is opened again at the exchange's figures: an `account_opened` line, then one zero-fee BUY per position, at the
 * ledger's average cost, so that cash ends exactly at the exchange's balance. A position the exchange reports but the
 * ledger never held has no known cost: it is left out and named in the notes.
 */
export function rebaseOnExchange(p: Portfolio, account: ExchangeAccount, tokens: readonly AccountToken[], stamp: string): Rebase {
  const ours = new Map(tokens.map((t) => [t.tokenId, t]));
  const kept: Kept[] = [];
  const notes: string[] = [];
  let differs = p.cash !== account.cash;
  for (const pos of Object.values(p.positions)) {
    const reported = ours.has(pos.tokenId) ? account.shares[pos.tokenId] : undefined;
    const shares = reported ?? pos.shares;
    if (shares !== pos.shares) differs = true;
    if (shares > 0) kept.push({ token: { tokenId: pos.tokenId, market: pos.market, outcome: pos.outcome }, shares, price: avgPrice(pos.cost, pos.shares) });
  }
  for (const t of tokens) {
    const shares = account.shares[t.tokenId] ?? 0;
    if (shares > 0 && !p.positions[t.tokenId]) {
      differs = true;
      notes.push(`the exchange holds ${formatSize(shares)} shares of token ${t.tokenId} that this data dir's ledger never bought: left out of inventory (unknown cost)`);
    }
  }
  if (!differs) return { bodies: [], notes };
  const bought = kept.reduce((n, k) => n + notional(k.price, k.shares), 0);
  const bodies: LedgerBody[] = [{ type: "account_opened", cash: formatUsd(account.cash + bought) }];
  for (const k of kept) {
    bodies.push({
      type: "fill", fillId: `rebase:${stamp}:${k.token.tokenId}`, orderId: "rebase", market: k.token.market, token: k.token.tokenId, outcome: k.token.outcome,
      side: "BUY", price: formatPrice(k.price), size: formatSize(k.shares), fee: "0", liquidity: "maker",
    });
  }
  return { bodies, notes };
}
