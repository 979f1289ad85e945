// The JSON-line shapes of `mm run --headless` for engine events and the engine's part of the status line (decimal strings).
import { formatPrice, formatSize, formatUsd } from "../domain/units.js";
import type { EngineEvent } from "./engine-events.js";
import type { EngineSnapshot } from "./snapshot.js";

export function eventLine(e: EngineEvent): Record<string, unknown> {
  switch (e.type) {
    case "order": {
      const line: Record<string, unknown> = {
        type: "order",
        ts: e.ts,
        action: e.action,
        id: e.id,
        market: e.market,
        token: e.token,
        outcome: e.outcome,
        side: e.side,
        price: formatPrice(e.price),
        size: formatSize(e.size),
      };
      if (e.reason !== null) line.reason = e.reason;
      return line;
    }
    case "fill": {
      const f = e.fill;
      return {
        type: "fill",
        ts: e.ts,
        id: f.id,
        orderId: f.orderId,
        market: f.market,
        token: f.tokenId,
        outcome: f.outcome,
        side: f.side,
        price: formatPrice(f.price),
        size: formatSize(f.size),
        fee: formatUsd(f.fee),
        liquidity: f.liquidity,
      };
    }
    case "risk": {
      const line: Record<string, unknown> = { type: "risk", ts: e.ts, state: e.state, reason: e.reason };
      if (e.market !== null) line.market = e.market;
      return line;
    }
  }
}

/** What the engine adds to each status line: open orders, positions, P&L and risk. */
export function engineStatus(s: EngineSnapshot): Record<string, unknown> {
  return {
    openOrders: s.openOrders.map((o) => ({ id: o.id, token: o.tokenId, outcome: o.outcome, side: o.side, price: formatPrice(o.price), size: formatSize(o.size - o.filled) })),
    positions: Object.fromEntries(s.positions.map((p) => [p.tokenId, { outcome: p.outcome, shares: formatSize(p.shares), avgCost: formatPrice(p.avgCost) }])),
    pnl: { realized: formatUsd(s.pnl.realized), unrealized: formatUsd(s.pnl.unrealized), fees: formatUsd(s.pnl.fees), total: formatUsd(s.pnl.total) },
    risk: { state: s.risk.state, reason: s.risk.reason },
  };
}
