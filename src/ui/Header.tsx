// The dashboard's top two lines: the question, the DRY-RUN/LIVE badge, and the feed's state, rate, delay and the clock.
import React from "react";
import { Box, Text } from "ink";
import type { EngineSnapshot } from "../engine/snapshot.js";
import { clip, fit, fmtClock, fmtDelay } from "./format.js";
import { feedColour, feedLabel } from "./theme.js";

export interface HeaderProps {
  snapshot: EngineSnapshot;
  question: string;
  width: number;
}

export function Header({ snapshot, question, width }: HeaderProps): React.JSX.Element {
  const badge = snapshot.mode === "live" ? " LIVE " : " DRY-RUN ";
  const paused = snapshot.paused ? " PAUSED " : "";
  const questionWidth = Math.max(1, width - badge.length - paused.length - 3);
  const feed = snapshot.feed;
  const stats = `${feed.msgsPerSec.toFixed(0)} msg/s  delay ${fmtDelay(feed.delayMs)}  reconnects ${feed.reconnects}  src ${snapshot.source}`;
  const clock = `${fmtClock(snapshot.ts)} UTC`;
  const label = feedLabel(feed.state);
  const statsWidth = Math.max(0, width - 1 - label.length - 8 - clock.length - 2);
  return (
    <Box flexDirection="column" width={width} height={2}>
      <Text wrap="truncate">
        <Text bold inverse color={snapshot.mode === "live" ? "red" : "yellow"}>
          {badge}
        </Text>
        {paused ? (
          <Text bold inverse color="magenta">
            {paused}
          </Text>
        ) : null}
        <Text bold>{" " + clip(question, questionWidth)}</Text>
      </Text>
      <Text wrap="truncate">
        {"feed "}
        <Text bold color={feedColour(feed.state)}>
          {label}
        </Text>
        {"  " + fit(stats, statsWidth) + " "}
        <Text color="gray">{clock}</Text>
      </Text>
    </Box>
  );
}
