// Recent fills and engine events, merged and newest first.
import React from "react";
import { Text } from "ink";
import type { EngineSnapshot } from "../engine/snapshot.js";
import { formatPrice } from "../domain/units.js";
import { clip, fmtClock, fmtShares, fmtUsd } from "./format.js";
import { levelColour, type Colour } from "./theme.js";
import { Panel } from "./Panel.js";

export interface ActivityLine {
  ts: number;
  colour: Colour;
  text: string;
}

/** Fills and events as lines, newest first (fills before events at the same millisecond). */
export function activityLines(snapshot: EngineSnapshot, limit: number): ActivityLine[] {
  const fills: ActivityLine[] = snapshot.fills.map((f) => ({
    ts: f.ts,
    colour: f.side === "BUY" ? "green" : "red",
    text: `fill ${f.side} ${fmtShares(f.size)} ${f.outcome} @ ${formatPrice(f.price)} ${f.liquidity}${f.fee !== 0 ? ` fee ${fmtUsd(f.fee)}` : ""}`,
  }));
  // The engine may also journal each fill as an event line: show it once, as the fill.
  const fillTimes = new Set(snapshot.fills.map((f) => f.ts));
  const events: ActivityLine[] = snapshot.events
    .filter((e) => !(e.text.startsWith("fill ") && fillTimes.has(e.ts)))
    .map((e) => ({ ts: e.ts, colour: levelColour(e.level), text: e.text }));
  return [...fills, ...events].sort((a, b) => b.ts - a.ts).slice(0, limit);
}

export function ActivityPanel({ snapshot, width, height }: { snapshot: EngineSnapshot; width: number; height: number }): React.JSX.Element {
  const inner = width - 1;
  const lines = activityLines(snapshot, Math.max(0, height - 1));
  return (
    <Panel title="Fills & events" note={`${snapshot.fills.length} fills`} width={width} height={height}>
      {lines.length === 0 ? <Text color="gray">Nothing yet.</Text> : null}
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate">
          <Text color="gray">{fmtClock(line.ts) + " "}</Text>
          <Text color={line.colour}>{clip(line.text, Math.max(0, inner - 9))}</Text>
        </Text>
      ))}
    </Panel>
  );
}
