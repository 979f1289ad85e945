// The TUI's root: runs the screen state machine, maps keys through the key table, runs effects on the host and the engine.
import React, { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { Box, Text, useApp, useInput } from "ink";
import type { Clock } from "../ports/clock.js";
import type { EngineHandle } from "../engine/snapshot.js";
import type { DashboardHost } from "./host.js";
import { initialState, modeOf, transition, type AppAction, type AppEffect, type AppState } from "./app-state.js";
import { commandForKey } from "./key-table.js";
import { dashboardLayout, MIN_COLUMNS, MIN_ROWS, type DashboardLayout } from "./layout.js";
import { SnapshotPoller, UI_REFRESH_MS, type SnapshotStore } from "./snapshot-poller.js";
import { useTerminalSize, type TerminalSize } from "./use-terminal-size.js";
import { Dashboard } from "./Dashboard.js";
import { Picker, PICKER_CHROME_LINES } from "./Picker.js";
import { MessageScreen } from "./MessageScreen.js";
import { HelpOverlay } from "./HelpOverlay.js";
import { Footer } from "./Footer.js";
import { clip } from "./format.js";

export interface AppProps {
  host: DashboardHost;
  clock: Clock;
  /** `--market X`: skip the picker. */
  marketRef?: string | null;
  /** A fixed terminal size (tests); otherwise Ink's stdout, updated on resize. */
  size?: TerminalSize;
  /** Snapshot refresh period, ms (default ~5 Hz). */
  refreshMs?: number;
  /** How an engine's snapshots are read (default: a SnapshotPoller on `clock`; the screen worker reads the host's). */
  snapshots?: (engine: EngineHandle) => SnapshotStore;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function LiveDashboard({ poller, state, layout }: { poller: SnapshotStore; state: AppState; layout: DashboardLayout }): React.JSX.Element | null {
  const snapshot = useSyncExternalStore(poller.subscribe, poller.get);
  // Ink writes the frame during React's commit, before layout effects run: from here to there is the frame's cost.
  const started = performance.now();
  useLayoutEffect(() => poller.noteFrameCost(performance.now() - started));
  if (state.screen.kind !== "dashboard") return null;
  return (
    <Dashboard
      snapshot={snapshot}
      market={state.screen.market}
      layout={layout}
      overlay={state.overlay}
      message={state.message}
      showDescription={state.showDescription}
    />
  );
}

/**
 * Whole seconds since `since` changed, ticking once a second on the injected clock while `ticking` (the picker and the
 * message screens show time; the dashboard redraws on its snapshots, and a tick would redraw the whole frame for nothing).
 */
function useElapsedSeconds(clock: Clock, since: unknown, ticking: boolean): number {
  const [start, setStart] = useState(() => clock.now());
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    setStart(clock.now());
    setNow(clock.now());
    if (!ticking) return;
    const timer = clock.setInterval(() => setNow(clock.now()), 1000);
    return () => clock.clearInterval(timer);
  }, [clock, since, ticking]);
  return Math.max(0, Math.floor((now - start) / 1000));
}

export function App({ host, clock, marketRef = null, size, refreshMs = UI_REFRESH_MS, snapshots }: AppProps): React.JSX.Element {
  const { exit } = useApp();
  const terminal = useTerminalSize(size);
  const layout = dashboardLayout(terminal.columns, terminal.rows);
  const first = useMemo(() => initialState(marketRef, host.source()), [marketRef, host]);
  const [state, setState] = useState<AppState>(first.state);
  const stateRef = useRef(state);
  const engine: EngineHandle | null = state.screen.kind === "dashboard" ? state.screen.engine : null;
  const poller = useMemo(() => (engine ? (snapshots ? snapshots(engine) : new SnapshotPoller(engine, clock, refreshMs)) : null), [engine, clock, refreshMs, snapshots]);
  const pollerRef = useRef(poller);
  pollerRef.current = poller;
  const layoutRef = useRef(layout);
  layoutRef.current = layout;

  const dispatch = useCallback(
    (action: AppAction) => {
      const ctx = {
        now: clock.now(),
        paused: pollerRef.current?.get().paused ?? false,
        pageSize: Math.max(1, layoutRef.current.height - 1 - PICKER_CHROME_LINES),
      };
      const next = transition(stateRef.current, action, ctx);
      stateRef.current = next.state;
      setState(next.state);
      for (const effect of next.effects) run(effect);
    },
    // `run` is defined below and only closes over stable values (host, clock, refs, exit).
    [clock],
  );

  function run(effect: AppEffect): void {
    switch (effect.type) {
      case "load_markets":
        host.listMarkets().then(
          (markets) => dispatch({ type: "markets_loaded", markets }),
          (err: unknown) => dispatch({ type: "load_failed", error: errorText(err) }),
        );
        return;
      case "resolve_market":
        host.resolveMarket(effect.ref).then(
          (market) => dispatch({ type: "market_resolved", market }),
          (err: unknown) => dispatch({ type: "load_failed", error: errorText(err) }),
        );
        return;
      case "open_market":
        host.openMarket(effect.market).then(
          (handle) => dispatch({ type: "opened", market: effect.market, engine: handle }),
          (err: unknown) => dispatch({ type: "open_failed", error: errorText(err) }),
        );
        return;
      case "close_market":
        host.closeMarket().finally(() => dispatch({ type: "closed" }));
        return;
      case "start_demo":
        host.startDemo().then(
          () => run({ type: "load_markets" }),
          (err: unknown) => dispatch({ type: "demo_failed", error: errorText(err) }),
        );
        return;
      case "engine": {
        const handle = stateRef.current.screen.kind === "dashboard" ? stateRef.current.screen.engine : null;
        if (!handle) return;
        handle.command(effect.command).then(
          (result) => {
            pollerRef.current?.refresh();
            dispatch({ type: "command_result", result });
          },
          (err: unknown) => dispatch({ type: "command_result", result: { ok: false, message: errorText(err) } }),
        );
        pollerRef.current?.refresh();
        return;
      }
      case "shutdown":
        host.shutdown().then(
          () => exit(),
          (err: unknown) => exit(err instanceof Error ? err : new Error(errorText(err))),
        );
        return;
      case "force_exit":
        host.forceExit();
        return;
    }
  }

  // The opening effect (load the markets or resolve --market), once.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    for (const effect of first.effects) run(effect);
  });

  useInput((input, key) => {
    // Keys typed faster than a read (or pasted) arrive together: outside the search box each character counts on its own.
    const mode = modeOf(stateRef.current);
    const chunks = mode !== "search" && !key.ctrl && !key.meta && Array.from(input).length > 1 ? Array.from(input) : [input];
    for (const chunk of chunks) {
      const command = commandForKey(chunk, key, modeOf(stateRef.current));
      if (command) dispatch({ type: "key", command });
    }
  });

  const elapsed = useElapsedSeconds(clock, state.screen.kind, state.screen.kind !== "dashboard");
  const mode = modeOf(state);
  const frameHeight = layout.height;
  const bodyHeight = frameHeight - 1;

  if (terminal.columns < MIN_COLUMNS || terminal.rows < MIN_ROWS) {
    return (
      <Text color="yellow" wrap="truncate">
        {clip(`Terminal ${terminal.columns}x${terminal.rows} is too small: enlarge to at least ${MIN_COLUMNS}x${MIN_ROWS}. (q quits)`, Math.max(10, terminal.columns - 1))}
      </Text>
    );
  }

  let body: React.JSX.Element;
  const screen = state.screen;
  switch (screen.kind) {
    case "dashboard":
      body = poller ? <LiveDashboard poller={poller} state={state} layout={layout} /> : <Text>…</Text>;
      break;
    case "picker":
      body =
        state.overlay.kind === "help" ? (
          <HelpOverlay mode="picker" width={layout.width} height={bodyHeight} />
        ) : (
          <Picker markets={state.markets} picker={state.picker} message={state.message} now={clock.now()} width={layout.width} height={bodyHeight} source={host.source()} />
        );
      break;
    default:
      body = <MessageScreen screen={screen} source={host.source()} width={layout.width} height={bodyHeight} elapsedSec={elapsed} />;
  }
  return (
    <Box flexDirection="column" width={layout.width} height={frameHeight}>
      <Box height={bodyHeight} flexDirection="column">
        {body}
      </Box>
      <Footer mode={mode} width={layout.width} />
    </Box>
  );
}
