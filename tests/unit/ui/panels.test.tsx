// Dashboard panels rendered from fixed engine snapshots (and the whole frame's size at several terminal sizes).
import { describe, expect, it } from "vitest";
import React from "react";
import { renderToString } from "ink";
import fc from "fast-check";
import { Header } from "../../../src/ui/Header.js";
import { StatusLine } from "../../../src/ui/StatusLine.js";
import { BookPanel } from "../../../src/ui/BookPanel.js";
import { QuotesPanel } from "../../../src/ui/QuotesPanel.js";
import { PositionPanel } from "../../../src/ui/PositionPanel.js";
import { RiskPanel, limitFigure } from "../../../src/ui/RiskPanel.js";
import { ActivityPanel } from "../../../src/ui/ActivityPanel.js";
import { HelpOverlay } from "../../../src/ui/HelpOverlay.js";
import { Dashboard } from "../../../src/ui/Dashboard.js";
import { dashboardLayout } from "../../../src/ui/layout.js";
import { bindingsFor } from "../../../src/ui/key-table.js";
import { market, marketSnapshot, snapshot } from "./fixtures.js";

const info = market({ question: "Will the Federal Reserve cut interest rates at its March 2026 meeting?", description: "Resolves YES if the FOMC lowers the target range in March." });
const snap = snapshot(info);
const lines = (out: string) => out.split("\n");

describe("Header", () => {
  it("shows the question, the DRY-RUN badge, the feed state, rate, delay and clock", () => {
    const out = renderToString(<Header snapshot={snap} question={info.question} width={100} />, { columns: 100 });
    expect(out).toContain("DRY-RUN");
    expect(out).toContain("Will the Federal Reserve");
    expect(out).toContain("feed LIVE");
    expect(out).toContain("42 msg/s");
    expect(out).toContain("delay 12ms");
    expect(out).toContain("12:34:56 UTC");
  });

  it("shows LIVE mode, PAUSED and a reconnecting feed", () => {
    const s = snapshot(info, { mode: "live", paused: true, feed: { ...snap.feed, state: "backoff", delayMs: null } });
    const out = renderToString(<Header snapshot={s} question={info.question} width={100} />, { columns: 100 });
    expect(out).not.toContain("DRY-RUN");
    expect(out).toContain(" LIVE ");
    expect(out).toContain("PAUSED");
    expect(out).toContain("feed RECONNECTING");
    expect(out).toContain("delay -");
  });
});

describe("StatusLine", () => {
  it("shows a HALTED banner with its reason, over any message", () => {
    const risk = { ...snap.risk, state: "HALTED" as const, reason: "daily loss limit" };
    const out = renderToString(<StatusLine risk={risk} overlay={{ kind: "none" }} message={{ level: "info", text: "hello" }} width={80} />, { columns: 80 });
    expect(out).toContain("HALTED: daily loss limit");
    expect(out).not.toContain("hello");
  });

  it("asks its y/n questions", () => {
    const risk = { ...snap.risk, state: "HALTED" as const, reason: "kill switch" };
    expect(renderToString(<StatusLine risk={risk} overlay={{ kind: "confirm", question: "resume" }} message={null} width={80} />)).toContain("Resume quoting (halted: kill switch)? y/n");
    expect(renderToString(<StatusLine risk={snap.risk} overlay={{ kind: "confirm", question: "picker" }} message={null} width={80} />)).toContain("market picker? y/n");
  });

  it("shows REDUCING and messages", () => {
    const risk = { ...snap.risk, state: "REDUCING" as const, reason: "market ends in 30m" };
    expect(renderToString(<StatusLine risk={risk} overlay={{ kind: "none" }} message={null} width={80} />)).toContain("REDUCING: market ends in 30m");
    expect(renderToString(<StatusLine risk={snap.risk} overlay={{ kind: "none" }} message={{ level: "warn", text: "refused: loss limit" }} width={80} />)).toContain("refused: loss limit");
  });
});

describe("BookPanel", () => {
  const render = (over: Partial<React.ComponentProps<typeof BookPanel>> = {}) =>
    renderToString(<BookPanel market={snap.markets[0]} orders={snap.openOrders} width={44} height={12} depth={4} showDescription={false} {...over} />, { columns: 44 });

  it("draws the ladder in YES prices with the NO mirror, our orders marked, asks above bids", () => {
    const out = lines(render());
    const row = (price: string) => out.slice(2).find((l) => l.includes(" " + price + " "));
    expect(out[0]).toContain("bid 0.52  ask 0.54");
    expect(row("0.54")).toMatch(/me 10\s+0\.54\s+0\.46\s+120/);
    expect(row("0.52")).toMatch(/me 10\s+0\.52\s+0\.48\s+150/);
    expect(row("0.51")).not.toContain("me");
    expect(out.findIndex((l) => l.includes("0.55"))).toBeLessThan(out.findIndex((l) => l.includes("spread")));
    expect(out.findIndex((l) => l.includes("0.50 "))).toBeGreaterThan(out.findIndex((l) => l.includes("spread")));
    expect(out.join("\n")).toContain("spread 0.02 (2t)  mid 0.530  last 0.53");
    expect(out.join("\n")).toMatch(/hist [▁▂▃▄▅▆▇█]+ 0\.530/);
    expect(out.length).toBe(12);
  });

  it("says why the book is not quotable, and shows the description on its key", () => {
    const unq = marketSnapshot(info, { quotable: { ok: false, reason: "feed stale" } });
    expect(render({ market: unq })).toContain("not quotable: feed stale");
    const desc = render({ showDescription: true });
    expect(desc).toContain("Description");
    expect(desc).toContain("Resolves YES if the FOMC lowers");
    expect(render({ market: undefined })).toContain("Waiting for the book");
  });
});

describe("QuotesPanel", () => {
  it("lists our orders with outcome, side, price, size, queue, age and reward scoring", () => {
    const out = renderToString(<QuotesPanel snapshot={snap} market={info} width={80} height={6} />, { columns: 80 });
    expect(out).toContain("Our quotes (2)");
    expect(out).toContain("±2t × 10");
    expect(out).toMatch(/YES BUY\s+0\.52\s+10\s+140\s+12s\s+yes/);
    expect(out).toMatch(/NO\s+BUY\s+0\.46\s+10\s+\?\s+3s\s+no/);
    // Sorted as on the ladder: the NO bid at 0.46 is a YES ask at 0.54, above our YES bid at 0.52.
    expect(out.indexOf("NO  BUY")).toBeLessThan(out.indexOf("YES BUY"));
  });

  it("drops optional columns when narrow, and says when there are no quotes", () => {
    const narrow = renderToString(<QuotesPanel snapshot={snap} market={info} width={36} height={6} />, { columns: 36 });
    expect(narrow).toMatch(/YES BUY\s+0\.52\s+10/);
    expect(narrow).not.toContain("status");
    const halted = snapshot(info, { openOrders: [], risk: { ...snap.risk, state: "HALTED" } });
    expect(renderToString(<QuotesPanel snapshot={halted} market={info} width={60} height={6} />)).toContain("Halted: no quotes.");
  });
});

describe("PositionPanel", () => {
  it("shows YES and NO shares, cash, realized, unrealized, fees, total, equity, rewards, markouts", () => {
    const out = renderToString(<PositionPanel snapshot={snap} market={info} width={60} height={8} />, { columns: 60 });
    expect(out).toContain("YES 120.5 @ 0.512");
    expect(out).toContain("NO 0");
    expect(out).toContain("cash $9,876.54");
    expect(out).toContain("fees $0.00");
    expect(out).toContain("realized +$1.20");
    expect(out).toContain("unrealized -$0.30");
    expect(out).toContain("total +$0.90");
    expect(out).toContain("equity $10,000.90");
    expect(out).toMatch(/equity [▁▂▃▄▅▆▇█]{4}/);
    expect(out).toContain("~$1.23/day");
    expect(out).toContain("5s +1.5 30s -0.5 120s - pips");
  });
});

describe("RiskPanel", () => {
  it("shows the state with its reason and the limits, most used first, as bars", () => {
    const risk = { ...snap.risk, state: "HALTED" as const, reason: "kill switch" };
    const out = lines(renderToString(<RiskPanel risk={risk} width={50} height={6} />, { columns: 50 }));
    expect(out[1]).toContain("HALTED");
    expect(out[1]).toContain("kill switch");
    expect(out[2]).toContain("position YES");
    expect(out[2]).toContain("95/100 sh");
    expect(out[3]).toContain("30/120/min");
    expect(out[4]).toContain("$12/$100");
    expect(out[2]).toMatch(/█+░*/);
    expect(limitFigure(12.5, 50, "%")).toBe("12.5%/50%");
    expect(limitFigure(0.25, 1, "$")).toBe("$0.25/$1");
  });
});

describe("ActivityPanel", () => {
  it("merges fills and events, newest first", () => {
    const out = lines(renderToString(<ActivityPanel snapshot={snap} width={60} height={5} />, { columns: 60 }));
    expect(out[1]).toContain("12:31:00 feed reconnected");
    expect(out[2]).toContain("12:30:00 fill BUY 5 YES @ 0.51 maker");
  });

  it("shows a fill once when the engine also journals it as an event", () => {
    const f = snap.fills[0];
    const s = snapshot(info, { events: [{ ts: f.ts, level: "info", text: "fill BUY 5 YES @ 0.51 (maker)" }, ...snap.events] });
    const out = renderToString(<ActivityPanel snapshot={s} width={60} height={6} />, { columns: 60 });
    expect(out.match(/fill BUY 5 YES/g)).toHaveLength(1);
  });
});

describe("HelpOverlay", () => {
  it("lists every dashboard key from the key table", () => {
    const out = renderToString(<HelpOverlay mode="dashboard" width={100} height={30} />, { columns: 100 });
    for (const b of bindingsFor("dashboard")) expect(out).toContain(b.description);
    expect(out).toContain("KILL SWITCH");
    expect(out).toContain("force exit");
    expect(out).toContain("close the help");
    expect(out.match(/ q +quit safely/g)).toHaveLength(1);
  });
});

describe("Dashboard frame", () => {
  const frame = (columns: number, rows: number, over = {}) =>
    renderToString(
      <Dashboard snapshot={snapshot(info, over)} market={info} layout={dashboardLayout(columns, rows)} overlay={{ kind: "none" }} message={null} showDescription={false} />,
      { columns },
    );

  it("fits 80x24 and 160x48 with every panel present", () => {
    for (const [columns, rows] of [
      [80, 24],
      [160, 48],
    ]) {
      const out = frame(columns, rows);
      const ls = lines(out);
      expect(ls.length).toBeLessThanOrEqual(rows - 2); // the footer takes the last line of the frame
      for (const l of ls) expect(Array.from(l).length).toBeLessThanOrEqual(columns);
      for (const title of ["Book", "Position & P&L", "Risk", "Our quotes", "Fills & events", "DRY-RUN"]) expect(out).toContain(title);
    }
  });

  it("never renders taller or wider than the terminal", () => {
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 220 }), fc.integer({ min: 16, max: 70 }), (columns, rows) => {
        const ls = lines(frame(columns, rows));
        expect(ls.length).toBeLessThanOrEqual(rows - 2);
        for (const l of ls) expect(Array.from(l).length).toBeLessThanOrEqual(columns);
      }),
      { numRuns: 15 },
    );
  });
});
