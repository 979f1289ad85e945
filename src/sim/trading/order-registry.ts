// What the trading side knows about its users' orders beyond the matching engine: owner, funder, type, trades.
import type { Side } from "../../domain/market.js";
import type { Micro, Pips } from "../../domain/units.js";

export interface OrderMeta {
  orderId: string;
  /** API key of the owner. */
  owner: string;
  /** The funder (order.maker). */
  makerAddress: string;
  conditionId: string;
  tokenId: string;
  outcome: "Yes" | "No";
  side: Side;
  price: Pips;
  size: Micro;
  orderType: "GTC" | "GTD" | "FOK" | "FAK";
  /** Unix seconds, 0 for none. */
  expiration: number;
  /** Milliseconds. */
  createdAt: number;
  associateTrades: string[];
}

export class OrderRegistry {
  private readonly orders = new Map<string, OrderMeta>();

  add(meta: OrderMeta): void {
    this.orders.set(meta.orderId, meta);
  }

  remove(orderId: string): void {
    this.orders.delete(orderId);
  }

  get(orderId: string): OrderMeta | undefined {
    return this.orders.get(orderId);
  }

  /** A trade's first appearance on an order. */
  associate(orderId: string, tradeId: string): void {
    const m = this.orders.get(orderId);
    if (m && !m.associateTrades.includes(tradeId)) m.associateTrades.push(tradeId);
  }
}
