// The order book ladder in YES prices (NO as the mirror), our orders marked, depth bars, the top, and the price history.
import React from "react";
import { Text } from "ink";
import type { MarketSnapshot, OrderSnapshot } from "../engine/snapshot.js";
import { mirror } from "../domain/units.js";
import { buildLadder, type LadderRow } from "./ladder.js";
import { clip, fit, fmtMid, fmtPrice, fmtShares } from "./format.js";
import { depthBar, sparkline } from "./sparkline.js";
import { Panel } from "./Panel.js";

export interface BookPanelProps {
  market: MarketSnapshot | undefined;
  orders: readonly OrderSnapshot[];
  width: number;
  height: number;
  depth: number;
  showDescription: boolean;
}

const OURS_W = 9;
const PRICE_W = 6;
const SIZE_W = 10;

function LadderLine({ row, tick, maxSize, width }: { row: LadderRow | null; tick: number; maxSize: number; width: number }): React.JSX.Element {
  if (!row) return <Text>{" "}</Text>;
  const barWidth = Math.max(0, width - OURS_W - PRICE_W * 2 - SIZE_W - 4);
  const ours = fit(row.ours > 0 ? `me ${fmtShares(row.ours)}` : "", OURS_W, "right");
  const colour = row.side === "bid" ? "green" : "red";
  return (
    <Text wrap="truncate">
      <Text bold color="yellow">
        {ours}
      </Text>
      <Text bold={row.ours > 0} color={colour}>
        {" " + fit(fmtPrice(row.price, tick), PRICE_W, "right")}
      </Text>
      <Text color="gray">{" " + fit(fmtPrice(mirror(row.price), tick), PRICE_W, "right")}</Text>
      {" " + fit(row.size > 0 ? fmtShares(row.size) : "", SIZE_W, "right")}
      {row.size > 0 ? <Text color={colour}>{" " + depthBar(row.size, maxSize, barWidth)}</Text> : null}
    </Text>
  );
}

function wrapText(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\n+/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter((w) => w.length > 0)) {
      if (line.length > 0 && line.length + 1 + word.length > width) {
        out.push(line);
        line = "";
      }
      line = line.length > 0 ? line + " " + word : word;
    }
    if (line.length > 0) out.push(line);
    if (out.length >= lines) break;
  }
  return out.slice(0, lines);
}

export function BookPanel({ market, orders, width, height, depth, showDescription }: BookPanelProps): React.JSX.Element {
  const inner = width - 1;
  if (!market) {
    return (
      <Panel title="Book" width={width} height={height}>
        <Text color="gray">Waiting for the book…</Text>
      </Panel>
    );
  }
  const tick = market.info.tickSize;
  const top = `bid ${fmtPrice(market.bestBid, tick)}  ask ${fmtPrice(market.bestAsk, tick)}`;
  if (showDescription) {
    const text = market.info.description.trim() || "This market has no description.";
    return (
      <Panel title="Description" note="d closes" width={width} height={height}>
        {wrapText(text, inner, height - 1).map((line, i) => (
          <Text key={i} wrap="truncate">
            {line}
          </Text>
        ))}
      </Panel>
    );
  }
  const ladder = buildLadder(market, orders, depth);
  const askRows: (LadderRow | null)[] = [...Array<null>(Math.max(0, depth - ladder.asks.length)).fill(null), ...ladder.asks];
  const bidRows: (LadderRow | null)[] = [...ladder.bids, ...Array<null>(Math.max(0, depth - ladder.bids.length)).fill(null)];
  const spreadTicks = market.spread !== null ? Math.round(market.spread / tick) : null;
  const middle = `spread ${fmtPrice(market.spread, tick)}${spreadTicks !== null ? ` (${spreadTicks}t)` : ""}  mid ${fmtMid(market.midpoint, tick)}  last ${fmtPrice(market.lastTradePrice, tick)}`;
  const history = market.priceHistory;
  const histLabel = history.length > 0 ? ` ${history[history.length - 1].toFixed(3)}` : " no history yet";
  const spark = sparkline(history, Math.max(0, inner - 5 - histLabel.length));
  return (
    <Panel title="Book" note={top} width={width} height={height}>
      <Text color="gray" wrap="truncate">
        {clip(fit("ours", OURS_W, "right") + " " + fit("YES", PRICE_W, "right") + " " + fit("NO", PRICE_W, "right") + " " + fit("size", SIZE_W, "right"), inner)}
      </Text>
      {askRows.map((row, i) => (
        <LadderLine key={`a${i}`} row={row} tick={tick} maxSize={ladder.maxSize} width={inner} />
      ))}
      <Text color={market.quotable.ok ? "white" : "yellow"} wrap="truncate">
        {clip(market.quotable.ok ? " " + middle : ` not quotable: ${market.quotable.reason ?? "book not ready"}`, inner)}
      </Text>
      {bidRows.map((row, i) => (
        <LadderLine key={`b${i}`} row={row} tick={tick} maxSize={ladder.maxSize} width={inner} />
      ))}
      <Text wrap="truncate">
        <Text color="gray">hist </Text>
        <Text color="cyan">{spark}</Text>
        <Text color="gray">{histLabel}</Text>
      </Text>
    </Panel>
  );
}
