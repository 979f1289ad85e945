// The market picker: a searchable, sortable, filterable table that renders only the rows on screen.
import React, { useMemo, useRef } from "react";
import { Box, Text } from "ink";
import type { MarketInfo } from "../domain/market.js";
import type { PickerState, StatusMessage } from "./app-state.js";
import { clip, fmtCompactUsd, fmtEndsIn, fmtMid, fmtPrice, fmtShares, fmtUsd } from "./format.js";
import { filterLabel, marketMid, marketSpread, rewardPerDay, scrollTop, sortLabel, visibleMarkets } from "./picker-model.js";
import { fitColumns, headerLine, rowLine, type Column } from "./table.js";
import { levelColour } from "./theme.js";

export interface PickerProps {
  markets: readonly MarketInfo[];
  picker: PickerState;
  message: StatusMessage | null;
  now: number;
  width: number;
  height: number;
  source: string;
}

/** Lines the picker uses around its rows: title, search line, table header, message line. */
export const PICKER_CHROME_LINES = 4;

function columns(now: number): Column<MarketInfo>[] {
  return [
    { title: "question", width: 0, align: "left", priority: 0, cell: (m) => m.question },
    { title: "mid", width: 6, align: "right", priority: 1, cell: (m) => fmtMid(marketMid(m), m.tickSize) },
    { title: "spread", width: 6, align: "right", priority: 2, cell: (m) => fmtPrice(marketSpread(m), m.tickSize) },
    { title: "vol 24h", width: 7, align: "right", priority: 1, cell: (m) => fmtCompactUsd(m.volume24h) },
    { title: "liq", width: 7, align: "right", priority: 3, cell: (m) => fmtCompactUsd(m.liquidity) },
    { title: "band/min", width: 9, align: "right", priority: 5, cell: (m) => (m.rewards ? `${m.rewards.maxSpreadCents}¢/${fmtShares(m.rewards.minSize)}` : "-") },
    { title: "rwd/day", width: 8, align: "right", priority: 2, cell: (m) => (rewardPerDay(m) > 0 ? fmtUsd(rewardPerDay(m)) : "-") },
    { title: "ends", width: 7, align: "right", priority: 4, cell: (m) => fmtEndsIn(m.endDate, now) },
  ];
}

export function Picker({ markets, picker, message, now, width, height, source }: PickerProps): React.JSX.Element {
  const view = useMemo(
    () => visibleMarkets(markets, { query: picker.query, sort: picker.sort, filter: picker.filter, now }),
    // `now` moves every render; the list only needs re-sorting when the inputs change (ending-soon uses minute precision).
    [markets, picker.query, picker.sort, picker.filter, Math.floor(now / 60_000)],
  );
  const cols = useMemo(() => fitColumns(columns(now), width - 2), [width, now]);
  const rowsHeight = Math.max(1, height - PICKER_CHROME_LINES);
  const topRef = useRef(0);
  const top = scrollTop(picker.selected, view.length, rowsHeight, topRef.current);
  topRef.current = top;
  const shown = view.slice(top, top + rowsHeight);
  const title = ` mm · ${source} · ${view.length} of ${markets.length} markets · sort: ${sortLabel(picker.sort)} · filter: ${filterLabel(picker.filter)}`;
  const search = picker.searching ? ` /${picker.query}█` : picker.query ? ` search: "${picker.query}" (/ to edit, Esc in search clears)` : " / search   s sort   f filter   Enter open";
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color="cyan" wrap="truncate">
        {clip(title, width)}
      </Text>
      <Text color={picker.searching ? "yellow" : "gray"} wrap="truncate">
        {clip(search, width)}
      </Text>
      <Text color="gray" wrap="truncate">
        {"  " + headerLine(cols, width - 2)}
      </Text>
      <Box flexDirection="column" height={rowsHeight}>
        {view.length === 0 ? <Text color="yellow">{clip(" No market matches: change the search (/) or the filter (f).", width)}</Text> : null}
        {shown.map((m, i) => {
          const selected = top + i === picker.selected;
          return (
            <Text key={m.conditionId} inverse={selected} bold={selected} wrap="truncate">
              {(selected ? "› " : "  ") + rowLine(cols, m, width - 2)}
            </Text>
          );
        })}
      </Box>
      <Text color={message ? levelColour(message.level) : "gray"} wrap="truncate">
        {clip(message ? " " + message.text : view.length > rowsHeight ? ` rows ${top + 1}-${top + shown.length} of ${view.length} (PgUp/PgDn)` : "", width)}
      </Text>
    </Box>
  );
}
