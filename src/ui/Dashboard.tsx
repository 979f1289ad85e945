// The dashboard for one market: header, status line, book, position, risk, quotes, fills and events, in an exact-size frame.
import React from "react";
import { Box } from "ink";
import type { EngineSnapshot } from "../engine/snapshot.js";
import type { MarketInfo } from "../domain/market.js";
import type { Overlay, StatusMessage } from "./app-state.js";
import type { DashboardLayout } from "./layout.js";
import { Header } from "./Header.js";
import { StatusLine } from "./StatusLine.js";
import { BookPanel } from "./BookPanel.js";
import { PositionPanel } from "./PositionPanel.js";
import { RiskPanel } from "./RiskPanel.js";
import { QuotesPanel } from "./QuotesPanel.js";
import { ActivityPanel } from "./ActivityPanel.js";
import { HelpOverlay } from "./HelpOverlay.js";

export interface DashboardProps {
  snapshot: EngineSnapshot;
  market: MarketInfo;
  layout: DashboardLayout;
  overlay: Overlay;
  message: StatusMessage | null;
  showDescription: boolean;
}

export function Dashboard({ snapshot, market, layout, overlay, message, showDescription }: DashboardProps): React.JSX.Element {
  const live = snapshot.markets.find((m) => m.info.conditionId === market.conditionId);
  const bodyHeight = layout.book.height + layout.quotes.height;
  return (
    <Box flexDirection="column" width={layout.width} height={layout.height - layout.footer.height}>
      <Header snapshot={snapshot} question={market.question} width={layout.width} />
      <StatusLine risk={snapshot.risk} overlay={overlay} message={message} width={layout.width} />
      {overlay.kind === "help" ? (
        <HelpOverlay mode="dashboard" width={layout.width} height={bodyHeight} />
      ) : (
        <>
          <Box flexDirection="row" height={layout.book.height}>
            <BookPanel
              market={live}
              orders={snapshot.openOrders}
              width={layout.book.width}
              height={layout.book.height}
              depth={layout.book.depth}
              showDescription={showDescription}
            />
            <Box flexDirection="column" width={layout.position.width}>
              <PositionPanel snapshot={snapshot} market={market} width={layout.position.width} height={layout.position.height} />
              <RiskPanel risk={snapshot.risk} width={layout.risk.width} height={layout.risk.height} />
            </Box>
          </Box>
          <Box flexDirection="row" height={layout.quotes.height}>
            <QuotesPanel snapshot={snapshot} market={market} width={layout.quotes.width} height={layout.quotes.height} />
            <ActivityPanel snapshot={snapshot} width={layout.activity.width} height={layout.activity.height} />
          </Box>
        </>
      )}
    </Box>
  );
}
