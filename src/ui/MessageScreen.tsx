// A full screen of words: loading, opening, closing, quitting, and the endpoint-unreachable screen that offers the demo.
import React from "react";
import { Box, Text } from "ink";
import type { Screen } from "./app-state.js";
import { clip } from "./format.js";

export interface MessageScreenProps {
  screen: Exclude<Screen, { kind: "picker" } | { kind: "dashboard" }>;
  source: string;
  width: number;
  height: number;
  /** Seconds since this screen appeared, so a slow load visibly moves. */
  elapsedSec: number;
}

function content(screen: MessageScreenProps["screen"], source: string, elapsed: number): { title: string; colour: "cyan" | "red" | "yellow"; lines: string[] } {
  const dots = ".".repeat((elapsed % 3) + 1);
  switch (screen.kind) {
    case "loading":
      return { title: screen.what, colour: "cyan", lines: [`Waiting${dots} (${elapsed}s)`, "", "q quits."] };
    case "opening":
      return { title: `Opening: ${screen.market.question}`, colour: "cyan", lines: [`Starting the feed and the quoting engine${dots} (${elapsed}s)`, "", "q quits."] };
    case "closing":
      return { title: "Pulling our quotes and stopping the engine…", colour: "yellow", lines: [`(${elapsed}s)`] };
    case "quitting":
      return {
        title: "Quitting safely: cancelling all orders and saving state…",
        colour: "yellow",
        lines: [`(${elapsed}s)`, "", "Press Ctrl+C again to force exit (after the cancels have been sent)."],
      };
    case "unreachable":
      return {
        title: "Could not reach the exchange.",
        colour: "red",
        lines: [
          `Source: ${source}`,
          `Error:  ${screen.error}`,
          "",
          "Nothing was traded. Check your network or the --gamma-url/--clob-url/--ws-url endpoints.",
          "",
          "d  start the offline demo exchange instead (dry-run, simulated markets)",
          "r  try again",
          "q  quit",
        ],
      };
  }
}

/** Splits lines longer than `width` into several, so a long error message stays whole and the frame height is known. */
export function hardWrap(lines: readonly string[], width: number): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const chars = Array.from(line);
    if (chars.length <= width || width <= 0) out.push(line);
    else for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(""));
  }
  return out;
}

export function MessageScreen({ screen, source, width, height, elapsedSec }: MessageScreenProps): React.JSX.Element {
  const c = content(screen, source, elapsedSec);
  return (
    <Box flexDirection="column" width={width} height={height} paddingTop={1}>
      <Text bold color={c.colour} wrap="truncate">
        {clip(" " + c.title, width)}
      </Text>
      <Text> </Text>
      {hardWrap(c.lines, width - 2)
        .slice(0, Math.max(0, height - 3))
        .map((line, i) => (
          <Text key={i} wrap="truncate">
            {" " + line}
          </Text>
        ))}
    </Box>
  );
}
