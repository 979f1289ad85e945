// The key bindings as data (mode + key -> command) and the pure lookup the UI and the help overlay use.

/** Where the keyboard focus is: each mode has its own bindings. */
export type UiMode = "loading" | "unreachable" | "picker" | "search" | "opening" | "dashboard" | "confirm" | "help" | "quitting";

export type UiCommand =
  | { type: "move"; delta: 1 | -1 }
  | { type: "page"; delta: 1 | -1 }
  | { type: "jump"; to: "first" | "last" }
  | { type: "open" }
  | { type: "search_start" }
  | { type: "search_input"; text: string }
  | { type: "search_backspace" }
  | { type: "search_done" }
  | { type: "search_cancel" }
  | { type: "cycle_sort" }
  | { type: "cycle_filter" }
  | { type: "kill" }
  | { type: "resume" }
  | { type: "toggle_pause" }
  | { type: "spread"; deltaTicks: 1 | -1 }
  | { type: "size"; direction: 1 | -1 }
  | { type: "back_to_picker" }
  | { type: "toggle_description" }
  | { type: "toggle_help" }
  | { type: "confirm"; yes: boolean }
  | { type: "start_demo" }
  | { type: "retry" }
  | { type: "quit" }
  | { type: "force_quit" };

/** A key by name: a printable character, or one of the named keys below. */
export type KeyName = string;

export interface KeyBinding {
  modes: readonly UiMode[];
  keys: readonly KeyName[];
  /** How the help overlay and the footer show the key(s). */
  label: string;
  description: string;
  /** A word or two for the footer; bindings without one are only in the help overlay. */
  hint?: string;
  command: UiCommand;
}

/** The subset of Ink's `Key` flags the table reads. */
export interface KeyFlags {
  upArrow?: boolean;
  downArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  backspace?: boolean;
  delete?: boolean;
  tab?: boolean;
  meta?: boolean;
}

const LIST: readonly UiMode[] = ["picker"];
const DASH: readonly UiMode[] = ["dashboard"];
const EVERYWHERE_BUT_QUITTING: readonly UiMode[] = ["loading", "unreachable", "picker", "search", "opening", "dashboard", "confirm", "help"];

export const KEY_TABLE: readonly KeyBinding[] = [
  // The market picker.
  { modes: LIST, keys: ["up", "k"], label: "↑/k", description: "previous market", command: { type: "move", delta: -1 } },
  { modes: LIST, keys: ["down", "j"], label: "↓/j", description: "next market", command: { type: "move", delta: 1 } },
  { modes: LIST, keys: ["pageup"], label: "PgUp", description: "page up", command: { type: "page", delta: -1 } },
  { modes: LIST, keys: ["pagedown"], label: "PgDn", description: "page down", command: { type: "page", delta: 1 } },
  { modes: LIST, keys: ["home", "g"], label: "Home/g", description: "first market", command: { type: "jump", to: "first" } },
  { modes: LIST, keys: ["end", "G"], label: "End/G", description: "last market", command: { type: "jump", to: "last" } },
  { modes: LIST, keys: ["enter"], label: "Enter", description: "open the market", hint: "open", command: { type: "open" } },
  { modes: LIST, keys: ["/"], label: "/", description: "search (type to filter, Enter keeps, Esc clears)", hint: "search", command: { type: "search_start" } },
  { modes: LIST, keys: ["s"], label: "s", description: "sort: volume, liquidity, spread, rewards, ending soon", hint: "sort", command: { type: "cycle_sort" } },
  { modes: LIST, keys: ["f"], label: "f", description: "filter: all, rewarded only, hide ending <24h, both", hint: "filter", command: { type: "cycle_filter" } },
  // Typing a search.
  { modes: ["search"], keys: ["enter", "down"], label: "Enter", description: "keep the search, back to the list", hint: "done", command: { type: "search_done" } },
  { modes: ["search"], keys: ["escape"], label: "Esc", description: "clear the search", hint: "clear", command: { type: "search_cancel" } },
  { modes: ["search"], keys: ["backspace"], label: "Bksp", description: "delete a character", command: { type: "search_backspace" } },
  // The dashboard.
  { modes: DASH, keys: ["k"], label: "k", description: "KILL SWITCH: halt and cancel every order now", hint: "KILL", command: { type: "kill" } },
  { modes: DASH, keys: ["r"], label: "r", description: "resume after a halt (asks y/n)", hint: "resume", command: { type: "resume" } },
  { modes: DASH, keys: ["p"], label: "p", description: "pause/resume quoting (cancels quotes, keeps the feed)", hint: "pause", command: { type: "toggle_pause" } },
  { modes: DASH, keys: ["["], label: "[", description: "narrow the half-spread by one tick", hint: "narrower", command: { type: "spread", deltaTicks: -1 } },
  { modes: DASH, keys: ["]"], label: "]", description: "widen the half-spread by one tick", hint: "wider", command: { type: "spread", deltaTicks: 1 } },
  { modes: DASH, keys: ["-", "_"], label: "-", description: "smaller orders", hint: "smaller", command: { type: "size", direction: -1 } },
  { modes: DASH, keys: ["+", "="], label: "+", description: "larger orders", hint: "larger", command: { type: "size", direction: 1 } },
  { modes: DASH, keys: ["d"], label: "d", description: "show/hide the market's description", hint: "info", command: { type: "toggle_description" } },
  { modes: DASH, keys: ["m"], label: "m", description: "back to the market picker (confirms, pulls quotes)", hint: "markets", command: { type: "back_to_picker" } },
  // Questions and screens.
  { modes: ["confirm"], keys: ["y", "Y", "enter"], label: "y", description: "yes", hint: "yes", command: { type: "confirm", yes: true } },
  { modes: ["confirm"], keys: ["n", "N", "escape"], label: "n", description: "no", hint: "no", command: { type: "confirm", yes: false } },
  { modes: ["unreachable"], keys: ["d"], label: "d", description: "start the offline demo exchange instead", hint: "demo", command: { type: "start_demo" } },
  { modes: ["unreachable"], keys: ["r"], label: "r", description: "try again", hint: "retry", command: { type: "retry" } },
  { modes: ["picker", "dashboard"], keys: ["?"], label: "?", description: "this help", hint: "help", command: { type: "toggle_help" } },
  { modes: ["help"], keys: ["?", "escape", "enter"], label: "?/Esc", description: "close the help", hint: "close", command: { type: "toggle_help" } },
  // Leaving.
  { modes: ["loading", "unreachable", "picker", "opening", "dashboard", "help"], keys: ["q"], label: "q", description: "quit safely (cancel all, save, exit)", hint: "quit", command: { type: "quit" } },
  { modes: EVERYWHERE_BUT_QUITTING, keys: ["ctrl+c"], label: "Ctrl+C", description: "quit safely (cancel all, save, exit)", command: { type: "quit" } },
  { modes: ["quitting"], keys: ["ctrl+c"], label: "Ctrl+C", description: "force exit (after cancels were sent)", hint: "force exit", command: { type: "force_quit" } },
];

/** The name of a keypress as the table spells it: "up", "enter", "ctrl+c", or the character typed. */
export function keyName(input: string, key: KeyFlags): KeyName {
  if (key.ctrl && input === "c") return "ctrl+c";
  if (key.upArrow) return "up";
  if (key.downArrow) return "down";
  if (key.pageUp) return "pageup";
  if (key.pageDown) return "pagedown";
  if (key.home) return "home";
  if (key.end) return "end";
  if (key.return) return "enter";
  if (key.escape) return "escape";
  if (key.backspace || key.delete) return "backspace";
  if (key.tab) return "tab";
  return input;
}

/** The binding a key has in a mode, if any. */
export function bindingFor(name: KeyName, mode: UiMode): KeyBinding | undefined {
  return KEY_TABLE.find((b) => b.modes.includes(mode) && b.keys.includes(name));
}

/**
 * The command a keypress means in a mode, or null when it means nothing there.
 * In search mode, any printable text that is not bound is typed into the search.
 */
export function commandForKey(input: string, key: KeyFlags, mode: UiMode): UiCommand | null {
  const name = keyName(input, key);
  const binding = bindingFor(name, mode);
  if (binding) return binding.command;
  if (mode === "search" && !key.ctrl && !key.meta && name === input && isPrintable(input)) return { type: "search_input", text: input };
  return null;
}

/** The bindings shown for a mode, in table order (the help overlay and the footer). */
export function bindingsFor(mode: UiMode): KeyBinding[] {
  return KEY_TABLE.filter((b) => b.modes.includes(mode));
}

function isPrintable(text: string): boolean {
  if (text.length === 0) return false;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 32 || code === 127) return false;
  }
  return true;
}
