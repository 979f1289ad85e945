// Builders for the TUI tests: markets, engine snapshots, a scripted engine handle and host.
import { EventEmitter } from "node:events";
import type { MarketInfo } from "../../../src/domain/market.js";
import type { CommandResult, EngineCommand, EngineHandle, EngineSnapshot, MarketSnapshot } from "../../../src/engine/snapshot.js";
import type { DashboardHost } from "../../../src/ui/host.js";

let counter = 0;

export function market(over: Partial<MarketInfo> = {}): MarketInfo {
  counter++;
  const id = over.conditionId ?? "0x" + counter.toString(16).padStart(64, "0");
  return {
    conditionId: id,
    question: `Will test market ${counter} resolve YES?`,
    slug: `test-market-${counter}`,
    description: "This market resolves YES if the test passes.",
    yesTokenId: `${counter}1111`,
    noTokenId: `${counter}2222`,
    outcomes: ["Yes", "No"],
    tickSize: 100,
    minSize: 5_000_000,
    negRisk: false,
    endDate: "2030-01-01T00:00:00Z",
    rewards: { maxSpreadCents: 3.5, minSize: 50_000_000, dailyRate: 25_000_000 },
    takerFeeBps: 0,
    active: true,
    closed: false,
    acceptingOrders: true,
    volume24h: 1000,
    volume: 50_000,
    liquidity: 20_000,
    bestBid: 5200,
    bestAsk: 5400,
    ...over,
  };
}

export function marketSnapshot(info: MarketInfo, over: Partial<MarketSnapshot> = {}): MarketSnapshot {
  return {
    info,
    bids: [
      { price: 5200, size: 150_000_000 },
      { price: 5100, size: 300_000_000 },
      { price: 5000, size: 1_000_000_000 },
    ],
    asks: [
      { price: 5400, size: 120_000_000 },
      { price: 5500, size: 80_000_000 },
    ],
    bestBid: 5200,
    bestAsk: 5400,
    midpoint: 5300,
    spread: 200,
    synced: true,
    quotable: { ok: true, reason: null },
    priceHistory: [0.5, 0.51, 0.52, 0.55, 0.53],
    lastTradePrice: 5300,
    ...over,
  };
}

export function snapshot(info: MarketInfo, over: Partial<EngineSnapshot> = {}): EngineSnapshot {
  return {
    ts: Date.UTC(2026, 4, 1, 12, 34, 56),
    mode: "dry-run",
    source: "demo",
    markets: [marketSnapshot(info)],
    feed: { state: "live", reason: null, msgsPerSec: 42, delayMs: 12, reconnects: 0, invalidFrames: 0, lastMessageAgeMs: 30, tokens: [] },
    risk: {
      state: "ACTIVE",
      reason: null,
      limits: [
        { name: "daily loss", used: 12, limit: 100, unit: "$" },
        { name: "position YES", used: 95, limit: 100, unit: "shares" },
        { name: "orders", used: 30, limit: 120, unit: "/min" },
      ],
    },
    pnl: {
      cash: 9_876_540_000,
      realized: 1_200_000,
      unrealized: -300_000,
      fees: 0,
      total: 900_000,
      equity: 10_000_900_000,
      rewardPerDay: 1_230_000,
      markouts: { s5: 1.5, s30: -0.5, s120: null },
    },
    positions: [{ market: info.conditionId, tokenId: info.yesTokenId, outcome: "YES", shares: 120_500_000, avgCost: 5120 }],
    openOrders: [
      { id: "o-bid", market: info.conditionId, tokenId: info.yesTokenId, outcome: "YES", side: "BUY", price: 5200, size: 10_000_000, filled: 0, queueAhead: 140_000_000, ageMs: 12_000, scoring: true, status: "live" },
      { id: "o-ask", market: info.conditionId, tokenId: info.noTokenId, outcome: "NO", side: "BUY", price: 4600, size: 10_000_000, filled: 0, queueAhead: null, ageMs: 3_000, scoring: false, status: "live" },
    ],
    fills: [{ id: "f1", ts: Date.UTC(2026, 4, 1, 12, 30, 0), market: info.conditionId, outcome: "YES", side: "BUY", price: 5100, size: 5_000_000, fee: 0, liquidity: "maker" }],
    events: [{ ts: Date.UTC(2026, 4, 1, 12, 31, 0), level: "warn", text: "feed reconnected" }],
    equityCurve: [10_000_000_000, 10_000_500_000, 9_999_000_000, 10_000_900_000],
    paused: false,
    strategy: { halfSpreadTicks: 2, orderSize: 10_000_000 },
    ...over,
  };
}

/** An engine whose snapshot the test controls, recording the commands it was sent. */
export class ScriptedEngine implements EngineHandle {
  commands: EngineCommand[] = [];
  private listeners = new Set<() => void>();
  constructor(public current: EngineSnapshot, private readonly answer: (cmd: EngineCommand, engine: ScriptedEngine) => CommandResult = () => ({ ok: true, message: "ok" })) {}
  snapshot(): EngineSnapshot {
    return this.current;
  }
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  async command(cmd: EngineCommand): Promise<CommandResult> {
    this.commands.push(cmd);
    return this.answer(cmd, this);
  }
}

/** A host over fixed markets and one scripted engine, recording what the UI asked of it. */
export class ScriptedHost implements DashboardHost {
  calls: string[] = [];
  demo = false;
  constructor(
    public markets: MarketInfo[],
    public engine: ScriptedEngine,
    private readonly failList: string | null = null,
  ) {}
  source(): string {
    return this.demo ? "demo" : "https://gamma.example";
  }
  async listMarkets(): Promise<MarketInfo[]> {
    this.calls.push("list");
    if (this.failList && !this.demo) throw new Error(this.failList);
    return this.markets;
  }
  async resolveMarket(ref: string): Promise<MarketInfo> {
    this.calls.push(`resolve ${ref}`);
    const m = this.markets.find((x) => x.slug === ref || x.conditionId === ref);
    if (!m) throw new Error(`no market matches ${ref}`);
    return m;
  }
  async openMarket(m: MarketInfo): Promise<EngineHandle> {
    this.calls.push(`open ${m.slug}`);
    return this.engine;
  }
  async closeMarket(): Promise<void> {
    this.calls.push("close");
  }
  async startDemo(): Promise<void> {
    this.calls.push("demo");
    this.demo = true;
  }
  async shutdown(): Promise<void> {
    this.calls.push("shutdown");
  }
  forceExit(): void {
    this.calls.push("force");
  }
}

/** Lets Ink process input and React commit (several macrotask turns; no timing is asserted). */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** A terminal's stdin for Ink's render(): a TTY that takes raw mode and never has input unless a test emits it. */
export class FakeKeys extends EventEmitter {
  isTTY = true;
  setRawMode() {}
  setEncoding() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read = () => null;
}
