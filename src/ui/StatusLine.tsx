// The line under the header: a red HALTED banner while the kill switch is latched, else a question or the last message.
import React from "react";
import { Text } from "ink";
import type { RiskSnapshot } from "../engine/snapshot.js";
import type { Overlay, StatusMessage } from "./app-state.js";
import { clip, fit } from "./format.js";
import { levelColour } from "./theme.js";

export interface StatusLineProps {
  risk: RiskSnapshot;
  overlay: Overlay;
  message: StatusMessage | null;
  width: number;
}

function question(overlay: Overlay, risk: RiskSnapshot): string | null {
  if (overlay.kind !== "confirm") return null;
  switch (overlay.question) {
    case "resume":
      return `Resume quoting${risk.reason ? ` (halted: ${risk.reason})` : ""}? y/n`;
    case "picker":
      return "Pull our quotes and go back to the market picker? y/n";
  }
}

export function StatusLine({ risk, overlay, message, width }: StatusLineProps): React.JSX.Element {
  const ask = question(overlay, risk);
  if (ask) {
    return (
      <Text bold inverse color="yellow" wrap="truncate">
        {fit(" " + ask, width)}
      </Text>
    );
  }
  if (risk.state === "HALTED") {
    const text = ` HALTED: ${risk.reason ?? "kill switch"}. All orders cancelled. Press r to resume. `;
    return (
      <Text bold inverse color="red" wrap="truncate">
        {fit(text, width)}
      </Text>
    );
  }
  if (message) {
    return (
      <Text color={levelColour(message.level)} wrap="truncate">
        {clip(" " + message.text, width)}
      </Text>
    );
  }
  if (risk.state === "REDUCING") {
    return (
      <Text bold color="yellow" wrap="truncate">
        {clip(` REDUCING: ${risk.reason ?? "only orders that shrink inventory"}`, width)}
      </Text>
    );
  }
  return <Text> </Text>;
}
