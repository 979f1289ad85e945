// The `?` overlay: every key of the current screen and what it does, straight from the key table.
import React from "react";
import { Text } from "ink";
import { bindingsFor, type UiMode } from "./key-table.js";
import { fit } from "./format.js";
import { Panel } from "./Panel.js";

export interface HelpOverlayProps {
  /** The screen the help is about ("picker" or "dashboard"). */
  mode: UiMode;
  width: number;
  height: number;
}

export function HelpOverlay({ mode, width, height }: HelpOverlayProps): React.JSX.Element {
  const seen = new Set<string>();
  const rows = [...bindingsFor(mode), ...bindingsFor("help"), ...bindingsFor("quitting")].filter((b) => {
    const key = `${b.label} ${b.description}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const labelW = Math.max(...rows.map((b) => b.label.length)) + 2;
  return (
    <Panel title={`Keys: ${mode === "dashboard" ? "dashboard" : "market picker"}`} note="? or Esc closes" width={width} height={height}>
      {rows.slice(0, Math.max(0, height - 1)).map((b, i) => (
        <Text key={i} wrap="truncate">
          <Text bold color="yellow">
            {fit(" " + b.label, labelW)}
          </Text>
          {b.description}
          {b.modes.includes("quitting") ? " (while quitting)" : ""}
        </Text>
      ))}
    </Panel>
  );
}
