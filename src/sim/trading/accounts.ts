// Collateral and shares per API key, with reservations for resting orders (BUY holds USDC, SELL holds shares).
import type { Side } from "../../domain/market.js";
import { notional, type Micro, type MicroUsd, type Pips } from "../../domain/units.js";

interface Account {
  collateral: MicroUsd;
  reservedCollateral: MicroUsd;
  shares: Map<string, Micro>;
  reservedShares: Map<string, Micro>;
}

interface Reservation {
  owner: string;
  side: Side;
  tokenId: string;
  limit: Pips;
  /** USDC (BUY) or shares (SELL) still held for this order. */
  left: number;
}

export interface CollateralView {
  balance: MicroUsd;
  reserved: MicroUsd;
  available: MicroUsd;
}

export interface SharesView {
  balance: Micro;
  reserved: Micro;
  available: Micro;
}

export type ReserveResult = { ok: true } | { ok: false; needed: number; available: number };

export class Accounts {
  private readonly accounts = new Map<string, Account>();
  private readonly reservations = new Map<string, Reservation>();

  constructor(private readonly startingCollateral: MicroUsd) {}

  /** Every new owner starts with the demo collateral. */
  private account(owner: string): Account {
    let a = this.accounts.get(owner);
    if (!a) {
      a = { collateral: this.startingCollateral, reservedCollateral: 0, shares: new Map(), reservedShares: new Map() };
      this.accounts.set(owner, a);
    }
    return a;
  }

  collateral(owner: string): CollateralView {
    const a = this.account(owner);
    return { balance: a.collateral, reserved: a.reservedCollateral, available: a.collateral - a.reservedCollateral };
  }

  shares(owner: string, tokenId: string): SharesView {
    const a = this.account(owner);
    const balance = a.shares.get(tokenId) ?? 0;
    const reserved = a.reservedShares.get(tokenId) ?? 0;
    return { balance, reserved, available: balance - reserved };
  }

  /**
   * Holds what a new order may spend: for a BUY `amount` micro-USDC (its makerAmount), for a SELL `size` shares.
   * Fails, holding nothing, when the owner's available balance is short.
   */
  reserve(orderId: string, owner: string, side: Side, tokenId: string, limit: Pips, size: Micro): ReserveResult {
    const a = this.account(owner);
    if (side === "BUY") {
      const needed = notional(limit, size);
      const available = a.collateral - a.reservedCollateral;
      if (needed > available) return { ok: false, needed, available };
      a.reservedCollateral += needed;
      this.reservations.set(orderId, { owner, side, tokenId, limit, left: needed });
    } else {
      const available = (a.shares.get(tokenId) ?? 0) - (a.reservedShares.get(tokenId) ?? 0);
      if (size > available) return { ok: false, needed: size, available };
      a.reservedShares.set(tokenId, (a.reservedShares.get(tokenId) ?? 0) + size);
      this.reservations.set(orderId, { owner, side, tokenId, limit, left: size });
    }
    return { ok: true };
  }

  /** Settles `size` of an order's fill at `price` (the price that order sees), drawing on its reservation. */
  fill(orderId: string, size: Micro, price: Pips): void {
    const r = this.reservations.get(orderId);
    if (!r) return;
    const a = this.account(r.owner);
    const cash = notional(price, size);
    if (r.side === "BUY") {
      const release = Math.min(r.left, notional(r.limit, size));
      r.left -= release;
      a.reservedCollateral -= release;
      a.collateral -= cash;
      a.shares.set(r.tokenId, (a.shares.get(r.tokenId) ?? 0) + size);
    } else {
      const release = Math.min(r.left, size);
      r.left -= release;
      a.reservedShares.set(r.tokenId, (a.reservedShares.get(r.tokenId) ?? 0) - release);
      a.shares.set(r.tokenId, (a.shares.get(r.tokenId) ?? 0) - size);
      a.collateral += cash;
    }
  }

  /** Undoes a fill (a FAILED trade): the owner gets back what it paid or the shares it sold. */
  reverse(owner: string, side: Side, tokenId: string, size: Micro, price: Pips): void {
    const a = this.account(owner);
    const cash = notional(price, size);
    const sign = side === "BUY" ? 1 : -1;
    a.collateral += sign * cash;
    a.shares.set(tokenId, (a.shares.get(tokenId) ?? 0) - sign * size);
  }

  /** Frees whatever an order still holds (it was filled, cancelled or rejected). Idempotent. */
  release(orderId: string): void {
    const r = this.reservations.get(orderId);
    if (!r) return;
    this.reservations.delete(orderId);
    const a = this.account(r.owner);
    if (r.side === "BUY") a.reservedCollateral -= r.left;
    else a.reservedShares.set(r.tokenId, (a.reservedShares.get(r.tokenId) ?? 0) - r.left);
  }

  /** Whether an order still holds a reservation. */
  holds(orderId: string): boolean {
    return this.reservations.has(orderId);
  }
}
