// What the engine reports as it works (one `mm run` JSON line each): order lifecycle, fills and risk changes.
import type { Outcome, Side } from "../domain/market.js";
import type { Micro, Pips } from "../domain/units.js";
import type { Fill } from "../ports/order-gateway.js";
import type { RiskState } from "../domain/risk/risk-state.js";

export type OrderAction = "placed" | "acknowledged" | "cancelled" | "rejected" | "filled";

export interface OrderEventDetail {
  /** The gateway's id, null when the order never got one (rejected before placement). */
  id: string | null;
  clientId: string;
  market: string;
  token: string;
  outcome: Outcome;
  side: Side;
  price: Pips;
  size: Micro;
}

export type EngineEvent =
  | ({ type: "order"; action: OrderAction; reason: string | null; ts: number } & OrderEventDetail)
  | { type: "fill"; fill: Fill; ts: number }
  /** A change of the global risk state, or of one market's gate (then `market` is its slug). */
  | { type: "risk"; state: RiskState; reason: string | null; market: string | null; ts: number };
