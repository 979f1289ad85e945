// Trades of the users' orders and their settlement lifecycle: MATCHED -> MINED -> CONFIRMED, or RETRYING -> FAILED.
import { createHash } from "node:crypto";
import type { SimMatch } from "../context.js";

export type TradeStatus = "MATCHED" | "MINED" | "CONFIRMED" | "RETRYING" | "FAILED";

/** One side of a trade as the wire shows it. */
export interface TradeParty {
  orderId: string;
  /** API key, or a stable pseudo key for simulated flow. */
  owner: string;
  address: string;
  outcome: "Yes" | "No";
  /** Whether the owner is a user of the trading side (gets events, appears in /data/trades). */
  user: boolean;
}

export interface TradeRecord {
  id: string;
  match: SimMatch;
  taker: TradeParty;
  maker: TradeParty;
  status: TradeStatus;
  failing: boolean;
  /** Milliseconds. */
  matchTime: number;
  lastUpdate: number;
  transactionHash: string;
}

/** The status after `status`, or null when it is terminal. */
export function nextStatus(status: TradeStatus, failing: boolean): TradeStatus | null {
  switch (status) {
    case "MATCHED":
      return failing ? "RETRYING" : "MINED";
    case "MINED":
      return "CONFIRMED";
    case "RETRYING":
      return "FAILED";
    case "CONFIRMED":
    case "FAILED":
      return null;
  }
}

/** A stable pseudo identity for simulated (non-user) order flow. */
export function botIdentity(owner: string): { owner: string; address: string } {
  const h = createHash("sha256").update(owner).digest("hex");
  return {
    owner: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`,
    address: "0x" + h.slice(24, 64),
  };
}

export class TradeBook {
  private readonly trades = new Map<string, TradeRecord>();
  private readonly byOwner = new Map<string, string[]>();

  record(match: SimMatch, taker: TradeParty, maker: TradeParty, failing: boolean): TradeRecord {
    const t: TradeRecord = {
      id: match.tradeId,
      match,
      taker,
      maker,
      status: "MATCHED",
      failing,
      matchTime: match.ts,
      lastUpdate: match.ts,
      transactionHash: "0x" + createHash("sha256").update(`tx:${match.tradeId}`).digest("hex"),
    };
    this.trades.set(t.id, t);
    for (const p of [taker, maker]) {
      if (!p.user) continue;
      const list = this.byOwner.get(p.owner) ?? [];
      if (!list.includes(t.id)) list.push(t.id);
      this.byOwner.set(p.owner, list);
    }
    return t;
  }

  get(id: string): TradeRecord | undefined {
    return this.trades.get(id);
  }

  /** A user's trades, oldest first. */
  forOwner(owner: string): TradeRecord[] {
    return (this.byOwner.get(owner) ?? []).map((id) => this.trades.get(id)).filter((t): t is TradeRecord => t !== undefined);
  }

  /** Moves a trade to its next status; returns it, or null when it was terminal. */
  advance(id: string, now: number): TradeRecord | null {
    const t = this.trades.get(id);
    if (!t) return null;
    const next = nextStatus(t.status, t.failing);
    if (!next) return null;
    t.status = next;
    t.lastUpdate = now;
    return t;
  }
}
