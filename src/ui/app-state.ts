// The TUI's screens as a pure state machine: transition(state, action, context) -> {state, effects}; App runs the effects.
import type { MarketInfo } from "../domain/market.js";
import type { CommandResult, EngineCommand, EngineHandle } from "../engine/snapshot.js";
import type { UiCommand, UiMode } from "./key-table.js";
import { moveSelection, nextFilter, nextSort, visibleMarkets, type PickerFilter, type PickerSort } from "./picker-model.js";

export type Screen =
  | { kind: "loading"; what: string }
  | { kind: "unreachable"; error: string }
  | { kind: "picker" }
  | { kind: "opening"; market: MarketInfo }
  | { kind: "dashboard"; market: MarketInfo; engine: EngineHandle }
  | { kind: "closing" }
  | { kind: "quitting" };

export type Overlay = { kind: "none" } | { kind: "help" } | { kind: "confirm"; question: "resume" | "picker" };

export interface PickerState {
  query: string;
  searching: boolean;
  sort: PickerSort;
  filter: PickerFilter;
  selected: number;
}

export interface StatusMessage {
  level: "info" | "warn" | "error";
  text: string;
}

export interface AppState {
  screen: Screen;
  markets: MarketInfo[];
  picker: PickerState;
  overlay: Overlay;
  showDescription: boolean;
  message: StatusMessage | null;
}

export type AppAction =
  | { type: "key"; command: UiCommand }
  | { type: "markets_loaded"; markets: MarketInfo[] }
  | { type: "market_resolved"; market: MarketInfo }
  | { type: "load_failed"; error: string }
  | { type: "opened"; market: MarketInfo; engine: EngineHandle }
  | { type: "open_failed"; error: string }
  | { type: "closed" }
  | { type: "demo_failed"; error: string }
  | { type: "command_result"; result: CommandResult };

export type AppEffect =
  | { type: "load_markets" }
  | { type: "resolve_market"; ref: string }
  | { type: "open_market"; market: MarketInfo }
  | { type: "close_market" }
  | { type: "start_demo" }
  | { type: "engine"; command: EngineCommand }
  | { type: "shutdown" }
  | { type: "force_exit" };

/** What the transition needs from outside the state: the clock, the engine's pause flag, the picker's page size. */
export interface AppContext {
  now: number;
  paused: boolean;
  pageSize: number;
}

export interface Transition {
  state: AppState;
  effects: AppEffect[];
}

export function initialState(marketRef: string | null, source: string): Transition {
  const base: AppState = {
    screen: { kind: "loading", what: marketRef ? `Looking up market ${marketRef} on ${source}…` : `Loading markets from ${source}…` },
    markets: [],
    picker: { query: "", searching: false, sort: "volume", filter: "all", selected: 0 },
    overlay: { kind: "none" },
    showDescription: false,
    message: null,
  };
  return { state: base, effects: [marketRef ? { type: "resolve_market", ref: marketRef } : { type: "load_markets" }] };
}

/** The keyboard mode the state is in (which key table rows apply). */
export function modeOf(state: AppState): UiMode {
  if (state.screen.kind === "quitting") return "quitting";
  if (state.overlay.kind === "help") return "help";
  if (state.overlay.kind === "confirm") return "confirm";
  switch (state.screen.kind) {
    case "loading":
    case "closing":
      return "loading";
    case "unreachable":
      return "unreachable";
    case "picker":
      return state.picker.searching ? "search" : "picker";
    case "opening":
      return "opening";
    case "dashboard":
      return "dashboard";
  }
}

const none = (state: AppState): Transition => ({ state, effects: [] });

export function transition(state: AppState, action: AppAction, ctx: AppContext): Transition {
  switch (action.type) {
    case "key":
      return onKey(state, action.command, ctx);
    case "markets_loaded":
      return none({ ...state, screen: { kind: "picker" }, markets: action.markets, picker: { ...state.picker, selected: 0 } });
    case "market_resolved":
      return { state: { ...state, screen: { kind: "opening", market: action.market } }, effects: [{ type: "open_market", market: action.market }] };
    case "load_failed":
      return none({ ...state, screen: { kind: "unreachable", error: action.error } });
    case "opened":
      if (state.screen.kind !== "opening") return none(state);
      return none({ ...state, screen: { kind: "dashboard", market: action.market, engine: action.engine }, overlay: { kind: "none" }, message: null });
    case "open_failed":
      return none({ ...state, screen: { kind: "picker" }, message: { level: "error", text: `Could not start quoting: ${action.error}` } });
    case "closed":
      if (state.screen.kind !== "closing") return none(state);
      if (state.markets.length > 0) return none({ ...state, screen: { kind: "picker" } });
      return { state: { ...state, screen: { kind: "loading", what: "Loading markets…" } }, effects: [{ type: "load_markets" }] };
    case "demo_failed":
      return none({ ...state, screen: { kind: "unreachable", error: `The demo exchange did not start: ${action.error}` } });
    case "command_result":
      return none({ ...state, message: { level: action.result.ok ? "info" : "warn", text: action.result.message } });
  }
}

function onKey(state: AppState, command: UiCommand, ctx: AppContext): Transition {
  switch (command.type) {
    case "quit":
      if (state.screen.kind === "quitting") return none(state);
      return { state: { ...state, screen: { kind: "quitting" }, overlay: { kind: "none" } }, effects: [{ type: "shutdown" }] };
    case "force_quit":
      return { state, effects: [{ type: "force_exit" }] };
    case "toggle_help":
      return none({ ...state, overlay: state.overlay.kind === "help" ? { kind: "none" } : { kind: "help" } });
    case "move":
    case "page":
    case "jump":
    case "open":
    case "search_start":
    case "search_input":
    case "search_backspace":
    case "search_done":
    case "search_cancel":
    case "cycle_sort":
    case "cycle_filter":
      return onPickerKey(state, command, ctx);
    case "kill":
      return {
        state: { ...state, message: { level: "error", text: "Kill switch pressed: halting and cancelling every order." } },
        effects: [{ type: "engine", command: { type: "kill", reason: "kill switch pressed in the dashboard" } }],
      };
    case "resume":
      return none({ ...state, overlay: { kind: "confirm", question: "resume" } });
    case "back_to_picker":
      return none({ ...state, overlay: { kind: "confirm", question: "picker" } });
    case "toggle_pause":
      return {
        state: { ...state, message: { level: "info", text: ctx.paused ? "Resuming quoting…" : "Pausing: pulling quotes, the feed stays on." } },
        effects: [{ type: "engine", command: ctx.paused ? { type: "unpause" } : { type: "pause" } }],
      };
    case "spread":
      return { state, effects: [{ type: "engine", command: { type: "adjust_spread", deltaTicks: command.deltaTicks } }] };
    case "size":
      return { state, effects: [{ type: "engine", command: { type: "adjust_size", direction: command.direction } }] };
    case "toggle_description":
      return none({ ...state, showDescription: !state.showDescription });
    case "confirm":
      return onConfirm(state, command.yes);
    case "start_demo":
      return { state: { ...state, screen: { kind: "loading", what: "Starting the embedded demo exchange…" } }, effects: [{ type: "start_demo" }] };
    case "retry":
      return { state: { ...state, screen: { kind: "loading", what: "Loading markets…" } }, effects: [{ type: "load_markets" }] };
  }
}

function onConfirm(state: AppState, yes: boolean): Transition {
  if (state.overlay.kind !== "confirm") return none(state);
  const closed = { ...state, overlay: { kind: "none" } as Overlay };
  if (!yes) return none({ ...closed, message: { level: "info", text: "Cancelled." } });
  switch (state.overlay.question) {
    case "resume":
      return { state: { ...closed, message: { level: "info", text: "Asking the risk manager to resume…" } }, effects: [{ type: "engine", command: { type: "resume", force: false } }] };
    case "picker":
      return { state: { ...closed, screen: { kind: "closing" }, showDescription: false, message: null }, effects: [{ type: "close_market" }] };
  }
}

type PickerCommand = Extract<
  UiCommand,
  { type: "move" | "page" | "jump" | "open" | "search_start" | "search_input" | "search_backspace" | "search_done" | "search_cancel" | "cycle_sort" | "cycle_filter" }
>;

function onPickerKey(state: AppState, command: PickerCommand, ctx: AppContext): Transition {
  if (state.screen.kind !== "picker") return none(state);
  const p = state.picker;
  const count = (view: PickerState) => visibleMarkets(state.markets, { ...view, now: ctx.now }).length;
  const withPicker = (picker: PickerState): Transition => none({ ...state, picker, message: null });
  switch (command.type) {
    case "move":
      return withPicker({ ...p, selected: moveSelection(p.selected, command.delta, count(p)) });
    case "page":
      return withPicker({ ...p, selected: moveSelection(p.selected, command.delta * Math.max(1, ctx.pageSize), count(p)) });
    case "jump":
      return withPicker({ ...p, selected: command.to === "first" ? 0 : Math.max(0, count(p) - 1) });
    case "search_start":
      return withPicker({ ...p, searching: true });
    case "search_input":
      return withPicker({ ...p, query: p.query + command.text, selected: 0 });
    case "search_backspace":
      return withPicker({ ...p, query: Array.from(p.query).slice(0, -1).join(""), selected: 0 });
    case "search_done":
      return withPicker({ ...p, searching: false });
    case "search_cancel":
      return withPicker({ ...p, searching: false, query: "", selected: 0 });
    case "cycle_sort":
      return withPicker({ ...p, sort: nextSort(p.sort), selected: 0 });
    case "cycle_filter":
      return withPicker({ ...p, filter: nextFilter(p.filter), selected: 0 });
    case "open": {
      const market = visibleMarkets(state.markets, { ...p, now: ctx.now })[p.selected];
      if (!market) return none({ ...state, message: { level: "warn", text: "No market selected: clear the search or filter (Esc, f)." } });
      return { state: { ...state, screen: { kind: "opening", market }, message: null }, effects: [{ type: "open_market", market }] };
    }
  }
}
