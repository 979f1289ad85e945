// The dry-run account, pure: cash, positions per token (shares and cost basis), realized P&L and fees; fills, pair merges, resolution.
import type { Outcome, Side } from "../market.js";
import { notional, type Micro, type MicroUsd, type Pips } from "../units.js";
import type { OrderTerms } from "../orders/tracked-order.js";

export interface Position {
  market: string;
  tokenId: string;
  outcome: Outcome;
  shares: Micro;
  /** Total cost basis of the shares held, micro-dollars (fees are kept apart, in Portfolio.fees). */
  cost: MicroUsd;
}

export interface Portfolio {
  startingCash: MicroUsd;
  cash: MicroUsd;
  /** By token id; a position is dropped when its shares reach 0. */
  positions: Record<string, Position>;
  /** Realized P&L before fees. */
  realized: MicroUsd;
  fees: MicroUsd;
  fills: number;
  /** Traded notional, micro-dollars. */
  volume: MicroUsd;
}

export interface PortfolioFill extends OrderTerms {
  fee: MicroUsd;
}

export function emptyPortfolio(startingCash: MicroUsd): Portfolio {
  return { startingCash, cash: startingCash, positions: {}, realized: 0, fees: 0, fills: 0, volume: 0 };
}

/** Average cost per share in micro-dollars (exact cost / shares, rounded), or null when flat. */
export function avgCostOf(position: Position): MicroUsd | null {
  return position.shares > 0 ? Math.round((position.cost * 1_000_000) / position.shares) : null;
}

/** The cost basis of `size` of a position's shares: pro rata, and exactly all of it for the whole position. */
export function costOut(position: Position, size: Micro): MicroUsd {
  return size >= position.shares ? position.cost : Math.round((position.cost * size) / position.shares);
}

function withPosition(p: Portfolio, position: Position): Record<string, Position> {
  const positions = { ...p.positions };
  if (position.shares === 0) delete positions[position.tokenId];
  else positions[position.tokenId] = position;
  return positions;
}

/**
 * Applies one fill. A BUY pays price x size plus fee and adds to the cost basis; a SELL receives price x size less fee and
 * realizes proceeds minus the pro-rata cost basis. Selling more shares than held is an error (there is no shorting).
 */
export function applyFill(p: Portfolio, fill: PortfolioFill): Portfolio {
  const value = notional(fill.price, fill.size);
  const held = p.positions[fill.tokenId] ?? { market: fill.market, tokenId: fill.tokenId, outcome: fill.outcome, shares: 0, cost: 0 };
  const base = { ...p, fees: p.fees + fill.fee, fills: p.fills + 1, volume: p.volume + value };
  if (fill.side === "BUY") {
    const position = { ...held, shares: held.shares + fill.size, cost: held.cost + value };
    return { ...base, cash: p.cash - value - fill.fee, positions: withPosition(p, position) };
  }
  if (fill.size > held.shares) {
    throw new Error(`cannot sell ${fill.size} micro-shares of token ${fill.tokenId}: only ${held.shares} held (no shorting)`);
  }
  const out = costOut(held, fill.size);
  const position = { ...held, shares: held.shares - fill.size, cost: held.cost - out };
  return { ...base, cash: p.cash + value - fill.fee, realized: p.realized + value - out, positions: withPosition(p, position) };
}

/**
 * Undoes a fill that failed on chain, as if it had never happened: the fee is refunded and no P&L is made up. A BUY takes
 * its shares and exactly its notional out of the cost basis (a cost left on a flat position, or a negative one, is P&L
 * that later sells realized against it); a SELL puts its shares back at the position's average cost (exactly the cost
 * that left when nothing traded since; at the sale price when the position is now flat) and takes back what it realized.
 */
export function reverseFill(p: Portfolio, fill: PortfolioFill): Portfolio {
  const value = notional(fill.price, fill.size);
  const held = p.positions[fill.tokenId] ?? { market: fill.market, tokenId: fill.tokenId, outcome: fill.outcome, shares: 0, cost: 0 };
  const base = { ...p, fees: p.fees - fill.fee, fills: p.fills - 1, volume: p.volume - value };
  if (fill.side === "BUY") {
    if (fill.size > held.shares) {
      throw new Error(`cannot undo a BUY of ${fill.size} micro-shares of token ${fill.tokenId}: only ${held.shares} held (they were sold since)`);
    }
    const shares = held.shares - fill.size;
    const residual = held.cost - value;
    const settle = shares === 0 || residual < 0;
    const position = { ...held, shares, cost: settle ? 0 : residual };
    return { ...base, cash: p.cash + value + fill.fee, realized: settle ? p.realized - residual : p.realized, positions: withPosition(p, position) };
  }
  const back = held.shares > 0 ? Math.round((held.cost * fill.size) / held.shares) : value;
  const position = { ...held, shares: held.shares + fill.size, cost: held.cost + back };
  return { ...base, cash: p.cash - value + fill.fee, realized: p.realized - (value - back), positions: withPosition(p, position) };
}

/** Merges `size` YES+NO pairs of a market into $1 each (never automatic: the caller decides). */
export function mergePairs(p: Portfolio, yesTokenId: string, noTokenId: string, size: Micro): Portfolio {
  const yes = p.positions[yesTokenId];
  const no = p.positions[noTokenId];
  if (!yes || !no || size > yes.shares || size > no.shares) throw new Error(`cannot merge ${size} micro-pairs: not enough YES and NO shares held`);
  const out = costOut(yes, size) + costOut(no, size);
  let positions = withPosition(p, { ...yes, shares: yes.shares - size, cost: yes.cost - costOut(yes, size) });
  positions = withPosition({ ...p, positions }, { ...no, shares: no.shares - size, cost: no.cost - costOut(no, size) });
  return { ...p, cash: p.cash + size, realized: p.realized + size - out, positions };
}

/** Resolution: every position in the market closes, the winning token at $1 a share, the others at $0. */
export function applyResolution(p: Portfolio, market: string, winningTokenId: string): Portfolio {
  let next = p;
  for (const position of Object.values(p.positions)) {
    if (position.market !== market) continue;
    const payout = position.tokenId === winningTokenId ? position.shares : 0;
    const positions = withPosition(next, { ...position, shares: 0, cost: 0 });
    next = { ...next, cash: next.cash + payout, realized: next.realized + payout - position.cost, positions };
  }
  return next;
}
