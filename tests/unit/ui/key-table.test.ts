// The key table as a pure mapping: mode + key -> command.
import { describe, expect, it } from "vitest";
import { KEY_TABLE, bindingsFor, commandForKey, keyName, type UiMode } from "../../../src/ui/key-table.js";

const MODES: UiMode[] = ["loading", "unreachable", "picker", "search", "opening", "dashboard", "confirm", "help", "quitting"];

describe("key table", () => {
  it("maps the dashboard keys of the issue", () => {
    expect(commandForKey("k", {}, "dashboard")).toEqual({ type: "kill" });
    expect(commandForKey("r", {}, "dashboard")).toEqual({ type: "resume" });
    expect(commandForKey("p", {}, "dashboard")).toEqual({ type: "toggle_pause" });
    expect(commandForKey("[", {}, "dashboard")).toEqual({ type: "spread", deltaTicks: -1 });
    expect(commandForKey("]", {}, "dashboard")).toEqual({ type: "spread", deltaTicks: 1 });
    expect(commandForKey("-", {}, "dashboard")).toEqual({ type: "size", direction: -1 });
    expect(commandForKey("+", {}, "dashboard")).toEqual({ type: "size", direction: 1 });
    expect(commandForKey("=", {}, "dashboard")).toEqual({ type: "size", direction: 1 });
    expect(commandForKey("m", {}, "dashboard")).toEqual({ type: "back_to_picker" });
    expect(commandForKey("?", {}, "dashboard")).toEqual({ type: "toggle_help" });
    expect(commandForKey("q", {}, "dashboard")).toEqual({ type: "quit" });
    expect(commandForKey("c", { ctrl: true }, "dashboard")).toEqual({ type: "quit" });
  });

  it("gives the same letter different meanings by mode (k is up in the picker, kill on the dashboard)", () => {
    expect(commandForKey("k", {}, "picker")).toEqual({ type: "move", delta: -1 });
    expect(commandForKey("j", {}, "picker")).toEqual({ type: "move", delta: 1 });
    expect(commandForKey("", { upArrow: true }, "picker")).toEqual({ type: "move", delta: -1 });
    expect(commandForKey("", { downArrow: true }, "picker")).toEqual({ type: "move", delta: 1 });
    expect(commandForKey("", { pageDown: true }, "picker")).toEqual({ type: "page", delta: 1 });
    expect(commandForKey("", { pageUp: true }, "picker")).toEqual({ type: "page", delta: -1 });
    expect(commandForKey("", { return: true }, "picker")).toEqual({ type: "open" });
    expect(commandForKey("/", {}, "picker")).toEqual({ type: "search_start" });
    expect(commandForKey("s", {}, "picker")).toEqual({ type: "cycle_sort" });
    expect(commandForKey("f", {}, "picker")).toEqual({ type: "cycle_filter" });
    expect(commandForKey("d", {}, "unreachable")).toEqual({ type: "start_demo" });
    expect(commandForKey("d", {}, "dashboard")).toEqual({ type: "toggle_description" });
  });

  it("types printable keys into the search, including letters bound elsewhere", () => {
    expect(commandForKey("k", {}, "search")).toEqual({ type: "search_input", text: "k" });
    expect(commandForKey("q", {}, "search")).toEqual({ type: "search_input", text: "q" });
    expect(commandForKey(" ", {}, "search")).toEqual({ type: "search_input", text: " " });
    expect(commandForKey("", { backspace: true }, "search")).toEqual({ type: "search_backspace" });
    expect(commandForKey("", { delete: true }, "search")).toEqual({ type: "search_backspace" });
    expect(commandForKey("", { escape: true }, "search")).toEqual({ type: "search_cancel" });
    expect(commandForKey("", { return: true }, "search")).toEqual({ type: "search_done" });
    expect(commandForKey("c", { ctrl: true }, "search")).toEqual({ type: "quit" });
    expect(commandForKey("\u0001", {}, "search")).toBeNull();
  });

  it("asks and answers: y/n in confirm mode, nothing else", () => {
    expect(commandForKey("y", {}, "confirm")).toEqual({ type: "confirm", yes: true });
    expect(commandForKey("n", {}, "confirm")).toEqual({ type: "confirm", yes: false });
    expect(commandForKey("", { escape: true }, "confirm")).toEqual({ type: "confirm", yes: false });
    expect(commandForKey("k", {}, "confirm")).toBeNull();
    expect(commandForKey("q", {}, "confirm")).toBeNull();
  });

  it("a second Ctrl+C while quitting forces the exit; q does nothing more", () => {
    expect(commandForKey("c", { ctrl: true }, "quitting")).toEqual({ type: "force_quit" });
    expect(commandForKey("q", {}, "quitting")).toBeNull();
  });

  it("every mode can quit, and no key is bound twice in one mode", () => {
    for (const mode of MODES) {
      const cmd = commandForKey("c", { ctrl: true }, mode);
      expect(cmd?.type === "quit" || cmd?.type === "force_quit").toBe(true);
      const seen = new Set<string>();
      for (const b of bindingsFor(mode))
        for (const k of b.keys) {
          expect(seen.has(k), `${k} bound twice in ${mode}`).toBe(false);
          seen.add(k);
        }
    }
    expect(KEY_TABLE.every((b) => b.description.length > 0 && b.label.length > 0)).toBe(true);
  });

  it("names keys", () => {
    expect(keyName("c", { ctrl: true })).toBe("ctrl+c");
    expect(keyName("", { end: true })).toBe("end");
    expect(keyName("x", {})).toBe("x");
  });
});
