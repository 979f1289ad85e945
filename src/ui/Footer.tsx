// The bottom line: the keys that work right now, from the key table.
import React from "react";
import { Text } from "ink";
import { bindingsFor, type UiMode } from "./key-table.js";
import { clip } from "./format.js";

/** "k KILL  r resume  ..." for a mode, cut to the width. */
export function footerText(mode: UiMode, width: number): string {
  const parts = bindingsFor(mode)
    .filter((b) => b.hint)
    .map((b) => `${b.label} ${b.hint}`);
  return clip(" " + parts.join("  "), width);
}

export function Footer({ mode, width }: { mode: UiMode; width: number }): React.JSX.Element {
  return (
    <Text color="gray" wrap="truncate">
      {footerText(mode, width)}
    </Text>
  );
}
