// Risk: ACTIVE / REDUCING / HALTED with its reason, and each limit's usage as a bar (the most used first).
import React from "react";
import { Text } from "ink";
import type { RiskSnapshot } from "../engine/snapshot.js";
import { fit } from "./format.js";
import { usageBar } from "./sparkline.js";
import { riskColour, usageColour } from "./theme.js";
import { Panel } from "./Panel.js";

export interface RiskPanelProps {
  risk: RiskSnapshot;
  width: number;
  height: number;
}

function num(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString("en-US") : value.toFixed(Math.abs(value) < 10 ? 2 : 1);
}

/** "$12/$100", "95/100 sh", "12%/50%", "30/120/min". */
export function limitFigure(used: number, limit: number, unit: string): string {
  switch (unit) {
    case "$":
      return `$${num(used)}/$${num(limit)}`;
    case "%":
      return `${num(used)}%/${num(limit)}%`;
    case "shares":
      return `${num(used)}/${num(limit)} sh`;
    default:
      return `${num(used)}/${num(limit)}${unit.startsWith("/") ? unit : " " + unit}`;
  }
}

export function RiskPanel({ risk, width, height }: RiskPanelProps): React.JSX.Element {
  const inner = width - 1;
  const ratio = (u: { used: number; limit: number }) => (u.limit > 0 ? u.used / u.limit : 0);
  const limits = [...risk.limits].sort((a, b) => ratio(b) - ratio(a)).slice(0, Math.max(0, height - 2));
  const nameW = Math.min(16, Math.max(8, Math.floor(inner * 0.3)));
  const figW = Math.min(18, Math.max(10, Math.floor(inner * 0.3)));
  const barW = Math.max(3, inner - nameW - figW - 2);
  return (
    <Panel title="Risk" width={width} height={height}>
      <Text wrap="truncate">
        <Text bold inverse color={riskColour(risk.state)}>
          {` ${risk.state} `}
        </Text>
        <Text color={riskColour(risk.state)}>{risk.reason ? " " + risk.reason : ""}</Text>
      </Text>
      {limits.map((u) => (
        <Text key={u.name} wrap="truncate">
          {fit(u.name, nameW) + " "}
          <Text color={usageColour(u.used, u.limit)}>{usageBar(u.used, u.limit, barW)}</Text>
          {" " + fit(limitFigure(u.used, u.limit, u.unit), figW, "right")}
        </Text>
      ))}
    </Panel>
  );
}
