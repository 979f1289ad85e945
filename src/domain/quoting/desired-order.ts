// What quoting asks for: one order per level and side, in the token it is placed in and that token's own price terms.
import type { Outcome, Side } from "../market.js";
import { mirror, type Micro, type MicroUsd, type Pips } from "../units.js";

export type QuoteSide = "bid" | "ask";

export interface DesiredOrder {
  tokenId: string;
  outcome: Outcome;
  side: Side;
  /** In the token's own terms (a NO order at q is a YES quote at 1 - q). */
  price: Pips;
  size: Micro;
  /** 0 is the level nearest the fair value. */
  level: number;
  /** Which side of the YES quote it makes: a BUY of NO is an ask. */
  quoteSide: QuoteSide;
}

/** Holdings per token: shares and their cost basis. */
export interface Inventory {
  yes: Micro;
  no: Micro;
  yesCost: MicroUsd;
  noCost: MicroUsd;
}

export const emptyInventory = (): Inventory => ({ yes: 0, no: 0, yesCost: 0, noCost: 0 });

/** The YES-terms price of an order (a NO price q is 1 - q). */
export const yesPrice = (order: { outcome: Outcome; price: Pips }): Pips => (order.outcome === "YES" ? order.price : mirror(order.price));
