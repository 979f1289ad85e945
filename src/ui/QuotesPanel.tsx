// Our open orders on this market: outcome, side, price, size, queue ahead, age, and whether each scores for rewards.
import React from "react";
import { Text } from "ink";
import type { EngineSnapshot, OrderSnapshot } from "../engine/snapshot.js";
import type { MarketInfo } from "../domain/market.js";
import { fmtAge, fmtPrice, fmtShares } from "./format.js";
import { fitColumns, headerLine, rowLine, type Column } from "./table.js";
import { yesTermsOf } from "./ladder.js";
import { Panel } from "./Panel.js";

export interface QuotesPanelProps {
  snapshot: EngineSnapshot;
  market: MarketInfo;
  width: number;
  height: number;
}

function columns(tick: number): Column<OrderSnapshot>[] {
  return [
    { title: "out", width: 3, align: "left", priority: 0, cell: (o) => o.outcome },
    { title: "side", width: 4, align: "left", priority: 0, cell: (o) => o.side },
    { title: "price", width: 6, align: "right", priority: 0, cell: (o) => fmtPrice(o.price, tick) },
    { title: "size", width: 8, align: "right", priority: 0, cell: (o) => fmtShares(o.size - o.filled) },
    { title: "ahead", width: 8, align: "right", priority: 2, cell: (o) => (o.queueAhead === null ? "?" : fmtShares(o.queueAhead)) },
    { title: "age", width: 6, align: "right", priority: 3, cell: (o) => fmtAge(o.ageMs) },
    { title: "rwd", width: 3, align: "right", priority: 1, cell: (o) => (o.scoring ? "yes" : "no") },
    { title: "filled", width: 8, align: "right", priority: 5, cell: (o) => fmtShares(o.filled) },
    { title: "status", width: 10, align: "left", priority: 6, cell: (o) => o.status },
    { title: "id", width: 12, align: "left", priority: 7, cell: (o) => o.id },
  ];
}

export function QuotesPanel({ snapshot, market, width, height }: QuotesPanelProps): React.JSX.Element {
  const inner = width - 1;
  const cols = fitColumns(columns(market.tickSize), inner);
  // As on the ladder: highest YES-terms price first, so asks (and NO bids) sit above bids.
  const orders = snapshot.openOrders.filter((o) => o.market === market.conditionId).sort((a, b) => yesTermsOf(b).price - yesTermsOf(a).price);
  const rows = Math.max(0, height - 2);
  const note = `±${snapshot.strategy.halfSpreadTicks}t × ${fmtShares(snapshot.strategy.orderSize)}`;
  return (
    <Panel title={`Our quotes (${orders.length})`} note={note} width={width} height={height}>
      <Text color="gray" wrap="truncate">
        {headerLine(cols, inner)}
      </Text>
      {orders.length === 0 ? (
        <Text color="gray">{snapshot.paused ? "Paused: no quotes." : snapshot.risk.state === "HALTED" ? "Halted: no quotes." : "No open orders."}</Text>
      ) : (
        orders.slice(0, rows).map((o) => (
          <Text key={o.id} color={o.side === "BUY" ? "green" : "red"} wrap="truncate">
            {rowLine(cols, o, inner)}
          </Text>
        ))
      )}
    </Panel>
  );
}
