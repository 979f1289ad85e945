// The screen state machine: transitions and the effects they ask for.
import { describe, expect, it } from "vitest";
import { initialState, modeOf, transition, type AppState } from "../../../src/ui/app-state.js";
import { market, snapshot, ScriptedEngine } from "./fixtures.js";

const ctx = { now: 0, paused: false, pageSize: 10 };
const a = market({ slug: "a", volume24h: 2 });
const b = market({ slug: "b", volume24h: 1 });

function picker(): AppState {
  const start = initialState(null, "demo");
  expect(start.effects).toEqual([{ type: "load_markets" }]);
  return transition(start.state, { type: "markets_loaded", markets: [a, b] }, ctx).state;
}

describe("app state", () => {
  it("starts by loading markets, or by resolving --market", () => {
    expect(initialState("fed", "demo").effects).toEqual([{ type: "resolve_market", ref: "fed" }]);
    expect(modeOf(initialState(null, "demo").state)).toBe("loading");
    expect(modeOf(picker())).toBe("picker");
  });

  it("opens the selected market and goes to the dashboard when the engine runs", () => {
    let s = transition(picker(), { type: "key", command: { type: "move", delta: 1 } }, ctx).state;
    const t = transition(s, { type: "key", command: { type: "open" } }, ctx);
    expect(t.effects).toEqual([{ type: "open_market", market: b }]);
    expect(modeOf(t.state)).toBe("opening");
    const engine = new ScriptedEngine(snapshot(b));
    s = transition(t.state, { type: "opened", market: b, engine }, ctx).state;
    expect(modeOf(s)).toBe("dashboard");
  });

  it("a failed open returns to the picker with the reason", () => {
    const t = transition(picker(), { type: "key", command: { type: "open" } }, ctx);
    const s = transition(t.state, { type: "open_failed", error: "book never synced" }, ctx).state;
    expect(modeOf(s)).toBe("picker");
    expect(s.message?.text).toContain("book never synced");
  });

  it("pause toggles by the engine's state; kill is immediate; resume and m confirm first", () => {
    const engine = new ScriptedEngine(snapshot(a));
    const dash = transition(transition(picker(), { type: "key", command: { type: "open" } }, ctx).state, { type: "opened", market: a, engine }, ctx).state;
    expect(transition(dash, { type: "key", command: { type: "toggle_pause" } }, ctx).effects).toEqual([{ type: "engine", command: { type: "pause" } }]);
    expect(transition(dash, { type: "key", command: { type: "toggle_pause" } }, { ...ctx, paused: true }).effects).toEqual([{ type: "engine", command: { type: "unpause" } }]);
    expect(transition(dash, { type: "key", command: { type: "kill" } }, ctx).effects[0]).toMatchObject({ type: "engine", command: { type: "kill" } });
    const asking = transition(dash, { type: "key", command: { type: "back_to_picker" } }, ctx);
    expect(asking.effects).toEqual([]);
    expect(modeOf(asking.state)).toBe("confirm");
    const yes = transition(asking.state, { type: "key", command: { type: "confirm", yes: true } }, ctx);
    expect(yes.effects).toEqual([{ type: "close_market" }]);
    expect(modeOf(transition(yes.state, { type: "closed" }, ctx).state)).toBe("picker");
  });

  it("quitting runs shutdown once; a second Ctrl+C forces", () => {
    const q = transition(picker(), { type: "key", command: { type: "quit" } }, ctx);
    expect(q.effects).toEqual([{ type: "shutdown" }]);
    expect(modeOf(q.state)).toBe("quitting");
    expect(transition(q.state, { type: "key", command: { type: "quit" } }, ctx).effects).toEqual([]);
    expect(transition(q.state, { type: "key", command: { type: "force_quit" } }, ctx).effects).toEqual([{ type: "force_exit" }]);
  });

  it("an unreachable endpoint offers the demo and retry", () => {
    const s = transition(initialState(null, "x").state, { type: "load_failed", error: "ECONNREFUSED" }, ctx).state;
    expect(modeOf(s)).toBe("unreachable");
    expect(transition(s, { type: "key", command: { type: "start_demo" } }, ctx).effects).toEqual([{ type: "start_demo" }]);
    expect(transition(s, { type: "key", command: { type: "retry" } }, ctx).effects).toEqual([{ type: "load_markets" }]);
  });
});
