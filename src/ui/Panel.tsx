// A titled block of exactly `height` lines and `width` columns (the last column is left blank as a gutter).
import React from "react";
import { Box, Text } from "ink";
import { fit } from "./format.js";

export interface PanelProps {
  title: string;
  /** Shown at the right end of the title rule. */
  note?: string;
  width: number;
  height: number;
  children?: React.ReactNode;
}

/** The title rule: "── Title ───── note ──". */
export function titleRule(title: string, note: string | undefined, width: number): string {
  const left = `── ${title} `;
  const right = note ? ` ${note} ──` : "";
  const fill = Math.max(0, width - Array.from(left).length - Array.from(right).length);
  return fit(left + "─".repeat(fill) + right, width);
}

export function Panel({ title, note, width, height, children }: PanelProps): React.JSX.Element {
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color="cyan" wrap="truncate">
        {titleRule(title, note, width - 1)}
      </Text>
      <Box flexDirection="column" width={width - 1} height={Math.max(0, height - 1)}>
        {children}
      </Box>
    </Box>
  );
}
