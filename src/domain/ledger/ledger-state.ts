// Replaying ledger entries into account state, pure: used by recovery (entries newer than state.json), `mm repair` and the crash test.
import { applyFill, applyResolution, emptyPortfolio, reverseFill, type Portfolio, type PortfolioFill } from "../accounting/portfolio.js";
import { parsePrice, parseSize, parseUsd, type Micro, type MicroUsd, type Pips } from "../units.js";
import type { Outcome, Side } from "../market.js";
import type { LedgerEntry } from "./ledger-entry.js";
import type { OrderTerms } from "../orders/tracked-order.js";

export type RiskLatch = { state: "ACTIVE" | "REDUCING" | "HALTED"; reason: string | null };

/** An open order as the ledger knows it (acknowledged and not yet fully filled or cancelled). */
export interface TrackedOrder extends OrderTerms {
  id: string;
  clientId: string;
  filled: Micro;
  /** Modelled queue ahead (dry-run), refreshed from the gateway between ledger events. */
  queueAhead: Micro | null;
  createdAt: number;
}

export interface LedgerState {
  /** The seq of the last entry applied (0 before any). */
  lastSeq: number;
  portfolio: Portfolio;
  orders: Record<string, TrackedOrder>;
  risk: RiskLatch;
}

export function emptyLedgerState(startingCash: MicroUsd): LedgerState {
  return { lastSeq: 0, portfolio: emptyPortfolio(startingCash), orders: {}, risk: { state: "ACTIVE", reason: null } };
}

function num(text: string, parse: (t: string) => number | null, what: string, seq: number): number {
  const neg = text.startsWith("-");
  const v = parse(neg ? text.slice(1) : text);
  if (v === null) throw new Error(`ledger seq ${seq}: ${what} "${text}" is not a valid amount`);
  return neg ? -v : v;
}

type TermsEntry = Extract<LedgerEntry, { type: "fill" | "fill_reversed" | "order_acknowledged" }>;

/** An order's or fill's market, token and terms in integer units. */
function termsOf(e: TermsEntry): OrderTerms {
  return {
    market: e.market,
    tokenId: e.token,
    outcome: e.outcome,
    side: e.side,
    price: num(e.price, parsePrice, "price", e.seq),
    size: num(e.size, parseSize, "size", e.seq),
  };
}

function fillOf(e: Extract<LedgerEntry, { type: "fill" | "fill_reversed" }>): PortfolioFill {
  return { ...termsOf(e), fee: num(e.fee, parseUsd, "fee", e.seq) };
}

/** Applies one entry. Entries at or below lastSeq are already in the state and are skipped. */
export function applyEntry(state: LedgerState, e: LedgerEntry): LedgerState {
  if (e.seq <= state.lastSeq) return state;
  const next = { ...state, lastSeq: e.seq };
  switch (e.type) {
    case "account_opened": {
      const cash = num(e.cash, parseUsd, "cash", e.seq);
      return { ...next, portfolio: { ...emptyPortfolio(cash) } };
    }
    case "order_placed":
    case "order_rejected":
      return next;
    case "order_acknowledged": {
      const order: TrackedOrder = {
        id: e.orderId,
        clientId: e.clientId,
        ...termsOf(e),
        filled: num(e.filled, parseSize, "filled", e.seq),
        queueAhead: e.queueAhead === null ? null : num(e.queueAhead, parseSize, "queueAhead", e.seq),
        createdAt: Date.parse(e.ts),
      };
      return order.filled >= order.size ? next : { ...next, orders: { ...state.orders, [order.id]: order } };
    }
    case "order_cancelled": {
      const orders = { ...state.orders };
      delete orders[e.orderId];
      return { ...next, orders };
    }
    case "fill": {
      const fill = fillOf(e);
      const orders = { ...state.orders };
      const open = orders[e.orderId];
      if (open) {
        const filled = open.filled + fill.size;
        if (filled >= open.size) delete orders[e.orderId];
        else orders[e.orderId] = { ...open, filled };
      }
      return { ...next, portfolio: applyFill(state.portfolio, fill), orders };
    }
    case "fill_reversed":
      return { ...next, portfolio: reverseFill(state.portfolio, fillOf(e)) };
    case "risk":
      return { ...next, risk: { state: e.state, reason: e.reason } };
    case "resolution": {
      const orders = Object.fromEntries(Object.entries(state.orders).filter(([, o]) => o.market !== e.market));
      return { ...next, orders, portfolio: applyResolution(state.portfolio, e.market, e.winningToken) };
    }
    default:
      return assertNever(e);
  }
}

export function replayLedger(entries: readonly LedgerEntry[], from: LedgerState = emptyLedgerState(0)): LedgerState {
  let state = from;
  for (const e of entries) state = applyEntry(state, e);
  return state;
}

function assertNever(x: never): never {
  throw new Error(`unknown ledger entry ${JSON.stringify(x)}`);
}
