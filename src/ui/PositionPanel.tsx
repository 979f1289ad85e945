// Position and P&L: YES and NO shares with average cost, cash, realized, unrealized, fees, total, equity, rewards, markouts.
import React from "react";
import { Text } from "ink";
import type { EngineSnapshot } from "../engine/snapshot.js";
import type { MarketInfo } from "../domain/market.js";
import { formatPrice } from "../domain/units.js";
import { clip, fit, fmtShares, fmtSignedUsd, fmtUsd } from "./format.js";
import { sparkline } from "./sparkline.js";
import { pnlColour } from "./theme.js";
import { Panel } from "./Panel.js";

export interface PositionPanelProps {
  snapshot: EngineSnapshot;
  market: MarketInfo;
  width: number;
  height: number;
}

function markout(value: number | null): string {
  if (value === null) return "-";
  return (value > 0 ? "+" : "") + value.toFixed(1);
}

function Money({ label, value, signed = true }: { label: string; value: number; signed?: boolean }): React.JSX.Element {
  return (
    <Text>
      <Text color="gray">{label} </Text>
      <Text color={signed ? pnlColour(value) : undefined}>{signed ? fmtSignedUsd(value) : fmtUsd(value)}</Text>
    </Text>
  );
}

export function PositionPanel({ snapshot, market, width, height }: PositionPanelProps): React.JSX.Element {
  const inner = width - 1;
  const pnl = snapshot.pnl;
  const holding = (outcome: "YES" | "NO") => snapshot.positions.find((p) => p.market === market.conditionId && p.outcome === outcome);
  const side = (outcome: "YES" | "NO") => {
    const p = holding(outcome);
    return p && p.shares !== 0 ? `${outcome} ${fmtShares(p.shares)} @ ${formatPrice(p.avgCost)}` : `${outcome} 0`;
  };
  const half = Math.floor(inner / 2);
  const eq = sparkline(snapshot.equityCurve, Math.max(0, inner - 8));
  const lines: React.JSX.Element[] = [
    <Text key="pos" wrap="truncate">
      {fit(side("YES"), half) + clip(side("NO"), inner - half)}
    </Text>,
    <Text key="cash" wrap="truncate">
      <Money label="cash" value={pnl.cash} signed={false} />
      {"  "}
      <Money label="fees" value={-pnl.fees} />
    </Text>,
    <Text key="real" wrap="truncate">
      <Money label="realized" value={pnl.realized} />
      {"  "}
      <Money label="unrealized" value={pnl.unrealized} />
    </Text>,
    <Text key="total" wrap="truncate">
      <Text bold>
        <Money label="total" value={pnl.total} />
      </Text>
      {"  "}
      <Money label="equity" value={pnl.equity} signed={false} />
    </Text>,
    <Text key="eq" wrap="truncate">
      <Text color="gray">equity </Text>
      <Text color="cyan">{eq || "-"}</Text>
    </Text>,
    <Text key="rew" wrap="truncate">
      <Text color="gray">rewards </Text>~{fmtUsd(pnl.rewardPerDay)}/day
    </Text>,
    <Text key="mk" wrap="truncate">
      <Text color="gray">markout </Text>
      {`5s ${markout(pnl.markouts.s5)} 30s ${markout(pnl.markouts.s30)} 120s ${markout(pnl.markouts.s120)} pips`}
    </Text>,
  ];
  return (
    <Panel title="Position & P&L" width={width} height={height}>
      {lines.slice(0, Math.max(0, height - 1))}
    </Panel>
  );
}
